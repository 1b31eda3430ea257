package traps

import (
	"context"
	"database/sql"
	"slices"

	"github.com/samber/lo"
)

// chunk cuts values into batches of size.
func chunk[T any](values []T, size int) [][]T {
	var out [][]T
	for start := 0; start < len(values); start += size {
		out = append(out, values[start:min(start+size, len(values))])
	}
	return out
}

// Batches from a chunker of this package: each round is one IN query.
func ChunkedByHelper(ctx context.Context, db *sql.DB, ids []int) {
	for _, batch := range chunk(ids, 500) {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = ANY($1)", batch)
	}
}

// The same through a local variable.
func ChunkedViaLocal(ctx context.Context, db *sql.DB, ids []int) {
	batches := chunk(ids, 500)
	for _, batch := range batches {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = ANY($1)", batch)
	}
}

// slices.Chunk and lo.Chunk cut batches too.
func ChunkedBySlices(ctx context.Context, db *sql.DB, ids []int) {
	for batch := range slices.Chunk(ids, 500) {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = ANY($1)", batch)
	}
}

func ChunkedByLo(ctx context.Context, db *sql.DB, ids []int) {
	for _, batch := range lo.Chunk(ids, 500) {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = ANY($1)", batch)
	}
}

// groups returns [][]T too, but one group per item: not batches.
func groups(ids []int) [][]int {
	var out [][]int
	for _, id := range ids {
		out = append(out, []int{id})
	}
	return out
}

func PerGroup(ctx context.Context, db *sql.DB, ids []int) {
	for _, g := range groups(ids) {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = ANY($1)", g) // want `\(\*sql.DB\).ExecContext inside a loop makes a database round-trip per row written`
	}
}
