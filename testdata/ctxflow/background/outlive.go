package background

import (
	"context"
	"net/http"
	"os/exec"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// Traps: work that must outlive the caller's context, by design.

// Inside case <-ctx.Done(): the caller's context is over.
func reportOnCancel(ctx context.Context, done chan struct{}) { // want reportOnCancel:`context reaches \(context\.Context\)\.Done`
	select {
	case <-ctx.Done():
		_ = db.PingContext(context.Background())
	case <-done:
	}
}

// Graceful shutdown runs once the serving context is done.
func serve(ctx context.Context, srv *http.Server) error { // want serve:`context reaches \(context\.Context\)\.Done`
	<-ctx.Done()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// A callback a timer runs later, after the registering call returned.
func later(ctx context.Context) {
	time.AfterFunc(time.Minute, func() {
		_ = db.PingContext(context.Background())
	})
}

// A goroutine a WaitGroup starts outlives the caller.
func refresh(ctx context.Context, wg *sync.WaitGroup) {
	wg.Go(func() {
		_ = db.PingContext(context.Background())
	})
}

// One fetch shared by every caller waiting on the key: no single caller's
// context may cancel it.
func shared(ctx context.Context, g *singleflight.Group) {
	g.Do("key", func() (any, error) {
		return nil, db.PingContext(context.Background())
	})
}

// The caller's values copied onto a context that does not cancel: a
// hand-made context.WithoutCancel.
func withValues(parent, values context.Context) context.Context { return parent }

func detach(ctx context.Context) { // want detach:`context reaches \(\*sql\.DB\)\.PingContext`
	bg := withValues(context.Background(), ctx)
	_ = db.PingContext(bg)
}

// A constructor keeps the context for the object's own background work.
type provider struct{ ctx context.Context }

func NewProvider(ctx context.Context) *provider { return &provider{ctx} }

func open(ctx context.Context) *provider {
	return NewProvider(context.Background())
}

// A process started to outlive the request: CommandContext would kill it.
func daemon(ctx context.Context) error {
	cmd := exec.Command("worker", "--daemon")
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}
