// Package sqlite3 is the SQLite implementation of the program's storage:
// a statement per item costs microseconds in the process, not a network
// round-trip, so its loops are low.
package sqlite3

import (
	"context"
	"database/sql"
)

func Members(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		var name string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name) // want `\(\*sql.DB\).QueryRowContext inside a loop.*\[low: .*the database is embedded \(SQLite\)`
	}
}
