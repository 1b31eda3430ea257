// Package passed queries through functions passed by name to a helper
// that calls them (withRetry(s.load)), as generated code and retry or
// transaction helpers do.
package passed

import (
	"context"
	"database/sql"
)

type Store struct {
	db       *sql.DB
	handlers []func(context.Context, int64) error
}

func (s *Store) load(ctx context.Context, id int64) error {
	return s.db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Err()
}

func loadOne(ctx context.Context, db *sql.DB, id int64) error {
	_, err := db.ExecContext(ctx, "UPDATE users SET seen = true WHERE id = $1", id)
	return err
}

// withRetry calls f until it succeeds, three times at most.
func withRetry(ctx context.Context, id int64, f func(context.Context, int64) error) error {
	var err error
	for range 3 {
		if err = f(ctx, id); err == nil {
			return nil
		}
	}
	return err
}

func withDB(ctx context.Context, db *sql.DB, id int64, f func(context.Context, *sql.DB, int64) error) error {
	return f(ctx, db, id)
}

func (s *Store) MethodValuePerItem(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = withRetry(ctx, id, s.load) // want `passed.withRetry inside a loop makes a database round-trip per iteration \(\(\*passed.Store\).MethodValuePerItem → passed.withRetry → \(\*passed.Store\).load → \(\*sql.DB\).QueryRowContext\)`
	}
}

func (s *Store) FuncPerItem(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = withDB(ctx, s.db, id, loadOne) // want `withDB inside a loop makes a database round-trip per row written`
	}
}

// ---- traps ----

// register keeps f for later; it never calls it.
func (s *Store) register(f func(context.Context, int64) error) {
	s.handlers = append(s.handlers, f)
}

func (s *Store) RegisterPerItem(ids []int64) {
	for range ids {
		s.register(s.load)
	}
}

// A helper that calls a different parameter than the one given the
// querying function.
func pick(ctx context.Context, id int64, first, _ func(context.Context, int64) error) error {
	return first(ctx, id)
}

func noop(context.Context, int64) error { return nil }

func (s *Store) OtherParam(ctx context.Context, ids []int64) {
	for _, id := range ids {
		_ = pick(ctx, id, noop, s.load)
	}
}
