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

// do builds and sends a request with the method its caller names.
func (s *signer) do(method, url string) (*http.Response, error) {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		return nil, err
	}
	return s.client.Do(req)
}

// A HEAD through a helper given the method: no body, nothing to close.
func (s *signer) digest(url string) (string, error) {
	resp, err := s.do(http.MethodHead, url)
	if err != nil {
		return "", err
	}
	return resp.Header.Get("Digest"), nil
}

// The same helper sending a GET leaves the body open: reported.
func (s *signer) fetch(url string) (string, error) {
	resp, err := s.do(http.MethodGet, url) // want `the response body is not closed on every path`
	if err != nil {
		return "", err
	}
	return resp.Header.Get("Digest"), nil
}

// A HEAD given its context after it is built: still no body.
func (s *signer) contentType(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequest(http.MethodHead, url, http.NoBody)
	if err != nil {
		return "", err
	}
	req = req.WithContext(ctx)
	resp, err := s.client.Do(req)
	if err != nil {
		return "", err
	}
	return resp.Header.Get("Content-Type"), nil
}
