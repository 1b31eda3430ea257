package outbound

import (
	"net/http"
	"time"
)

// A transport that bounds the wait for the answer's headers: a stalled
// peer is cut off.
var bounded = &http.Client{Transport: &http.Transport{ResponseHeaderTimeout: 4 * time.Second}}

// A fallback built only when the caller passes no client.
func orDefault(c *http.Client) *http.Client {
	if c == nil {
		c = &http.Client{} // want `http.Client without Timeout.*\[medium: every call can hang for as long as the peer stalls; built only on a branch\]`
	}
	return c
}

// A wrapper whose transport field is set here, then given to its client.
type wrapped struct {
	Transport *http.Transport
	Client    *http.Client
}

func newWrapped() *wrapped {
	var w wrapped
	w.Transport = &http.Transport{ResponseHeaderTimeout: 30 * time.Second}
	w.Client = &http.Client{Transport: w.Transport}
	return &w
}

func newWrappedLoose() *wrapped {
	var w wrapped
	w.Transport = &http.Transport{}
	w.Client = &http.Client{Transport: w.Transport} // want `http.Client without Timeout`
	return &w
}
