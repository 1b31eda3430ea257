package traps

import (
	"context"
	"database/sql"
)

// A loop whose condition reads the slice it appends to: what the loop goes
// over is what it builds. Following that must come to an end.
func Grow(ctx context.Context, db *sql.DB, n int) []int {
	var ids []int
	for len(ids) < n {
		ids = append(ids, len(ids))
		_, _ = db.ExecContext(ctx, "INSERT INTO seq VALUES ($1)", len(ids)) // want `\(\*sql.DB\).ExecContext inside a loop`
	}
	return ids
}
