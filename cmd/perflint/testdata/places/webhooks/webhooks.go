// Package webhooks delivers events to subscribers. Its callers reach it
// through the Notifier interface, from other packages.
package webhooks

import (
	"context"
	"io"
	"net/http"
)

type Notifier interface {
	Send(ctx context.Context, url string) error
	Probe(ctx context.Context, url string) error
}

type sender struct{ client *http.Client }

func New(c *http.Client) Notifier { return &sender{client: c} }

// Send is only ever given a context that nothing cancels
// (context.WithoutCancel), through the interface: the delivery outlives
// the request on purpose, and dropping the context cancels nothing.
func (s *sender) Send(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil) // whole: ctxflow "\[low: .*every caller passes a context kept for an object's or the process's lifetime" // alone: ctxflow "\[medium: .*no request is shown to wait on it"
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.Body.Close()
}

// Probe is given the request's context through the interface, by a
// handler of another package: with the whole program in view the request
// waits on it; alone, no request is shown to.
func (s *sender) Probe(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodHead, url, nil) // whole: ctxflow "\[high: the call blocks on I/O" // alone: ctxflow "\[medium: .*no request is shown to wait on it"
	if err != nil {
		return err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.Body.Close()
}
