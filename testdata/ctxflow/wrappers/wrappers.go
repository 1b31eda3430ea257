package wrappers

import (
	"context"
	"database/sql"
	"net/http"
)

// An in-house store following the X / XContext convention: covered
// without a table, because LoadContext queries with its context.
type Store struct{ db *sql.DB }

func (s *Store) Load(key string) (string, error) { return "", nil }

func (s *Store) LoadContext(ctx context.Context, key string) (string, error) { // want LoadContext:`context reaches \(\*sql.DB\).QueryRowContext`
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT v FROM kv WHERE k = $1", key).Scan(&v)
	return v, err
}

// Fetch / FetchWithContext, as http.NewRequest / NewRequestWithContext.
func Fetch(url string) error { return nil }

func FetchWithContext(ctx context.Context, url string) error { // want FetchWithContext:`context reaches http.NewRequestWithContext`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Generic repository whose GetContext waits for it to be ready, or for
// the context to end.
type Repo[T any] struct{ ready chan struct{} }

func (r *Repo[T]) Get(id int) (T, error) {
	var zero T
	return zero, nil
}

func (r *Repo[T]) GetContext(ctx context.Context, id int) (T, error) { // want GetContext:`context reaches \(context.Context\).Done`
	select {
	case <-r.ready:
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
	return r.Get(id) // fine: the twin itself is built on Get
}

// An interface following the convention, implemented in this package by
// a type whose RunContext executes with its context: the evidence that
// the interface's context cancels something.
type Querier interface {
	Run(q string) error
	RunContext(ctx context.Context, q string) error // want RunContext:`context reaches \(wrappers.sqlQuerier\).RunContext → \(\*sql.DB\).ExecContext`
}

type sqlQuerier struct{ db *sql.DB }

func (q sqlQuerier) Run(query string) error {
	_, err := q.db.Exec(query)
	return err
}

func (q sqlQuerier) RunContext(ctx context.Context, query string) error { // want RunContext:`context reaches \(\*sql.DB\).ExecContext`
	_, err := q.db.ExecContext(ctx, query)
	return err
}

func Use1(ctx context.Context, s *Store, q Querier, repo *Repo[int]) {
	_, _ = s.Load("k") // want `\(\*wrappers.Store\).Load drops the context ctx in scope: .*; use LoadContext\(ctx, …\)`
}

func Use2(ctx context.Context, s *Store, q Querier, repo *Repo[int]) {
	_ = Fetch("http://x") // want `wrappers.Fetch drops .*; use wrappers.FetchWithContext\(ctx, …\)`
}

func Use3(ctx context.Context, s *Store, q Querier, repo *Repo[int]) {
	_ = q.Run("SELECT") // want `\(wrappers.Querier\).Run drops .*; use RunContext\(ctx, …\)`
}

func Use4(ctx context.Context, s *Store, q Querier, repo *Repo[int]) {
	_, _ = repo.Get(1) // want `\(\*wrappers.Repo\).Get drops .*; use GetContext\(ctx, …\)`
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
