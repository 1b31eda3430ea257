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

// A search that stops at the first hit, written with the success test: as many queries as misses before a hit.
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

type member struct {
	ID    int64
	Admin bool
}

// The round-trip runs once, in the branch that then returns.
func PromoteFirst(ctx context.Context, db *sql.DB, members []member) error {
	for _, m := range members {
		if !m.Admin {
			_, err := db.ExecContext(ctx, "UPDATE members SET admin = true WHERE id = $1", m.ID)
			return err
		}
	}
	return nil
}

// A break inside a switch leaves only the switch: one update per member.
func PromoteAll(ctx context.Context, db *sql.DB, members []member) {
	for _, m := range members {
		switch {
		case !m.Admin:
			_, _ = db.ExecContext(ctx, "UPDATE members SET admin = true WHERE id = $1", m.ID) // want `\(\*sql.DB\).ExecContext inside a loop makes a database round-trip per row written`
			break
		}
	}
}

// The break leaves only the inner loop: one recalculation per view.
func Repair(ctx context.Context, db *sql.DB, views map[int][]int) {
	for view, groups := range views {
		for range groups {
			if view > 0 {
				_, _ = db.ExecContext(ctx, "UPDATE positions SET p = 0 WHERE view = $1", view) // want `\(\*sql.DB\).ExecContext inside a loop makes a database round-trip per row written`
				break
			}
		}
	}
}

// The write is the loop's way out: it runs once, for the code that matched.
func UseRecoveryCode(ctx context.Context, db *sql.DB, hashes []string, code string) (bool, error) {
	for i, h := range hashes {
		if h == code {
			_, err := db.ExecContext(ctx, "UPDATE totp SET codes = $1", i)
			return true, err
		}
	}
	return false, nil
}

func UseRecoveryCodeInline(ctx context.Context, db *sql.DB, hashes []string, code string) (bool, error) {
	for i, h := range hashes {
		if h == code {
			return true, db.QueryRowContext(ctx, "UPDATE totp SET codes = $1 RETURNING 1", i).Err()
		}
	}
	return false, nil
}
