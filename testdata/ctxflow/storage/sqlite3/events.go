// Package sqlite3 is the SQLite implementation of the program's storage:
// its statements run in the process, so a dropped context there saves no
// remote work (low), while the same code for a network database stays.
package sqlite3

import (
	"context"
	"database/sql"
)

type events struct{ db *sql.DB }

func (e *events) Count(ctx context.Context, room string) (n int, err error) {
	err = e.db.QueryRow("SELECT count(*) FROM events WHERE room = $1", room).Scan(&n) // want `\(\*sql.DB\).QueryRow drops the context ctx in scope.*\[low: .*the database is embedded \(SQLite\)`
	return n, err
}
