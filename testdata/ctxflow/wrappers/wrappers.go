package wrappers

import (
	"context"
	"net/http"
)

// An in-house store following the X / XContext convention: covered
// without a table.
type Store struct{}

func (s *Store) Load(key string) (string, error)                             { return "", nil }
func (s *Store) LoadContext(ctx context.Context, key string) (string, error) { return "", nil }

// Fetch / FetchWithContext, as http.NewRequest / NewRequestWithContext.
func Fetch(url string) error                                 { return nil }
func FetchWithContext(ctx context.Context, url string) error { return nil }

// Generic repository.
type Repo[T any] struct{}

func (r *Repo[T]) Get(id int) (T, error) {
	var zero T
	return zero, nil
}
func (r *Repo[T]) GetContext(ctx context.Context, id int) (T, error) { return r.Get(id) } // fine: the twin itself is built on Get

// An interface following the convention.
type Querier interface {
	Run(q string) error
	RunContext(ctx context.Context, q string) error
}

func Use(ctx context.Context, s *Store, q Querier, repo *Repo[int]) {
	_, _ = s.Load("k")    // want `\(\*wrappers.Store\).Load drops the context ctx in scope: .*; use LoadContext\(ctx, …\)`
	_ = Fetch("http://x") // want `wrappers.Fetch drops .*; use wrappers.FetchWithContext\(ctx, …\)`
	_ = q.Run("SELECT")   // want `\(wrappers.Querier\).Run drops .*; use RunContext\(ctx, …\)`
	_, _ = repo.Get(1)    // want `\(\*wrappers.Repo\).Get drops .*; use GetContext\(ctx, …\)`
}

// Traps: a sibling whose first parameter is not a context, or whose
// parameters do not line up, is not a twin.
type Cache struct{}

func (c *Cache) Put(key, val string)                       {}
func (c *Cache) PutContext(label string, key, val string)  {}
func (c *Cache) Drop(key string)                           {}
func (c *Cache) DropContext(ctx context.Context)           {}
func (c *Cache) Peek(ctx context.Context, key string) bool { return false }

func Traps(w http.ResponseWriter, r *http.Request, c *Cache) {
	c.Put("k", "v")
	c.Drop("k")
	_ = c.Peek(r.Context(), "k")
}
