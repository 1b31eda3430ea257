// Package transports sends through transports another package builds: a
// transport that bounds the wait for headers bounds the client.
package transports

import (
	"context"
	"net/http"
	"time"

	"example.com/td/timeout/transports/httpx"
)

func notify(endpoint string) error {
	c := &http.Client{Transport: httpx.NewDeadlineTransport(2*time.Second, 5*time.Second)}
	resp, err := c.Post(endpoint, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func notifyLocal(endpoint string) error {
	tr := httpx.NewDeadlineTransport(2*time.Second, 5*time.Second)
	c := &http.Client{Transport: tr}
	resp, err := c.Post(endpoint, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Traps: a transport that only sizes its pool, and one that bounds the
// wait on one path only, leave the client unbounded.
func notifyPooled(endpoint string) error {
	c := &http.Client{Transport: httpx.NewPooledTransport()} // want `http.Client without Timeout`
	resp, err := c.Post(endpoint, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func notifyMaybe(endpoint string, bound bool) error {
	c := &http.Client{Transport: httpx.NewMaybeBounded(bound)} // want `http.Client without Timeout`
	resp, err := c.Post(endpoint, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

var shared = &http.Client{Timeout: 10 * time.Second}

// A client without a timeout picked only when the request's context has a
// deadline: the context bounds it.
func post(ctx context.Context, endpoint string) error {
	req, err := http.NewRequestWithContext(ctx, "POST", endpoint, nil)
	if err != nil {
		return err
	}
	client := shared
	if _, ok := ctx.Deadline(); ok {
		client = &http.Client{}
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Trap: picked when the context has no deadline.
func postUnbounded(ctx context.Context, endpoint string) error {
	req, err := http.NewRequestWithContext(ctx, "POST", endpoint, nil)
	if err != nil {
		return err
	}
	client := shared
	if _, ok := ctx.Deadline(); !ok {
		client = &http.Client{} // want `http.Client without Timeout`
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A transport that sends through a client of its own: that client's
// Timeout bounds the request, and is judged where it is built.
func notifyRetrying(endpoint string) error {
	c := &http.Client{Transport: httpx.NewRetrying(5 * time.Second)}
	resp, err := c.Post(endpoint, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Trap: a transport that only decorates the request bounds nothing.
func notifySigned(endpoint string) error {
	c := &http.Client{Transport: &httpx.Signing{Next: http.DefaultTransport}} // want `http.Client without Timeout`
	resp, err := c.Post(endpoint, "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
