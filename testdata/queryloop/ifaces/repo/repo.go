// Package repo declares a repository interface with a database
// implementation, and an sqlc-style query set over a DBTX interface that
// *sql.DB and *sql.Tx satisfy.
package repo

import (
	"context"
	"database/sql"
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
