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
