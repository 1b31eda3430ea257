// Package syncer gives plugins the data they index.
package syncer

import (
	"context"
	"database/sql"

	"example.com/places/plugin"
)

// Tags is the Syncer the program hands to plugins.
type Tags struct{ DB *sql.DB }

var _ plugin.Syncer = (*Tags)(nil)

// SyncTags is called only by plugins of other modules, through the
// interface the module declares for them: not dead code.
func (t *Tags) SyncTags(ctx context.Context) ([]string, error) {
	rows, err := t.DB.QueryContext(ctx, "SELECT id FROM tags")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var id int
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		var name string
		_ = t.DB.QueryRowContext(ctx, "SELECT name FROM tag_names WHERE id = $1", id).Scan(&name) // both: queryloop "\[medium: the loop goes over the rows of a query, in code no request path is shown to run"
		names = append(names, name)
	}
	return names, rows.Err()
}
