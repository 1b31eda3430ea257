// Package httpx builds transports for the program's clients.
package httpx

import (
	"net"
	"net/http"
	"time"
)

// NewDeadlineTransport bounds the dial and the wait for the answer's
// headers.
func NewDeadlineTransport(connect, request time.Duration) *http.Transport { // want NewDeadlineTransport:"boundsHeaders"
	tr := &http.Transport{
		DialContext:           (&net.Dialer{Timeout: connect}).DialContext,
		ResponseHeaderTimeout: request,
	}
	return tr
}

// NewPooledTransport only sizes the pool: nothing bounds a stalled peer.
func NewPooledTransport() *http.Transport {
	return &http.Transport{MaxIdleConnsPerHost: 64}
}

// NewMaybeBounded bounds the wait on one path only.
func NewMaybeBounded(bound bool) *http.Transport {
	if bound {
		return &http.Transport{ResponseHeaderTimeout: 5 * time.Second}
	}
	return &http.Transport{}
}

// Retrying sends each request through a client of its own, up to three
// times: that client's Timeout bounds every attempt.
type Retrying struct{ inner *http.Client }

func NewRetrying(timeout time.Duration) *Retrying {
	return &Retrying{inner: &http.Client{Timeout: timeout}}
}

func (r *Retrying) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:"boundsHeaders"
	return r.Do(req)
}

func (r *Retrying) Do(req *http.Request) (*http.Response, error) {
	var err error
	for range 3 {
		var resp *http.Response
		if resp, err = r.inner.Do(req); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

// Signing adds a header and hands the request to the next transport:
// nothing in it bounds the request.
type Signing struct{ Next http.RoundTripper }

func (s *Signing) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "Bearer token")
	return s.Next.RoundTrip(req)
}
