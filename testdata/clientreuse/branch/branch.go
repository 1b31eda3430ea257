// Package branch calls helpers that build a pool only for some arguments.
package branch

import (
	"net/http"

	"example.com/td/clientreuse/branch/httpx"
)

// Whether this call builds a transport depends on the options: possible,
// not certain.
func Proxy(w http.ResponseWriter, r *http.Request) {
	c := httpx.Client(httpx.Options{Transport: http.DefaultTransport}) // want `httpx.Client in handler branch.Proxy builds a new connection pool per request \(httpx.Client → http.Transport\).*\[medium: runs per request; the callee builds it only for some arguments\]`
	_ = c
}

// A helper that always builds one.
func Always(w http.ResponseWriter, r *http.Request) {
	c := httpx.Fresh() // want `\[high: runs per request\]`
	_ = c
}

// Built here only when the request asks for a stream.
func Stream(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("stream") == "1" {
		c := &http.Client{Transport: &http.Transport{DisableCompression: true}} // want `\[medium: runs per request; built only on a branch\]`
		_ = c
	}
}

// The helper's own finding is the one: not reported again here.
func Forward(w http.ResponseWriter, r *http.Request) {
	resp, err := httpx.Get("http://upstream")
	if err == nil {
		resp.Body.Close()
	}
}
