package stdpairs

import (
	"context"
	"net/http"
)

// An application's own context extends context.Context: the request's
// cancellation and deadline travel with it.
type AppContext interface {
	context.Context
	UserID() int64
}

// A struct that embeds one carries it too.
type Job struct {
	context.Context
	ID int64
}

func fetchFor(ctx AppContext, url string) (*http.Request, error) {
	return http.NewRequest("GET", url, nil) // want `http.NewRequest drops the context ctx in scope: .*; use http.NewRequestWithContext\(ctx, …\)`
}

func fetchJob(job *Job, url string) (*http.Request, error) {
	return http.NewRequest("GET", url, nil) // want `http.NewRequest drops the context job in scope`
}

// Trap: a type that only has a Context method is not itself a context.
type holder struct{ ctx context.Context }

func (h holder) Context() context.Context { return h.ctx }

func fetchHeld(h holder, url string) (*http.Request, error) {
	return http.NewRequest("GET", url, nil)
}
