// Package service loops over orders and calls the store: the N+1 of the
// three-package case is reported here, at the call in the loop.
package service

import (
	"context"

	"example.com/td/queryloop/store"
)

type Order struct {
	ID         int
	CustomerID int
	Customer   store.Customer
}

type Service struct{ st *store.Store }

func (s *Service) ListOrders(ctx context.Context, orders []Order) error {
	for i, o := range orders {
		c, err := s.st.GetCustomer(ctx, o.CustomerID) // want `\(\*store.Store\).GetCustomer inside a loop makes a database round-trip per iteration \(\(\*service.Service\).ListOrders → \(\*store.Store\).GetCustomer → \(\*sql.DB\).QueryRowContext\): latency and pool use grow with the number of items \(N\+1\); fetch them together: a JOIN or one query with WHERE id IN`
		if err != nil {
			return err
		}
		orders[i].Customer = c
	}
	return nil
}

// Enrich calls a helper that queries: the chain goes through it.
func (s *Service) Enrich(ctx context.Context, orders []Order) {
	for _, o := range orders {
		s.load(ctx, &o) // want `\(\*service.Service\).load inside a loop makes a database round-trip per iteration \(\(\*service.Service\).Enrich → \(\*service.Service\).load → \(\*store.Store\).GetCustomer → \(\*sql.DB\).QueryRowContext\)`
	}
}

func (s *Service) load(ctx context.Context, o *Order) {
	o.Customer, _ = s.st.GetCustomer(ctx, o.CustomerID)
}

// ListOrdersFixed does one query for all customers.
func (s *Service) ListOrdersFixed(ctx context.Context, orders []Order) error {
	ids := make([]int, 0, len(orders))
	for _, o := range orders {
		ids = append(ids, o.CustomerID)
	}
	byID, err := s.st.CustomersByID(ctx, ids)
	if err != nil {
		return err
	}
	for i, o := range orders {
		orders[i].Customer = byID[o.CustomerID] // a map lookup, no round-trip
		_ = s.st.Name()                         // a store method that does not query
	}
	return nil
}

// All walks every customer page by page: the loop stops when a page comes
// back short, so it makes one round-trip per page, not per item.
func (s *Service) All(ctx context.Context) ([]store.Customer, error) {
	var all []store.Customer
	after := 0
	for {
		page, err := s.st.Page(ctx, after, 100)
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) < 100 {
			return all, nil
		}
		after = page[len(page)-1].ID
	}
}
