// Package harness seeds a database for tests from a non-test file: it
// imports testing, so it only ever runs under go test.
package harness

import (
	"context"
	"database/sql"
	"testing"
)

// Open opens the test database.
func Open(tb testing.TB) *sql.DB {
	db, err := sql.Open("postgres", "postgres://localhost/test")
	if err != nil {
		tb.Fatal(err)
	}
	return db
}

// Insert seeds the users table: code that only tests run is not reported.
func Insert(ctx context.Context, db *sql.DB, names []string) {
	for _, n := range names {
		db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", n)
	}
}
