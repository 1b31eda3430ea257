// Package lifetime: a client that sends on its own lifetime context.
package lifetime

import (
	"context"
	"net"
	"net/http"
)

type tracer struct{}

func (tracer) Start(ctx context.Context, name string) (context.Context, func()) {
	return ctx, func() {}
}

// Client runs until Close; its calls use the context it was started with,
// not one a caller gives.
type Client struct {
	ctx    context.Context
	cancel context.CancelFunc
	tr     tracer
}

func New() *Client {
	ctx, cancel := context.WithCancel(context.Background())
	return &Client{ctx: ctx, cancel: cancel}
}

func (c *Client) Close() { c.cancel() }

// Call takes no context: what it starts runs on the client's.
func (c *Client) Call(addr string) error {
	ctx, end := c.tr.Start(c.ctx, "call")
	defer end()
	return c.call(ctx, addr)
}

func (c *Client) call(ctx context.Context, addr string) error {
	return c.send(ctx, addr)
}

func (c *Client) send(ctx context.Context, addr string) error {
	conn, err := net.Dial("tcp", addr) // want `net.Dial drops the context ctx in scope.*\[low: .*every caller passes a context kept for an object's or the process's lifetime`
	if err != nil {
		return err
	}
	return conn.Close()
}

var background = context.Background()

func ping(ctx context.Context, addr string) error {
	conn, err := net.Dial("tcp", addr) // want `net.Dial drops the context ctx in scope.*\[low: .*lifetime`
	if err != nil {
		return err
	}
	return conn.Close()
}

// Watch pings on the package's own context.
func Watch(addr string) error { return ping(background, addr) }

// A caller's context reaches fetch from one of its callers: the finding
// stays high.
func (c *Client) Fetch(ctx context.Context, url string) error {
	return c.fetch(ctx, url)
}

func (c *Client) Refresh(url string) error { return c.fetch(c.ctx, url) }

func (c *Client) fetch(ctx context.Context, url string) error {
	req, err := http.NewRequest("GET", url, nil) // want `http.NewRequest drops the context ctx in scope.*\[medium`
	if err != nil {
		return err
	}
	_ = req
	return nil
}

// Bot keeps the context its Start is given as its own: the calls Start
// makes run on the bot's lifetime context, which nothing cancels while it
// starts.
type Bot struct{ ctx context.Context }

func (b *Bot) Start(ctx context.Context) error { // want Start:"keeps its context"
	b.ctx = ctx
	conn, err := net.Dial("tcp", "chat.internal:443") // want `net.Dial drops the context ctx in scope.*\[low: .*the function keeps the context in a field`
	if err != nil {
		return err
	}
	return conn.Close()
}

// A session whose ConnectContext keeps its context as the connection's
// lifetime: tying it to a request would close the session when the request
// ends, so Connect is the right call in a handler.
type Session struct {
	ctx  context.Context
	conn net.Conn
}

func (s *Session) ConnectContext(ctx context.Context) error { // want ConnectContext:"keeps its context" ConnectContext:`context reaches \(\*net.Dialer\).DialContext`
	s.ctx = ctx
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", "chat.internal:443")
	s.conn = conn
	return err
}

func (s *Session) Connect() error { return s.ConnectContext(context.Background()) }

func pair(w http.ResponseWriter, r *http.Request, s *Session) {
	_ = s.Connect()
}

// A helper that copies a request's values onto a background context
// detaches the work given its result: a context parameter that every caller
// fills from it, or from a background context, cancels nothing a caller
// waits on.
type userKey struct{}

func withValuesOf(src context.Context) context.Context {
	ctx := context.Background()
	ctx = context.WithValue(ctx, userKey{}, src.Value(userKey{}))
	return ctx
}

func notify(ctx context.Context, url string) error {
	req, err := http.NewRequest("POST", url, nil) // want `http.NewRequest drops the context ctx in scope.*\[low: .*every caller passes a context kept for an object's or the process's lifetime`
	if err != nil {
		return err
	}
	_ = req
	return nil
}

func created(r *http.Request) {
	go func() {
		_ = notify(withValuesOf(r.Context()), "http://hooks.internal/created")
	}()
}

func nightly() {
	ctx := context.WithValue(context.TODO(), userKey{}, "system")
	_ = notify(ctx, "http://hooks.internal/system")
}

// Trap: a helper that adds values to the context it is given keeps the
// caller's cancellation; its result is the caller's context.
func withUser(src context.Context, user string) context.Context {
	return context.WithValue(src, userKey{}, user)
}

func audit(ctx context.Context, url string) error {
	req, err := http.NewRequest("POST", url, nil) // want `http.NewRequest drops the context ctx in scope.*\[medium`
	if err != nil {
		return err
	}
	_ = req
	return nil
}

func updated(r *http.Request) {
	_ = audit(withUser(r.Context(), "alice"), "http://audit.internal/updated")
	_ = audit(withValuesOf(r.Context()), "http://audit.internal/updated")
}

// A notifier whose every caller hands it a context that nothing cancels
// (context.WithoutCancel: the request's values, not its cancellation), so
// that the delivery outlives the request: its dropped context is low.
func deliver(ctx context.Context, url string) error {
	req, err := http.NewRequest(http.MethodPost, url, nil) // want `http.NewRequest drops the context ctx in scope.*\[low: .*lifetime`
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (h *Handler) SignedUp(w http.ResponseWriter, r *http.Request) {
	bg := context.WithoutCancel(r.Context())
	go func() { _ = deliver(bg, "https://example.com/hook") }()
}

func (h *Handler) LoggedIn(w http.ResponseWriter, r *http.Request) {
	go func() { _ = deliver(context.WithoutCancel(r.Context()), "https://example.com/hook") }()
}

type Handler struct{}
