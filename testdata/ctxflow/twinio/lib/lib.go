// Package lib is a library with context-taking twins, judged from another
// package by what their context reaches: only a twin whose context can
// cancel blocking I/O makes the plain call a finding.
package lib

import (
	"context"
	"database/sql"
	"time"
)

// Users.UserContext's context reaches QueryRowContext through a helper,
// derived on the way (WithTimeout).
type Users struct{ db *sql.DB }

func (u *Users) User(id int) (string, error) { return u.UserContext(context.Background(), id) }

func (u *Users) UserContext(ctx context.Context, id int) (string, error) { // want UserContext:`context reaches lib.queryName → \(\*sql.DB\).QueryRowContext`
	return queryName(ctx, u.db, id)
}

func queryName(ctx context.Context, db *sql.DB, id int) (string, error) { // want queryName:`context reaches \(\*sql.DB\).QueryRowContext`
	qctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	var name string
	err := db.QueryRowContext(qctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name)
	return name, err
}

// Queue.NextContext gives up waiting when its context ends.
type Queue struct{ items chan string }

func (q *Queue) Next() (string, error) { return <-q.items, nil }

func (q *Queue) NextContext(ctx context.Context) (string, error) { // want NextContext:`context reaches \(context.Context\).Done`
	select {
	case it := <-q.items:
		return it, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Trap: a logger's InfoWithContext only reads a request id from its
// context; nothing it does can be cancelled.
type Logger struct{ prefix string }

type requestIDKey struct{}

func (l *Logger) Info(msg string) { println(l.prefix + msg) }

func (l *Logger) InfoWithContext(ctx context.Context, msg string) {
	id, _ := ctx.Value(requestIDKey{}).(string)
	l.Info(id + ": " + msg)
}

// Trap: StartContext keeps its context in the job and never uses it for
// I/O.
type Job struct {
	ctx  context.Context
	name string
}

func Start(name string) *Job { return StartContext(context.Background(), name) }

func StartContext(ctx context.Context, name string) *Job { return &Job{ctx: ctx, name: name} }

// Trap: TagContext passes its context only to a helper that reads a value
// from it.
type tenantKey struct{}

func Tag(name string) string { return name }

func TagContext(ctx context.Context, name string) string { return tenant(ctx) + "/" + name }

func tenant(ctx context.Context) string {
	t, _ := ctx.Value(tenantKey{}).(string)
	return t
}

// Store is an interface whose implementation here queries with the
// context: a call of Get through the interface drops a context that can
// cancel something.
type Store interface {
	Get(key string) (string, error)
	GetContext(ctx context.Context, key string) (string, error) // want GetContext:`context reaches \(\*lib.sqlStore\).GetContext → \(\*sql.DB\).QueryRowContext`
}

type sqlStore struct{ db *sql.DB }

func (s *sqlStore) Get(key string) (string, error) { return s.GetContext(context.Background(), key) }

func (s *sqlStore) GetContext(ctx context.Context, key string) (string, error) { // want GetContext:`context reaches \(\*sql.DB\).QueryRowContext`
	var v string
	return v, s.db.QueryRowContext(ctx, "SELECT v FROM kv WHERE k = $1", key).Scan(&v)
}

// Cache has no implementation in sight: nothing shows that its context
// cancels anything, so a call of Get is not reported.
type Cache interface {
	Get(key string) (string, error)
	GetContext(ctx context.Context, key string) (string, error)
	Set(key, val string)
}
