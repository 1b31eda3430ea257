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
