package background

import (
	"context"
	"net"
	"net/http"
	"time"
)

// A server's base context outlives the start-up context on purpose: when
// ctx is cancelled (a signal), Shutdown lets in-flight requests finish with
// a live context, and only then is the base context cancelled.
func Serve(ctx context.Context, h http.Handler) error { // want Serve:`context reaches \(context\.Context\)\.Done`
	base, cancelBase := context.WithCancel(context.Background())
	defer cancelBase()
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	go func() {
		<-ctx.Done()
		_ = srv.Shutdown(context.Background())
		cancelBase()
	}()
	return srv.ListenAndServe()
}

// The same base context, also used to ping the database before serving:
// that ping ignores ctx.
func ServeAfterPing(ctx context.Context, h http.Handler) error {
	base, cancelBase := context.WithCancel(context.Background()) // want `context.Background\(\) discards`
	defer cancelBase()
	if err := db.PingContext(base); err != nil {
		return err
	}
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	return srv.ListenAndServe()
}
