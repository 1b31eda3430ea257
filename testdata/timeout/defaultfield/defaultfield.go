// Package defaultfield keeps http.DefaultClient in a field of its API
// client: every request sent through the field has no deadline.
package defaultfield

import (
	"context"
	"net/http"
	"time"
)

type Client struct {
	BaseURL    string
	HTTPClient *http.Client
}

func NewClient() *Client {
	return &Client{BaseURL: "https://api.example.com", HTTPClient: http.DefaultClient} // want `http.DefaultClient kept in field HTTPClient: it has no timeout.*\[high:`
}

func (c *Client) Artist(name string) (*http.Response, error) {
	return c.HTTPClient.Get(c.BaseURL + "/artist/" + name)
}

// A client whose every request carries its caller's context: medium.
type Tracker struct{ hc *http.Client }

func NewTracker() *Tracker {
	return &Tracker{hc: http.DefaultClient} // want `http.DefaultClient kept in field hc.*\[medium: .*carries its caller's context`
}

func (t *Tracker) Track(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := t.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Trap: every request through the field has a deadline of its own.
type Prober struct{ hc *http.Client }

func NewProber() *Prober { return &Prober{hc: http.DefaultClient} }

func (p *Prober) Probe(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return err
	}
	resp, err := p.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
