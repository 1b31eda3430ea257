// Package orders is a service layer: handlers of another package call its
// methods, which its own package cannot see.
package orders

import (
	"context"
	"database/sql"
)

type Service struct{ DB *sql.DB }

type Order struct {
	ID    int
	Items []string
}

// ByCustomer reads one row per order, then one query per order for its
// items. A handler of another package calls it: the loop runs per request,
// which this package alone cannot tell, but how many rows a request reads
// is that package's to show (one customer's orders, most often a few).
func (s *Service) ByCustomer(ctx context.Context, customer int) []Order {
	rows, err := s.DB.QueryContext(ctx, "SELECT id FROM orders WHERE customer = $1", customer)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []Order
	for rows.Next() {
		var o Order
		_ = rows.Scan(&o.ID)
		out = append(out, o)
	}
	for i := range out {
		out[i].Items = s.items(ctx, out[i].ID) // whole: queryloop "\[medium: the loop goes over the rows of a query, on the request path of handler \(\*api.Handler\).ListOrders; how many rows one request reads is not shown\]" // alone: queryloop "\[medium: the loop goes over the rows of a query, in code no request path is shown to run"
	}
	return out
}

func (s *Service) items(ctx context.Context, order int) []string {
	var names []string
	rows, err := s.DB.QueryContext(ctx, "SELECT name FROM items WHERE order_id = $1", order)
	if err != nil {
		return nil
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		names = append(names, n)
	}
	return names
}

// Reconcile does the same walk, but no handler calls it: no request path.
// No code of the program calls it at all, and no interface outside the
// module has such a method: with the whole program in view it is dead code.
func (s *Service) Reconcile(ctx context.Context) {
	rows, err := s.DB.QueryContext(ctx, "SELECT id FROM orders WHERE open")
	if err != nil {
		return
	}
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		ids = append(ids, id)
	}
	for _, id := range ids {
		_ = s.items(ctx, id) // alone: queryloop "\[medium: the loop goes over the rows of a query, in code no request path is shown to run" // whole: queryloop "\[low: runs in code that no command of the module calls"
	}
}

// Archive opens a pool of its own on every call and closes it: a handler
// of another package runs it per request.
func (s *Service) Archive(ctx context.Context, dsn string, id int) error {
	db, err := sql.Open("postgres", dsn) // whole: clientreuse "\[high: built and dropped on every call, on the request path of handler \(\*api.Handler\).ListOrders\]" // alone: clientreuse "\[medium: built and dropped on every call; its callers are not shown\]"
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, "INSERT INTO archive SELECT * FROM orders WHERE id = $1", id)
	return err
}
