// Package pages inlines the stylesheets a page links to. Its only caller
// is a handler of another package.
package pages

import (
	"context"
	"io"
	"net/http"
	"strings"
	"time"

	"example.com/places/hooks"
)

// Inline is called by a handler of another package, per request.
func Inline(ctx context.Context, html string) string {
	notifyAll(ctx, html)
	return inline(ctx, html)
}

// notifyAll's pool is built by another package's code, behind its
// configuration: the loop keeps its own judgment.
func notifyAll(ctx context.Context, html string) {
	for _, href := range strings.Fields(html) {
		_ = hooks.Notify(ctx, href) // both: clientreuse "\[low: the loop goes over parameter html, whose size its callers decide"
	}
}

func inline(ctx context.Context, html string) string {
	var b strings.Builder
	for _, href := range strings.Fields(html) {
		css, _ := download(ctx, href) // whole: clientreuse "\[high: on the request path of handler \(\*api.Handler\).Page: at least one pool per request" // alone: clientreuse "\[low: the loop goes over parameter html, whose size its callers decide"
		b.Write(css)
	}
	return b.String()
}

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
	return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{IdleConnTimeout: time.Second}}
}
