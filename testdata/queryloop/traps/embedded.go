package traps

import (
	"context"
	"database/sql"
	"embed"
	"io/fs"
	"log/slog"
)

//go:embed migration
var migrationFS embed.FS

// Migrations compiled into the binary: one
// statement per embedded file, however many rows the tables hold.
func MigrateEmbedded(ctx context.Context, tx *sql.Tx) error {
	files, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return err
	}
	for _, f := range files {
		slog.Info("applying migration", "file", f)
		b, err := migrationFS.ReadFile(f)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(b)); err != nil {
			return err
		}
	}
	return nil
}

// The same over ReadDir of a sub-tree.
func SeedEmbedded(ctx context.Context, tx *sql.Tx) error {
	sub, err := fs.Sub(migrationFS, "migration")
	if err != nil {
		return err
	}
	entries, err := fs.ReadDir(sub, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		_, _ = tx.ExecContext(ctx, "INSERT INTO seeds VALUES ($1)", e.Name())
	}
	dirs, _ := migrationFS.ReadDir("migration")
	for _, e := range dirs {
		_, _ = tx.ExecContext(ctx, "INSERT INTO seeds VALUES ($1)", e.Name())
	}
	return nil
}

// Files on disk are data: one statement per file found is reported.
func FromDisk(ctx context.Context, tx *sql.Tx, dir fs.FS) error {
	files, err := fs.Glob(dir, "*.sql")
	if err != nil {
		return err
	}
	for _, f := range files {
		_, _ = tx.ExecContext(ctx, "INSERT INTO imported VALUES ($1)", f) // want `\(\*sql.Tx\).ExecContext inside a loop makes a database round-trip per row written`
	}
	return nil
}
