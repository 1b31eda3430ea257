package outbound

import (
	"context"
	"net/http"
	"time"

	"golang.org/x/net/context/ctxhttp"
)

// Upstream keeps a client without Timeout, but every request it sends is
// built with its caller's context: the callers decide the deadline.
type Upstream struct{ client *http.Client }

func NewUpstream() *Upstream {
	return &Upstream{client: &http.Client{}} // want `http.Client without Timeout \(stored in field client\).*\[medium: every call can hang for as long as the peer stalls; every request it sends carries its caller's context`
}

func (u *Upstream) Fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return u.client.Do(req)
}

// Positional keeps its client in an unkeyed literal: the same field.
type Positional struct {
	base   string
	client *http.Client
}

func NewPositional(base string) *Positional {
	return &Positional{base, &http.Client{}} // want `http.Client without Timeout \(stored in field client\).*\[medium: every call can hang for as long as the peer stalls; every request it sends carries its caller's context`
}

func (p *Positional) Fetch(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.base+path, nil)
	if err != nil {
		return nil, err
	}
	return p.client.Do(req)
}

// Mixed also sends a request with no context at all: high.
type Mixed struct{ client *http.Client }

func NewMixed() *Mixed {
	return &Mixed{client: &http.Client{}} // want `http.Client without Timeout \(stored in field client\).*\[high`
}

func (m *Mixed) Fetch(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return m.client.Do(req)
}

func (m *Mixed) Ping(url string) (*http.Response, error) { return m.client.Get(url) }

// Detached sends with a fresh Background context: nothing bounds it.
type Detached struct{ client *http.Client }

func NewDetached() *Detached {
	d := &Detached{}
	d.client = &http.Client{} // want `http.Client without Timeout.*\[high`
	return d
}

func (d *Detached) Fetch(url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return d.client.Do(req)
}

// A request built with its caller's context and sent with the default
// client: a handler's context ends when its client leaves, so this is one
// level lower; a fresh Background context keeps it high.
func Relay(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	_, _ = http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout.*\[medium: every call can hang for as long as the peer stalls; the request carries its caller's context`
}

func DetachedRequest(u string) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)
	_, _ = http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout.*\[high`
}

// API keeps a client without Timeout behind a Do wrapper: the requests
// come from the wrapper's callers, and so do their contexts. Closing idle
// connections sends nothing.
type API struct{ hc *http.Client }

func NewAPI() *API {
	return &API{hc: &http.Client{}} // want `http.Client without Timeout \(stored in field hc\).*\[medium: every call can hang for as long as the peer stalls; every request it sends carries its caller's context`
}

func (a *API) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "token")
	return a.hc.Do(req)
}

func (a *API) Close() { a.hc.CloseIdleConnections() }

// RPC builds a default client that its options replace: whether any caller
// keeps the default is not shown.
type RPC struct{ hc *http.Client }

type Options struct{ Client *http.Client }

func NewRPC(opts *Options) *RPC {
	r := &RPC{hc: &http.Client{}} // want `http.Client without Timeout \(stored in field hc\).*\[medium: .*a default that the code replaces on a branch`
	if opts != nil && opts.Client != nil {
		r.hc = opts.Client
	}
	return r
}

func (r *RPC) Get(u string) { _, _ = r.hc.Get(u) }

// Sent through ctxhttp, which sends with the context it is given: every
// request carries its caller's context.
type Proxy struct{ hc *http.Client }

func NewProxy() *Proxy {
	return &Proxy{hc: &http.Client{}} // want `http.Client without Timeout \(stored in field hc\).*\[medium: every call can hang for as long as the peer stalls; every request it sends carries its caller's context`
}

func (p *Proxy) Info(ctx context.Context, url string) (*http.Response, error) {
	return ctxhttp.Get(ctx, p.hc, url)
}

// ctxhttp given a background context: nothing bounds it.
type IndexPoller struct{ hc *http.Client }

func NewIndexPoller() *IndexPoller {
	return &IndexPoller{hc: &http.Client{}} // want `http.Client without Timeout \(stored in field hc\).*\[high`
}

func (p *IndexPoller) Poll(url string) (*http.Response, error) {
	return ctxhttp.Get(context.Background(), p.hc, url)
}

// A client handed to a function of the package that gives each request a
// deadline of its own: every send is bounded.
func watchdog(addr string, tick <-chan time.Time) {
	client := &http.Client{Transport: &http.Transport{}}
	for range tick {
		_ = probeOnce(context.Background(), client, addr)
	}
}

func probeOnce(ctx context.Context, client *http.Client, addr string) error {
	ctx, cancel := context.WithDeadline(ctx, time.Now().Add(30*time.Second))
	defer cancel()
	req, err := http.NewRequest(http.MethodGet, addr, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Trap: the function it is handed to sends with the caller's context,
// which has no deadline here.
func watchdogUnbounded(addr string, tick <-chan time.Time) {
	client := &http.Client{Transport: &http.Transport{}} // want `http.Client without Timeout.*\[high`
	for range tick {
		_ = probe(context.Background(), client, addr)
	}
}

func probe(ctx context.Context, client *http.Client, addr string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Scripted keeps a client without Timeout in a field, but every request
// it sends gets a deadline of its own first (the scripts' timeout): not
// reported.
type Scripted struct {
	ctx    context.Context
	client *http.Client
}

func NewScripted(ctx context.Context) *Scripted {
	return &Scripted{ctx: ctx, client: &http.Client{}}
}

func (s *Scripted) Request(url string, timeoutMs int64) func() (*http.Response, error) {
	return func() (*http.Response, error) {
		ctx, cancel := context.WithTimeout(s.ctx, time.Duration(timeoutMs)*time.Millisecond)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return nil, err
		}
		return s.client.Do(req)
	}
}
