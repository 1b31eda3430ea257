// Package api serves requests.
package api

import (
	"database/sql"
	"encoding/json"
	"io"
	"net/http"

	"example.com/places/ddns"
	"example.com/places/orders"
	"example.com/places/pages"
	"example.com/places/store"
)

type Handler struct {
	DB     *sql.DB
	Orders *orders.Service
}

func (h *Handler) ListOrders(w http.ResponseWriter, r *http.Request) {
	_ = h.Orders.Archive(r.Context(), "postgres://archive", 1)
	_ = ddns.Check(r.Context(), "ns1:53")
	_ = json.NewEncoder(w).Encode(h.Orders.ByCustomer(r.Context(), 1)) // both: pagination "\[low: the query has no bound"
}

func (h *Handler) Tags(w http.ResponseWriter, r *http.Request) {
	var ids []int
	if err := json.NewDecoder(r.Body).Decode(&ids); err != nil {
		store.Release(r.Context(), h.DB, ids)
		return
	}
	_ = json.NewEncoder(w).Encode(store.Lookup(r.Context(), h.DB, ids))
}

func (h *Handler) Page(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	_, _ = io.WriteString(w, pages.Inline(r.Context(), string(body)))
}
