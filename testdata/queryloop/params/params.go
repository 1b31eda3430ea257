// Package params loops over parameters: what the callers pass decides how
// hot the loop is.
package params

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
)

type handler struct{ db *sql.DB }

// Orders decodes ids from its request and hands them to a helper.
func (h *handler) Orders(w http.ResponseWriter, r *http.Request) {
	var ids []int
	_ = json.NewDecoder(r.Body).Decode(&ids)
	_ = json.NewEncoder(w).Encode(names(r.Context(), h.db, ids))
}

// names runs one query per id. Its only caller passes the request's
// decoded body: the loop is as hot as the request is large.
func names(ctx context.Context, db *sql.DB, ids []int) []string {
	var out []string
	for _, id := range ids {
		var n string
		_ = db.QueryRowContext(ctx, "SELECT name FROM orders WHERE id = $1", id).Scan(&n) // want `round-trip per iteration.*\[high: the loop goes over parameter ids, and a caller passes the request's decoded body \(\(\*params.handler\).Orders\)\]`
		out = append(out, n)
	}
	return out
}

var defaultTags = []string{"new", "sale", "gift"}

// Reset fills the tag table from the program's own list.
func (h *handler) Reset(w http.ResponseWriter, r *http.Request) {
	ensureTags(r.Context(), h.db, defaultTags)
}

// ensureTags writes one row per tag; every caller passes the program's
// own table of tags, which does not grow with the data.
func ensureTags(ctx context.Context, db *sql.DB, tags []string) {
	for _, t := range tags {
		_, _ = db.ExecContext(ctx, "INSERT INTO tags(name) VALUES ($1) ON CONFLICT DO NOTHING", t) // want `round-trip per row written.*\[low: the loop goes over parameter tags, and every caller passes a package-level table \(\(\*params.handler\).Reset\), not over data the program serves\]`
	}
}

// Exported: callers in other packages may pass anything, so the one
// caller here passing a table does not make it cold.
func Touch(ctx context.Context, db *sql.DB, keys []string) {
	for _, k := range keys {
		_, _ = db.ExecContext(ctx, "UPDATE cache SET hit = now() WHERE k = $1", k) // want `round-trip per row written.*\[low: the loop goes over parameter keys, whose size its callers decide\]`
	}
}

func touchDefaults(ctx context.Context, db *sql.DB) { Touch(ctx, db, defaultTags) }
