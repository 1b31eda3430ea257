package traps

import (
	"context"
	"database/sql"
	"fmt"
)

// detachPartitions sends one ALTER TABLE per expired partition: the loop
// goes over the database's own partitions, a handful, and DDL has no
// multi-row form.
func detachPartitions(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT name FROM partitions WHERE expired")
	if err != nil {
		return err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	for _, n := range names {
		if _, err := db.ExecContext(ctx, "SET lock_timeout = '1min'"); err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, fmt.Sprintf("ALTER TABLE events DETACH PARTITION %s CONCURRENTLY", n)); err != nil {
			return err
		}
	}
	return nil
}

// touchAll updates rows one by one: data, not schema, so it is reported.
func touchAll(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM items")
	if err != nil {
		return err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	for _, id := range ids {
		db.ExecContext(ctx, "UPDATE items SET touched = now() WHERE id = $1", id) // want `\(\*sql.DB\).ExecContext inside a loop makes a database round-trip per row written`
	}
	return nil
}
