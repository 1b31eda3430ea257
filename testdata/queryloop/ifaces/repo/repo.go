// Package repo declares a repository interface with a database
// implementation, and an sqlc-style query set over a DBTX interface that
// *sql.DB and *sql.Tx satisfy.
package repo

import (
	"context"
	"database/sql"
	"sync"
)

// DBTX is what generated query code runs on: *sql.DB or *sql.Tx.
type DBTX interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type Queries struct{ db DBTX }

func New(db DBTX) *Queries { return &Queries{db: db} }

func (q *Queries) GetAuthor(ctx context.Context, id int64) (string, error) {
	var name string
	err := q.db.QueryRowContext(ctx, "SELECT name FROM authors WHERE id = $1", id).Scan(&name)
	return name, err
}

// Users is implemented in another package the handlers do not import.
type Users interface {
	Name(ctx context.Context, id int64) (string, error)
}

// Settings is read through a chain of stores: a cache in front of the
// database, both behind the one interface.
type Settings interface {
	Setting(ctx context.Context, name string) (string, error)
}

type dbSettings struct{ db DBTX }

func (s *dbSettings) Setting(ctx context.Context, name string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT v FROM settings WHERE name = $1", name).Scan(&v)
	return v, err
}

// memoSettings answers from memory and asks the next store on a miss.
type memoSettings struct {
	mu   sync.Mutex
	m    map[string]string
	next Settings
}

func (s *memoSettings) Setting(ctx context.Context, name string) (string, error) {
	s.mu.Lock()
	v, ok := s.m[name]
	s.mu.Unlock()
	if ok {
		return v, nil
	}
	return s.next.Setting(ctx, name)
}

// NewSettings puts the cache in front of the database.
func NewSettings(db DBTX) Settings {
	return &memoSettings{m: map[string]string{}, next: &dbSettings{db: db}}
}

// Profiles reads profile fields from the settings.
type Profiles struct{ Store Settings }

func (p *Profiles) Bio(ctx context.Context, id string) (string, error) {
	return p.Store.Setting(ctx, "bio:"+id)
}
