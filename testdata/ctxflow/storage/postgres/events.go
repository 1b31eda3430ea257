// Package postgres is the network-database twin of the SQLite storage:
// the same dropped context costs a remote query.
package postgres

import (
	"context"
	"database/sql"
)

type events struct{ db *sql.DB }

func (e *events) Count(ctx context.Context, room string) (n int, err error) {
	err = e.db.QueryRow("SELECT count(*) FROM events WHERE room = $1", room).Scan(&n) // want `\(\*sql.DB\).QueryRow drops the context ctx in scope.*\[medium: `
	return n, err
}
