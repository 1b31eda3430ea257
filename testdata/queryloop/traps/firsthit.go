package traps

import (
	"context"
	"database/sql"
)

func findBy(ctx context.Context, db *sql.DB, field, value string) (string, error) {
	var id string
	err := db.QueryRowContext(ctx, "SELECT id FROM users WHERE "+field+" = $1", value).Scan(&id)
	return id, err
}

// A search that stops at the first hit, written with the success test
// (pocketbase's identity fields): as many queries as misses before a hit.
func FirstHitBreak(ctx context.Context, db *sql.DB, fields []string, value string) (string, error) {
	var id string
	var err error
	for _, f := range fields {
		id, err = findBy(ctx, db, f, value)
		if err == nil {
			break
		}
	}
	return id, err
}

func FirstHitInit(ctx context.Context, db *sql.DB, fields []string, value string) string {
	for _, f := range fields {
		if id, err := findBy(ctx, db, f, value); err == nil {
			return id
		}
	}
	return ""
}

// Leaving on failure is ordinary error handling: one query per item.
func EachOrFail(ctx context.Context, db *sql.DB, fields []string, value string) error {
	for _, f := range fields {
		if _, err := findBy(ctx, db, f, value); err != nil { // want `traps.findBy inside a loop makes a database round-trip per iteration`
			return err
		}
	}
	return nil
}
