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
