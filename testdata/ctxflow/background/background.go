package background

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

var db *sql.DB

func Handler(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second) // want `context.Background\(\) discards the request's context r.Context\(\): .*; pass r.Context\(\) \(or context.WithoutCancel\(r.Context\(\)\) for work that must outlive the request\)`
	defer cancel()
	_, _ = db.ExecContext(ctx, "UPDATE t SET x = 1")
}

func Service(ctx context.Context) {
	_, _ = db.ExecContext(context.TODO(), "UPDATE t SET x = 1") // want `context.TODO\(\) discards the context ctx in scope`
}

// A derived local is preferred to the parameter it comes from.
func Derived(ctx context.Context) {
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = db.PingContext(context.Background()) // want `pass tctx`
	_ = tctx
}

// Overwriting the parameter: reported, but replacing the call by ctx would
// assign ctx to itself, so no fix.
func Overwrite(ctx context.Context) {
	ctx = context.Background() // want `context.Background\(\) discards the context ctx in scope`
	_ = ctx
}

// A line where the authors suppressed a peer linter's check of contexts
// records their decision: still reported, at low.
func DecidedDetach(ctx context.Context) {
	_ = db.PingContext(context.Background()) //nolint:contextcheck // the check outlives ctx; Stop ends it. // want `context.Background\(\) discards the context ctx in scope.*\[low: its authors suppressed contextcheck's check`
}

// Traps.

// A nil fallback keeps the function usable with a nil context.
func NilGuard(ctx context.Context) { // want NilGuard:`context reaches \(\*sql\.DB\)\.PingContext`
	if ctx == nil {
		ctx = context.Background() // fine: the caller passed no context
	}
	_ = db.PingContext(ctx)
}

// A go statement's literal that builds its own context is detached work
// meant to outlive the request.
func Detached(w http.ResponseWriter, r *http.Request) {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_, _ = db.ExecContext(ctx, "INSERT INTO audit VALUES (1)")
	}()
}

// The recommended form of detached work keeps the request's values.
func WithoutCancel(w http.ResponseWriter, r *http.Request) {
	ctx := context.WithoutCancel(r.Context())
	go func() { _, _ = db.ExecContext(ctx, "INSERT INTO audit VALUES (1)") }()
}

// No context in scope: Background is the root context here.
func main() {
	ctx := context.Background()
	_ = db.PingContext(ctx)
}

func Blank(_ context.Context) {
	_ = context.Background() // fine: the parameter is named _
}

// A context from Background is not derived from a context in scope, and a
// function without one has nothing to drop.
func Job() {
	ctx := context.Background()
	_, _ = db.Exec("DELETE FROM t")
	_ = ctx
}
