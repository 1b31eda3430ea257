package basic

import (
	"context"
	"net/http"
)

type signer struct{ client *http.Client }

// send signs and sends any request (an object-storage client's SignAndSend).
func (s *signer) send(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "signed")
	return s.client.Do(req)
}

// A HEAD sent through the wrapper: no body to read.
func (s *signer) headObject(ctx context.Context, url string) (http.Header, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.send(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return resp.Header, nil
}

// A GET through the same wrapper, closed unread: reported.
func (s *signer) getObject(ctx context.Context, url string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := s.send(req) // want `on some path the response body is closed without being read`
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
