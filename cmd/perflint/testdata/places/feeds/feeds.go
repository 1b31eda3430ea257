// Package feeds pushes a new item to the subscribers' hooks after the
// request that created it has been answered.
package feeds

import (
	"context"
	"io"
	"net/http"

	"example.com/places/events"
)

// Registry pushes to subscribers.
type Registry struct{ Client *http.Client }

// Created answers at once and pushes later, on a context that keeps the
// request's values but not its cancellation.
func (r *Registry) Created(ctx context.Context, url string) {
	go func() { _ = r.Push(events.Detach(ctx), url) }()
}

// Push is exported, and its only callers are in this package. With the
// whole program in view, none elsewhere: each of them passes a detached
// context, which cancels nothing a caller waits on.
func (r *Registry) Push(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil) // whole: ctxflow "\[low: .*every caller passes a context kept for an object's or the process's lifetime" // alone: ctxflow "\[medium: .*no request is shown to wait on it"
	if err != nil {
		return err
	}
	resp, err := r.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return err
}
