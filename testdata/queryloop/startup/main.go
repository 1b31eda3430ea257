// Command startup runs its loops once per process: seeding and migrations
// at start-up are not N+1 queries on a request path.
package main

import (
	"context"
	"database/sql"
	"sync"
)

var db *sql.DB

var migrations = []string{"CREATE TABLE a (id int)", "CREATE TABLE b (id int)"}

func main() {
	ctx := context.Background()
	for _, m := range migrations {
		_, _ = db.ExecContext(ctx, m) // once per process
	}
	seed(ctx, []string{"x"})
}

func init() {
	for _, s := range loadSeeds() {
		_, _ = db.Exec("INSERT INTO seeds VALUES ($1)", s) // init runs once
	}
}

func loadSeeds() []string { return nil }

// seed is only called from main.
func seed(ctx context.Context, names []string) {
	for _, n := range names {
		_, _ = db.ExecContext(ctx, "INSERT INTO t VALUES ($1)", n) // only main calls seed
	}
}

var once sync.Once

func warm(ids []int) {
	once.Do(func() {
		for _, id := range ids {
			_, _ = db.Exec("SELECT warm($1)", id) // runs once per process
		}
	})
}

// serve is used as a value (a callback), so it may run per request: reported.
func serve(ids []int) {
	for _, id := range ids {
		_, _ = db.Exec("DELETE FROM t WHERE id = $1", id) // want `\(\*sql.DB\).Exec inside a loop`
	}
}

var handlers = map[string]func([]int){"serve": serve, "warm": warm}
