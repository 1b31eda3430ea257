// Package api serves the orders over HTTP; it knows the layers below only
// by their interfaces.
package api

import (
	"encoding/json"
	"net/http"
	"strconv"

	"example.com/layered/domain"
)

type Handler struct {
	orders  domain.Orders
	tenants domain.Tenants
	prices  domain.Prices
}

func New(orders domain.Orders, tenants domain.Tenants, prices domain.Prices) *Handler {
	return &Handler{orders: orders, tenants: tenants, prices: prices}
}

func (h *Handler) Batch(w http.ResponseWriter, r *http.Request) {
	var req struct{ IDs []int64 }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var out []*domain.Order
	for _, id := range req.IDs {
		o, err := h.orders.Get(r.Context(), id) // whole: queryloop "\(domain\.Orders\)\.Get → \(\*service\.orders\)\.Get → \(\*postgres\.OrderRepo\)\.ByID → \(\*sql\.DB\)\.QueryRowContext.*\[high"
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		out = append(out, o)
	}
	json.NewEncoder(w).Encode(out)
}

func (h *Handler) BatchCached(w http.ResponseWriter, r *http.Request) {
	var req struct{ IDs []int64 }
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for _, id := range req.IDs {
		o, _ := h.orders.Cached(r.Context(), id) // whole: queryloop "\(domain\.Orders\)\.Cached → .*\[medium"
		json.NewEncoder(w).Encode(o)
	}
}

func (h *Handler) Quote(w http.ResponseWriter, r *http.Request) {
	var total int64
	for _, sku := range r.URL.Query()["sku"] {
		p, _ := h.prices.Price(r.Context(), sku) // whole: queryloop "\(domain\.Prices\)\.Price → \(\*postgres\.PriceRepo\)\.Price → .*\[medium"
		total += p
	}
	json.NewEncoder(w).Encode(total)
}

func (h *Handler) List(w http.ResponseWriter, r *http.Request) {
	all, err := h.orders.All(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(all)
}

// Paged reads one bounded page through the same interfaces: no finding.
func (h *Handler) Paged(w http.ResponseWriter, r *http.Request) {
	after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	page, err := h.orders.Page(r.Context(), after, 50)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(page)
}

func (h *Handler) Tenant(w http.ResponseWriter, r *http.Request) {
	db, err := h.tenants.DB(r.Context(), r.Header.Get("X-Tenant")) // whole: clientreuse "\(domain\.Tenants\)\.DB → \(\*tenancy\.Opener\)\.DB → sql\.Open"
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	var n int
	db.QueryRowContext(r.Context(), "SELECT count(*) FROM orders").Scan(&n)
	json.NewEncoder(w).Encode(n)
}
