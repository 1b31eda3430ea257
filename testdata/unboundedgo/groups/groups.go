// Package groups fans out a request's list with errgroup.Group values made
// every way the type allows: a literal, a var, new. With no SetLimit each
// is one goroutine per item, like errgroup.WithContext's group.
package groups

import (
	"context"
	"encoding/json"
	"net/http"

	"golang.org/x/sync/errgroup"
)

type Request struct {
	IDs []int `json:"ids"`
}

func fetch(ctx context.Context, id int) error { return nil }

func decode(r *http.Request) []int {
	var req Request
	_ = json.NewDecoder(r.Body).Decode(&req)
	return req.IDs
}

// Positives: no limit on the group.

func Literal(w http.ResponseWriter, r *http.Request) {
	g := errgroup.Group{}
	for _, id := range decode(r) {
		g.Go(func() error { return fetch(r.Context(), id) }) // want `errgroup.Group.Go in a loop over a slice starts one goroutine per item with no limit.*call SetLimit\(n\) on the group before the loop`
	}
	_ = g.Wait()
}

func PointerLiteral(w http.ResponseWriter, r *http.Request) {
	g := &errgroup.Group{}
	for _, id := range decode(r) {
		g.Go(func() error { return fetch(r.Context(), id) }) // want `errgroup.Group.Go in a loop over a slice`
	}
	_ = g.Wait()
}

func Var(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	for _, id := range decode(r) {
		g.Go(func() error { return fetch(r.Context(), id) }) // want `errgroup.Group.Go in a loop over a slice`
	}
	_ = g.Wait()
}

func New(w http.ResponseWriter, r *http.Request) {
	g := new(errgroup.Group)
	for _, id := range decode(r) {
		g.TryGo(func() error { return fetch(r.Context(), id) }) // want `errgroup.Group.Go in a loop over a slice`
	}
	_ = g.Wait()
}

// SetLimit with a negative n removes the limit: still one goroutine per item.
func NegativeLimit(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	g.SetLimit(-1)
	for _, id := range decode(r) {
		g.Go(func() error { return fetch(r.Context(), id) }) // want `errgroup.Group.Go in a loop over a slice`
	}
	_ = g.Wait()
}

// Negatives: the same groups with a limit.

func LiteralLimited(w http.ResponseWriter, r *http.Request) {
	g := errgroup.Group{}
	g.SetLimit(8)
	for _, id := range decode(r) {
		g.Go(func() error { return fetch(r.Context(), id) })
	}
	_ = g.Wait()
}

func VarLimited(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	g.SetLimit(8)
	for _, id := range decode(r) {
		g.Go(func() error { return fetch(r.Context(), id) })
	}
	_ = g.Wait()
}

const workers = 4

func NewLimited(w http.ResponseWriter, r *http.Request) {
	g := new(errgroup.Group)
	g.SetLimit(workers)
	for _, id := range decode(r) {
		g.Go(func() error { return fetch(r.Context(), id) })
	}
	_ = g.Wait()
}

// A limit computed at run time is a limit (a negative one would be odd).
func DynamicLimit(w http.ResponseWriter, r *http.Request, n int) {
	g := &errgroup.Group{}
	g.SetLimit(n)
	for _, id := range decode(r) {
		g.Go(func() error { return fetch(r.Context(), id) })
	}
	_ = g.Wait()
}

// A group per item runs its goroutines one at a time here: Wait in the loop.
func GroupPerItem(w http.ResponseWriter, r *http.Request) {
	for _, id := range decode(r) {
		var g errgroup.Group
		g.Go(func() error { return fetch(r.Context(), id) })
		_ = g.Wait()
	}
}

// A few fixed calls in parallel: not a loop over data.
func Fixed(w http.ResponseWriter, r *http.Request) {
	var g errgroup.Group
	for _, id := range [...]int{1, 2, 3} {
		g.Go(func() error { return fetch(r.Context(), id) })
	}
	_ = g.Wait()
}
