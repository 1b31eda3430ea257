// Package store is called from other packages only: where its functions
// run is for their callers to tell.
package store

import (
	"context"
	"database/sql"
)

// Seed writes one row per name. Only the program's main calls it, once at
// start-up: the loop is not on any request's path.
func Seed(db *sql.DB, names []string) {
	for _, n := range names {
		_, _ = db.Exec("INSERT INTO tags(name) VALUES ($1)", n) // alone: queryloop "round-trip per row written"
	}
}

// Lookup reads one row per id. A handler calls it with ids from its
// request, and main calls it too: once anything runs it per request, it is
// request code.
func Lookup(ctx context.Context, db *sql.DB, ids []int) []string {
	var out []string
	for _, id := range ids {
		var name string
		_ = db.QueryRowContext(ctx, "SELECT name FROM tags WHERE id = $1", id).Scan(&name) // whole: queryloop "\[high: the loop goes over parameter ids, and a caller passes the request's decoded body, on the request path of handler \(\*api.Handler\).Tags\]" // alone: queryloop "\[low: the loop goes over parameter ids, whose size its callers decide"
		out = append(out, name)
	}
	return out
}

// Refresher refreshes a cache.
type Refresher interface {
	Refresh(db *sql.DB, keys []string)
}

// Cache is refreshed by main directly, and through Refresher by
// RefreshAll, which only main calls: the interface call runs at start-up
// too, over the command's arguments. Alone, nothing tells who calls it.
type Cache struct{}

func (*Cache) Refresh(db *sql.DB, keys []string) {
	for _, k := range keys {
		_, _ = db.Exec("DELETE FROM cache WHERE k = $1", k) // alone: queryloop "round-trip per row written"
	}
}

// RefreshAll refreshes through the interface.
func RefreshAll(r Refresher, db *sql.DB, keys []string) { r.Refresh(db, keys) }

// Hook is only ever used as a value: whoever calls it is not shown.
func Hook(db *sql.DB, names []string) {
	for _, n := range names {
		_, _ = db.Exec("DELETE FROM tags WHERE name = $1", n) // both: queryloop "round-trip per row written"
	}
}

// Release marks the tags of a failed import released, one row each. Its
// only caller, in another package, calls it in an error branch: with the
// whole program in view it runs only when something has failed.
func Release(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE tags SET held = false WHERE id = $1", id) // whole: queryloop "\[medium: .*but the code runs only when something has failed" // alone: queryloop "\[low: the loop goes over parameter ids, whose size its callers decide"
	}
}

// Rename writes one row per id. Only an RPC method calls it, with the ids
// its client sent.
func Rename(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE tags SET name = upper(name) WHERE id = $1", id) // whole: queryloop "\[high: the loop goes over parameter ids, and a caller passes the request message an RPC client sent, on the request path of handler \(\*rpc.server\).Rename\]" // alone: queryloop "\[low: the loop goes over parameter ids, whose size its callers decide"
	}
}
