package background

import "context"

// Traps: a background context only once the caller's is done, so that
// cleanup can still run.
func abort(ctx context.Context) { // want abort:`context reaches \(\*sql\.DB\)\.PingContext`
	abortCtx := ctx
	if abortCtx.Err() != nil {
		abortCtx = context.Background()
	}
	_ = db.PingContext(abortCtx)
}

func validContext(ctx context.Context) context.Context {
	if ctx.Err() == nil {
		return ctx
	}
	return context.Background()
}

// Without the check the caller's context is discarded.
func cleanup(ctx context.Context) {
	if ctx.Err() == nil {
		_ = db.PingContext(context.Background()) // want `context.Background\(\) discards the context ctx in scope`
	}
}

// A shutdown that falls back to a fresh context when the caller's is nil
// or already done, and bounds it with its own deadline.
func stop(ctx context.Context) { // want stop:`context reaches \(\*sql\.DB\)\.PingContext`
	parent := ctx
	if parent == nil || parent.Err() != nil {
		parent = context.Background()
	}
	_ = db.PingContext(parent)
}

// Trap: a disjunction that also holds for a live context.
func stopLive(ctx context.Context, force bool) { // want stopLive:`context reaches \(\*sql\.DB\)\.PingContext`
	parent := ctx
	if force || ctx.Err() != nil {
		parent = context.Background() // want `context.Background\(\) discards the context parent in scope`
	}
	_ = db.PingContext(parent)
}

// Deferred cleanup runs when the function returns, most often because the
// caller's context has ended: it must not inherit that context.
func runContainer(ctx context.Context) { // want runContainer:`context reaches \(\*sql\.DB\)\.PingContext`
	defer func() {
		_ = db.PingContext(context.Background())
	}()
	defer db.PingContext(context.TODO())
	_ = db.PingContext(ctx)
}
