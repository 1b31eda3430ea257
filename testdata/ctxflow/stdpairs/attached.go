package stdpairs

import (
	"context"
	"net/http"
)

// Traps: the request gets its context before it is sent.

func attachedLater(ctx context.Context, c *http.Client) (*http.Response, error) { // want attachedLater:`context reaches \(\*http\.Request\)\.WithContext`
	req, err := http.NewRequest("GET", "http://upstream", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req = req.WithContext(ctx)
	return c.Do(req)
}

func attachedAtSend(ctx context.Context, c *http.Client) (*http.Response, error) { // want attachedAtSend:`context reaches \(\*http\.Request\)\.WithContext`
	req, err := http.NewRequest("GET", "http://upstream", nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req.WithContext(ctx))
}

func send(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) { // want send:`context reaches \(\*http\.Request\)\.WithContext`
	return c.Do(req.WithContext(ctx))
}

func attachedByHelper(ctx context.Context, c *http.Client) (*http.Response, error) { // want attachedByHelper:`context reaches stdpairs\.send → \(\*http\.Request\)\.WithContext`
	req, err := http.NewRequest("GET", "http://upstream", nil)
	if err != nil {
		return nil, err
	}
	return send(ctx, c, req)
}

// A request builder: the request goes back unsent, and its sender attaches
// the context.
func buildRequest(ctx context.Context, url string) (*http.Request, error) {
	req, err := http.NewRequest("POST", url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer token")
	return req, nil
}

func sendBuilt(ctx context.Context, c *http.Client, url string) (*http.Response, error) { // want sendBuilt:`context reaches \(\*http\.Request\)\.WithContext`
	req, err := buildRequest(ctx, url)
	if err != nil {
		return nil, err
	}
	return c.Do(req.WithContext(ctx))
}
