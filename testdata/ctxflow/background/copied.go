package background

import (
	"context"
	"time"
)

type requestIDKey struct{}

func withRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// detachWithID gives work that must outlive the request a deadline of its own
// and the request's id: a hand-made context.WithoutCancel.
func detachWithID(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	out, cancel := context.WithTimeout(context.Background(), d)
	out = withRequestID(out, requestID(ctx))
	return out, cancel
}

// A query given the request's id but a fresh context: the query ignores
// the caller's cancellation.
func Audit(ctx context.Context) error {
	bg, cancel := context.WithTimeout(context.Background(), time.Minute) // want `context.Background\(\) discards`
	defer cancel()
	_, err := db.ExecContext(bg, "INSERT INTO audit(request) VALUES ($1)", requestID(ctx))
	return err
}

// A copy of ctx that falls back to a background context when ctx is nil:
// nothing is dropped.
func withTrace(ctx context.Context, trace string) context.Context {
	nctx := ctx
	if ctx == nil {
		nctx = context.Background()
	}
	return withRequestID(nctx, trace)
}
