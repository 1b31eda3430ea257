package params

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"
)

var errPlan = errors.New("plan failed")

func plan(ids []int) error {
	if len(ids) == 0 {
		return errPlan
	}
	return nil
}

// Start plans the items the request names; when planning fails, it marks
// them failed, one row at a time.
func (h *handler) Start(w http.ResponseWriter, r *http.Request) {
	var ids []int
	_ = json.NewDecoder(r.Body).Decode(&ids)
	if err := plan(ids); err != nil {
		markFailed(r.Context(), h.db, ids)
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	_ = json.NewEncoder(w).Encode(ids)
}

// markFailed runs only when something has failed: every call of it is in
// an error branch. The writes are per item, but how often this runs is
// how often planning fails.
func markFailed(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE items SET status = 'failed' WHERE id = $1", id) // want `round-trip per row written.*\[medium: .*but the code runs only when something has failed`
	}
}

// Finish marks the items done on every request: the same loop, not on a
// failure path.
func (h *handler) Finish(w http.ResponseWriter, r *http.Request) {
	var ids []int
	_ = json.NewDecoder(r.Body).Decode(&ids)
	if err := plan(ids); err != nil {
		markState(r.Context(), h.db, ids, "failed")
		return
	}
	markState(r.Context(), h.db, ids, "done")
}

func markState(ctx context.Context, db *sql.DB, ids []int, state string) {
	for _, id := range ids {
		_, _ = db.ExecContext(ctx, "UPDATE items SET status = $2 WHERE id = $1", id, state) // want `round-trip per row written.*\[high: the loop goes over parameter ids, and a caller passes the request's decoded body`
	}
}
