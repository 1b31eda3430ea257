package stdpairs

import (
	"context"
	"net/http"
)

// Traps: the request gets its context before it is sent.

func attachedLater(ctx context.Context, c *http.Client) (*http.Response, error) {
	req, err := http.NewRequest("GET", "http://upstream", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req = req.WithContext(ctx)
	return c.Do(req)
}

func attachedAtSend(ctx context.Context, c *http.Client) (*http.Response, error) {
	req, err := http.NewRequest("GET", "http://upstream", nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req.WithContext(ctx))
}

func send(ctx context.Context, c *http.Client, req *http.Request) (*http.Response, error) {
	return c.Do(req.WithContext(ctx))
}

func attachedByHelper(ctx context.Context, c *http.Client) (*http.Response, error) {
	req, err := http.NewRequest("GET", "http://upstream", nil)
	if err != nil {
		return nil, err
	}
	return send(ctx, c, req)
}
