// Package perlink inlines the stylesheets a document links to and checks
// its links, one request per link: loops on the request path.
package perlink

import (
	"context"
	"io"
	"net/http"
	"strings"
	"time"
)

// Inline is a handler: the document comes from the request.
func Inline(w http.ResponseWriter, r *http.Request) {
	html, _ := io.ReadAll(r.Body)
	_, _ = io.WriteString(w, inline(r.Context(), string(html)))
}

// inline runs per request; however few the stylesheets, each request that
// has one builds a pool for it: one cause, reported once, where the pool
// is built.
func inline(ctx context.Context, html string) string {
	var b strings.Builder
	for _, href := range stylesheets(html) {
		css, _ := download(ctx, href) // the pool newClient builds on this request path is the finding
		b.Write(css)
	}
	return b.String() + html
}

func stylesheets(html string) []string { return strings.Fields(html) }

// download takes a fresh client and drops it.
func download(ctx context.Context, url string) ([]byte, error) {
	client := newClient()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

func newClient() *http.Client {
	return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{IdleConnTimeout: time.Second}} // want `http.Client with a new http.Transport in perlink.newClient, which handler perlink.Inline runs, builds a new connection pool per request`
}

// Trap: the same loop in code no request path reaches keeps the loop's
// own judgment.
func Prefetch(ctx context.Context, hrefs []string) int {
	n := 0
	for _, href := range hrefs {
		css, _ := download(ctx, href) // want `perlink.download inside a loop builds a new connection pool per iteration .*\[low: the loop goes over parameter hrefs`
		n += len(css)
	}
	return n
}

// Head builds a transport, puts it in a client held in a local, uses it
// once and drops both: one cause, at the transport, whatever calls it.
func Head(ctx context.Context, link string) (int, error) {
	tr := &http.Transport{IdleConnTimeout: time.Second} // want `http.Transport in perlink.Head builds a new connection pool on every call and drops it`
	tr.MaxIdleConnsPerHost = 2
	client := http.Client{Timeout: 10 * time.Second, Transport: tr}
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, link, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// CheckAll calls Head per link: Head's own finding covers it.
func CheckAll(ctx context.Context, links []string) int {
	bad := 0
	for _, l := range links {
		if code, _ := Head(ctx, l); code >= 400 {
			bad++
		}
	}
	return bad
}

// Trap: a transport put in a client that is returned is kept, not dropped.
func NewChecker() *http.Client {
	tr := &http.Transport{IdleConnTimeout: time.Second}
	client := &http.Client{Timeout: 10 * time.Second, Transport: tr}
	return client
}

// Probe checks a URL with a transport that keeps no connection
// (DisableKeepAlives): it holds no pool, so building one per call costs
// only the handshake each request pays anyway.
func Probe(ctx context.Context, url string) (int, error) {
	tr := &http.Transport{DisableKeepAlives: true, TLSHandshakeTimeout: 5 * time.Second}
	client := &http.Client{Timeout: 10 * time.Second, Transport: tr}
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
