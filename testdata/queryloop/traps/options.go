package traps

import (
	"context"
	"database/sql"
)

type expand string

const (
	expandComments expand = "comments"
	expandLabels   expand = "labels"
)

// One batched query per kind of expansion the client asked for, each kind
// once.
func AddInfo(ctx context.Context, db *sql.DB, taskIDs []int, kinds []expand) {
	done := map[expand]bool{}
	for _, k := range kinds {
		if done[k] {
			continue
		}
		switch k {
		case expandComments:
			_, _ = db.QueryContext(ctx, "SELECT * FROM comments WHERE task_id = ANY($1)", taskIDs)
		case expandLabels:
			_, _ = db.QueryContext(ctx, "SELECT * FROM labels WHERE task_id = ANY($1)", taskIDs)
		}
		done[k] = true
	}
}

// Without skipping repeats, a kind given a thousand times queries a
// thousand times.
func AddInfoRepeated(ctx context.Context, db *sql.DB, taskIDs []int, kinds []expand) {
	for _, k := range kinds {
		switch k {
		case expandComments:
			_, _ = db.QueryContext(ctx, "SELECT * FROM comments WHERE task_id = ANY($1)", taskIDs) // want `\(\*sql.DB\).QueryContext inside a loop makes a database round-trip per iteration`
		}
	}
}

// Written in the source: the dependents of each table.
var dependentTables = map[string][]string{
	"users": {"notifications", "sessions"},
}

func ResetTable(ctx context.Context, db *sql.DB, table string) {
	for _, dep := range dependentTables[table] {
		_, _ = db.ExecContext(ctx, "DELETE FROM "+dep)
	}
}
