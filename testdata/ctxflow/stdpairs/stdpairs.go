package stdpairs

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os/exec"
	"time"
)

func Outbound1(ctx context.Context, body io.Reader) {
	_, _ = http.NewRequest("POST", "http://upstream", body) // want `http.NewRequest drops the context ctx in scope: .*; use http.NewRequestWithContext\(ctx, …\).*\[medium: .*no request is shown to wait on it`
}

func Outbound2(ctx context.Context, body io.Reader) {
	_ = exec.Command("convert", "in.png", "out.jpg") // want `exec.Command drops the context ctx in scope: .*, and the process is not killed; use exec.CommandContext\(ctx, …\)`
}

func Outbound3(ctx context.Context, body io.Reader) {
	_, _ = net.Dial("tcp", "db:5432") // want `net.Dial drops .*; use \(&net.Dialer\{\}\).DialContext\(ctx, …\)`
}

func Outbound4(ctx context.Context, body io.Reader) {
	d := &net.Dialer{Timeout: time.Second}
	_, _ = d.Dial("tcp", "db:5432") // want `\(\*net.Dialer\).Dial drops .*; use DialContext\(ctx, …\)`
}

func Outbound5(ctx context.Context, body io.Reader) {
	_, _ = net.LookupHost("example.com") // want `net.LookupHost drops .*; use net.DefaultResolver.LookupHost\(ctx, …\)`
}

func Outbound6(ctx context.Context, body io.Reader) {
	_, _ = net.LookupIP("example.com") // want `net.LookupIP drops .*; use net.DefaultResolver.LookupIP\(ctx, …\)`
}

// Traps: the Context variants, and the same calls with no context in scope.
func Good(ctx context.Context) { // want Good:`context reaches http\.NewRequestWithContext`
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://upstream", nil)
	_ = req
	_ = exec.CommandContext(ctx, "ls")
	var d net.Dialer
	conn, _ := d.DialContext(ctx, "tcp", "db:5432")
	_ = conn
	_, _ = net.DefaultResolver.LookupHost(ctx, "example.com")
	// slog.Info has an InfoContext twin, but a log call's context carries
	// values, not a deadline: not this analyzer's business.
	slog.Info("dialed")
	_ = time.Now()
}

func CLI() {
	req, _ := http.NewRequest("GET", "http://upstream", nil) // fine: no context in scope
	_ = req
	_ = exec.Command("ls")
}

// Traps: the context is attached to the request at once, in the same
// expression or as the request's first use: nothing
// is dropped.
type builder struct{ req *http.Request }

func (b builder) Build() *http.Request { return b.req }

func AttachedInline(ctx context.Context, b builder) *http.Request { // want AttachedInline:`context reaches \(\*http\.Request\)\.WithContext`
	return b.Build().WithContext(ctx)
}

func AttachedFirst(ctx context.Context) (*http.Request, error) { // want AttachedFirst:`context reaches \(\*http\.Request\)\.WithContext`
	req, err := http.NewRequest("GET", "http://upstream", nil)
	if err != nil {
		return nil, err
	}
	return req.WithContext(ctx), nil
}

// Sent before the context is attached: the first request went out without it.
func UsedFirst(ctx context.Context, c *http.Client) { // want UsedFirst:`context reaches \(\*http\.Request\)\.WithContext`
	req, _ := http.NewRequest("GET", "http://upstream", nil) // want `http.NewRequest drops the context ctx in scope`
	c.Do(req)
	_ = req.WithContext(ctx)
}
