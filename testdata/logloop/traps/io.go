package traps

import (
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
)

type store struct{ db *sql.DB }

// Each item costs a round-trip anyway: the log line beside it is noise
// (the round-trip is queryloop's finding), so it is only low.
func (s *store) Rename(w http.ResponseWriter, r *http.Request) {
	var ids []int
	_ = json.NewDecoder(r.Body).Decode(&ids)
	for _, id := range ids {
		log.Printf("renaming %d", id) // want `log.Printf inside a loop.*\[low: .*each iteration makes a round-trip, beside which a log line is noise\]`
		_, _ = s.db.ExecContext(r.Context(), "UPDATE items SET name = upper(name) WHERE id = $1", id)
	}
}

// Without a round-trip the line is the loop's main cost.
func (s *store) Echo(w http.ResponseWriter, r *http.Request) {
	var ids []int
	_ = json.NewDecoder(r.Body).Decode(&ids)
	for _, id := range ids {
		log.Printf("item %d", id) // want `log.Printf inside a loop.*\[medium`
	}
}
