// Package cli is a command-line tool: its commands run once per invocation.
package cli

import (
	"context"
	"database/sql"

	"github.com/spf13/cobra"
)

var db *sql.DB

// A command's action runs once: a loop in it is true by the letter only.
var purge = &cobra.Command{
	Use: "purge",
	RunE: func(cmd *cobra.Command, args []string) error {
		for _, name := range args {
			db.ExecContext(cmd.Context(), "DELETE FROM users WHERE name = $1", name) // want `\[low: runs in a command-line action\]`
		}
		return nil
	},
}

func runImport(cmd *cobra.Command, args []string) error {
	return importAll(cmd.Context(), args)
}

func importAll(ctx context.Context, names []string) error {
	for _, n := range names {
		if _, err := db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", n); err != nil { // want `\[low: runs in a command-line action\]`
			return err
		}
	}
	return nil
}

var importCmd = &cobra.Command{Use: "import", RunE: runImport}

func Commands() []*cobra.Command { return []*cobra.Command{purge, importCmd} }
