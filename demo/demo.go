// Package demo is a small order service written with every mistake perflint
// exists to catch, one per analyzer. Run perflint on it:
//
//	go run ./cmd/perflint ./demo/...
package demo

import (
	"database/sql"
	"encoding/json"
	"io"
	"log"
	"net/http"
)

type Order struct {
	ID         int    `json:"id"`
	CustomerID int    `json:"customer_id"`
	Customer   string `json:"customer"`
}

type Service struct {
	db *sql.DB
}

// ListOrders returns every order with its customer's name.
func (s *Service) ListOrders(w http.ResponseWriter, r *http.Request) {
	// pagination: every row of the table, whatever its size.
	rows, err := s.db.QueryContext(r.Context(), "SELECT id, customer_id FROM orders")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var orders []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.CustomerID); err != nil {
			return
		}
		orders = append(orders, o)
	}
	for i := range orders {
		// queryloop: one round-trip per order (N+1).
		err := s.db.QueryRowContext(r.Context(), "SELECT name FROM customers WHERE id = $1", orders[i].CustomerID).Scan(&orders[i].Customer)
		if err != nil {
			return
		}
		// logloop: a log line per order.
		log.Printf("loaded customer %d", orders[i].CustomerID)
	}
	json.NewEncoder(w).Encode(orders)
}

// Report opens a database of its own on every request.
func Report(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", "postgres://reports") // clientreuse
	if err != nil {
		return
	}
	defer db.Close()
	// ctxflow: the request's context is dropped.
	rows, err := db.Query("SELECT count(*) FROM orders")
	if err == nil {
		rows.Close()
	}
}

// Notify calls a webhook for each order the request names, all at once.
func Notify(w http.ResponseWriter, r *http.Request) {
	var orders []Order
	if err := json.NewDecoder(r.Body).Decode(&orders); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	for _, o := range orders {
		go func() { // unboundedgo: one goroutine per order, no limit
			resp, err := http.Get("https://hooks.example.com/order") // timeout: no deadline
			if err != nil {
				return
			}
			if resp.StatusCode != http.StatusOK { // bodydrain: never closed on this path
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			_ = o
		}()
	}
}

// Serve starts the server with no header timeout.
func Serve(s *Service) error {
	http.HandleFunc("/orders", s.ListOrders)
	http.HandleFunc("/report", Report)
	http.HandleFunc("/notify", Notify)
	return http.ListenAndServe(":8080", nil) // timeout: slow clients hold connections
}
