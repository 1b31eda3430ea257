// Package api serves requests.
package api

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"example.com/places/store"
)

type Handler struct{ DB *sql.DB }

func (h *Handler) Tags(w http.ResponseWriter, r *http.Request) {
	var ids []int
	_ = json.NewDecoder(r.Body).Decode(&ids)
	_ = json.NewEncoder(w).Encode(store.Lookup(r.Context(), h.DB, ids))
}
