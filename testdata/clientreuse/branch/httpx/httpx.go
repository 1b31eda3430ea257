// Package httpx builds outbound clients: a transport of its own only when
// the options ask for a streaming one.
package httpx

import "net/http"

type Options struct {
	Stream    bool
	Transport http.RoundTripper
}

// Client returns a client over the shared transport, or over a transport
// of its own for streams.
func Client(opts Options) *http.Client {
	if opts.Stream {
		return &http.Client{Transport: &http.Transport{DisableCompression: true}}
	}
	return &http.Client{Transport: opts.Transport}
}

// Fresh always builds a transport.
func Fresh() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}

// Get builds a transport, sends one request and drops it: every call pays
// for a pool. Reported here, once, whoever calls it.
func Get(url string) (*http.Response, error) {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client with a new http.Transport in httpx.Get builds a new connection pool on every call and drops it.*\[medium: built and dropped on every call; its callers are not shown\]`
	return c.Get(url)
}
