// Package safego hands work to a helper that runs it in a goroutine of its
// own, after the request may have ended: the request's context is not the
// work's (attaching it would cancel the work), as in a go statement.
package safego

import (
	"context"
	"net/http"

	"golang.org/x/sync/errgroup"

	"example.com/td/ctxflow/safego/async"
)

func notify(ctx context.Context, url string) error { // want notify:`context reaches http.NewRequestWithContext`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Across packages (fact Starts): a background context in the detached
// work is not a dropped request context.
func Logout(w http.ResponseWriter, r *http.Request) {
	async.Go(func() {
		_ = notify(context.Background(), "https://rp.example.com/logout")
	})
	w.WriteHeader(http.StatusNoContent)
}

// In the package: a helper of its own.
func goSafe(fn func()) {
	go func() {
		defer func() { _ = recover() }()
		fn()
	}()
}

func Signup(w http.ResponseWriter, r *http.Request) {
	goSafe(func() {
		req, _ := http.NewRequest(http.MethodPost, "https://crm.example.com/new", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			_ = resp.Body.Close()
		}
	})
	w.WriteHeader(http.StatusCreated)
}

// Traps: a helper that waits for the work (the request's context still
// runs it), and errgroup's Go, which its caller waits for.
func runAndWait(fn func()) {
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	<-done
}

func Export(w http.ResponseWriter, r *http.Request) {
	runAndWait(func() {
		_ = notify(context.Background(), "https://export.example.com/") // want `context.Background\(\) discards the request's context r.Context\(\)`
	})
}

func Fanout(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	g.Go(func() error {
		return notify(context.TODO(), "https://a.example.com/") // want `context.TODO\(\) discards the request's context r.Context\(\)`
	})
	_ = g.Wait()
}
