package store // want package:"module"

// Package store holds the functions whose summaries the facts record.

import (
	"context"
	"database/sql"
	"log"
	"net/http"

	"github.com/redis/go-redis/v9"
)

type Store struct {
	db  *sql.DB
	rdb *redis.Client
}

func Open(dsn string) *sql.DB { // want Open:`pool: sql.Open`
	db, _ := sql.Open("postgres", dsn)
	return db
}

func Client() *http.Client { // want Client:`pool: http.Transport`
	return &http.Client{Transport: &http.Transport{}}
}

func NewStore(dsn string) *Store { // want NewStore:`pool: store.Open → sql.Open`
	return &Store{db: Open(dsn)}
}

func (s *Store) Customer(ctx context.Context, id int) error { // want Customer:`query: \(\*sql.DB\).QueryRowContext`
	return s.db.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = $1", id).Err()
}

func (s *Store) CustomerLogged(ctx context.Context, id int) error { // want CustomerLogged:`query: \(\*store.Store\).Customer → \(\*sql.DB\).QueryRowContext; log: log.Printf`
	log.Printf("customer %d", id)
	return s.Customer(ctx, id)
}

// Cached reads redis: a command on a client is a round-trip.
func (s *Store) Cached(ctx context.Context, key string) string { // want Cached:`query: \(redis.cmdable\).Get`
	return s.rdb.Get(ctx, key).Val()
}

// Pipelined queues commands: the only round-trip is Exec.
func (s *Store) Pipelined(ctx context.Context, keys []string) error { // want Pipelined:`query: \(redis.Pipeliner\).Exec`
	pipe := s.rdb.Pipeline()
	for _, k := range keys {
		pipe.Get(ctx, k)
	}
	_, err := pipe.Exec(ctx)
	return err
}

// deep chains are elided in the middle.
func a(s *Store) error { return b(s) }                                // want a:`query: store.b → store.c → … → \(\*sql.DB\).QueryRowContext`
func b(s *Store) error { return c(s) }                                // want b:`query: store.c → store.d → store.e → \(\*store.Store\).Customer → \(\*sql.DB\).QueryRowContext`
func c(s *Store) error { return d(s) }                                // want c:`query: store.d → store.e → \(\*store.Store\).Customer → \(\*sql.DB\).QueryRowContext`
func d(s *Store) error { return e(s) }                                // want d:`query: store.e → \(\*store.Store\).Customer → \(\*sql.DB\).QueryRowContext`
func e(s *Store) error { return s.Customer(context.Background(), 1) } // want e:`query: \(\*store.Store\).Customer → \(\*sql.DB\).QueryRowContext`

// Recursion terminates.
func Walk(s *Store, n int) error { // want Walk:`query: store.Walk → \(\*store.Store\).Customer|query: \(\*store.Store\).Customer`
	if n == 0 {
		return nil
	}
	_ = s.Customer(context.Background(), n)
	return Walk(s, n-1)
}

// A registered handler does not run when Register runs.
func Register(s *Store, mux *http.ServeMux) {
	mux.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		_ = s.Customer(r.Context(), 1)
	})
}

// A closure held in a variable runs where it is called.
func Closure(s *Store) { // want Closure:`query: \(\*store.Store\).Customer → \(\*sql.DB\).QueryRowContext`
	get := func(id int) error { return s.Customer(context.Background(), id) }
	_ = get(1)
}

// Nothing costly.
func Pure(x int) int { return x * 2 }

// Sweep queries once per key: the effect is inside its own loop.
func (s *Store) Sweep(ctx context.Context, keys []string) { // want Sweep:`query: \(redis.cmdable\).Del \(in its loops\)`
	for _, k := range keys {
		s.rdb.Del(ctx, k)
	}
}
