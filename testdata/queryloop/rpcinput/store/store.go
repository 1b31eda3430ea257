// Package store writes friendships; its callers decide how many.
package store

import (
	"context"
	"database/sql"
)

// Import inserts one row per id. Another package's RPC method passes the
// ids its client sent, which only the whole program shows (perflint ./...):
// one package at a time, the size is for its callers to decide.
func Import(ctx context.Context, db *sql.DB, ids []string) error {
	for _, id := range ids {
		if _, err := db.ExecContext(ctx, "INSERT INTO friends(id) VALUES ($1)", id); err != nil { // want `round-trip per row written.*\[low: the loop goes over parameter ids, whose size its callers decide\]`
			return err
		}
	}
	return nil
}
