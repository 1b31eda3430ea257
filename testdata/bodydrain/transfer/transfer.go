// Package transfer holds responses whose ownership moves elsewhere: no
// finding, each for the reason given.
package transfer

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"

	"example.com/td/bodydrain/helpers"
)

type result struct {
	resp *http.Response
	body io.ReadCloser
}

// returned: the caller closes.
func get(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// The body is returned.
func open(c *http.Client, url string) (io.ReadCloser, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// A helper in another package returns the response; its caller here closes.
func viaHelper(c *http.Client, url string) ([]byte, error) {
	resp, err := helpers.Fetch(c, url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// A helper's response not closed is a leak at the helper call.
func viaHelperLeak(c *http.Client, url string) int {
	resp, err := helpers.Fetch(c, url) // want `not closed on every path`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// Stored in a struct field: the struct's owner closes.
func store(c *http.Client, url string, r *result) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	r.resp = resp
	return nil
}

func storeBody(c *http.Client, url string) (*result, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	return &result{body: resp.Body}, nil
}

// Sent on a channel: the receiver closes.
func send(c *http.Client, urls []string, out chan<- *http.Response) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		out <- resp
	}
}

// Handed to a goroutine, which closes it.
func goroutine(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
	}()
	return nil
}

// Wrapped in a bufio.Reader read to EOF.
func buffered(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	return io.ReadAll(br)
}

// Scanned line by line to the end.
func scanned(c *http.Client, url string) (n int) {
	resp, err := c.Get(url)
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		n++
	}
	return n
}

// Decoded, then drained.
func decodedDrained(c *http.Client, url string, v any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Kept in a map.
func cache(c *http.Client, url string, m map[string]*http.Response) {
	resp, err := c.Get(url)
	if err != nil {
		return
	}
	m[url] = resp
}

// Passed to an interface method: not ours to judge.
type sink interface{ Take(*http.Response) }

func toSink(c *http.Client, url string, s sink) {
	resp, err := c.Get(url)
	if err != nil {
		return
	}
	s.Take(resp)
}

// Passed to a function value.
func toFunc(c *http.Client, url string, f func(*http.Response)) {
	resp, err := c.Get(url)
	if err != nil {
		return
	}
	f(resp)
}

// A response-shaped type of another package is not an *http.Response.
type Response struct{ Body io.ReadCloser }

func lookalike() (*Response, error) { return &Response{}, nil }

func useLookalike() int {
	r, err := lookalike() // not net/http: nothing to close
	if err != nil {
		return 0
	}
	_ = r
	return 1
}

// A constructor that keeps the response (a fetcher's
// fetcher.NewResponseHandler(rb.ExecuteRequest(url))): the handler owns it.
type handler struct {
	resp *http.Response
	err  error
}

func newHandler(resp *http.Response, err error) *handler {
	return &handler{resp: resp, err: err}
}

func (h *handler) Close() {
	if h.resp != nil {
		h.resp.Body.Close()
	}
}

func viaHandler(c *http.Client, url string) error {
	h := newHandler(c.Get(url))
	defer h.Close()
	return h.err
}

// The same through another package's constructor (a fact).
func viaHandlerFact(c *http.Client, url string) error {
	h := helpers.NewHandler(c.Get(url))
	return h.Err()
}
