// Package seed holds test helpers in a non-test file: the package imports
// testing, so its code runs only under go test and is not reported.
package seed

import (
	"database/sql"
	"testing"
)

// Test helpers in non-test files run only under go test
// (a testutil package's seeding function).
func SeedUsers(tb testing.TB, db *sql.DB, names []string) {
	tb.Helper()
	for _, n := range names {
		if _, err := db.Exec("INSERT INTO users (name) VALUES ($1)", n); err != nil { // a test helper
			tb.Fatal(err)
		}
	}
}
