package traps

import (
	"context"
	"database/sql"
	"log/slog"
)

type Migration struct {
	File string
	Up   func(tx *sql.Tx) error
}

// MigrationList is filled by Register calls from init functions.
type MigrationList struct{ items []*Migration }

func (l *MigrationList) Register(m *Migration) { l.items = append(l.items, m) }
func (l *MigrationList) Items() []*Migration   { return l.items }

type Runner struct{ list MigrationList }

// One history check and one history row per registered migration: as many as the program registers.
func (r *Runner) Up(ctx context.Context, tx *sql.Tx) error {
	for _, m := range r.list.Items() {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM _migrations WHERE file = $1", m.File).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		slog.Info("applying", "file", m.File)
		if err := m.Up(tx); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO _migrations (file) VALUES ($1)", m.File); err != nil {
			return err
		}
	}
	return nil
}

var hooks []func(ctx context.Context) error

// A package-level list of hooks, each run and recorded.
func RunHooks(ctx context.Context, db *sql.DB) {
	for _, h := range hooks {
		_ = h(ctx)
		_, _ = db.ExecContext(ctx, "INSERT INTO hook_runs DEFAULT VALUES")
	}
}

// Tasks handed in by the caller are data, callbacks or not.
func RunTasks(ctx context.Context, db *sql.DB, tasks []*Migration) {
	for _, t := range tasks {
		_ = t.Up(nil)
		_, _ = db.ExecContext(ctx, "INSERT INTO done VALUES ($1)", t.File) // want `\(\*sql.DB\).ExecContext inside a loop makes a database round-trip per row written`
	}
}
