package repo // want package:"module"

// Package repo is the repository layer: it knows the SQL.

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Product struct {
	ID    int    `db:"id"`
	Name  string `db:"name"`
	Price int    `db:"price"`
}

type Repo struct{ db *sqlx.DB }

// All returns every product: its fact says so.
func (r *Repo) All(ctx context.Context) ([]Product, error) { // want All:`query: \(\*sqlx.DB\).SelectContext; list: \(\*sqlx.DB\).SelectContext`
	var ps []Product
	err := r.db.SelectContext(ctx, &ps, "SELECT id, name, price FROM products ORDER BY name")
	return ps, err
}

// Page is bounded by LIMIT $1: no list fact.
func (r *Repo) Page(ctx context.Context, after, limit int) ([]Product, error) { // want Page:`query: \(\*sqlx.DB\).SelectContext`
	var ps []Product
	err := r.db.SelectContext(ctx, &ps, "SELECT id, name, price FROM products WHERE id > $1 ORDER BY id LIMIT $2", after, limit)
	return ps, err
}

// ByID is a key lookup.
func (r *Repo) ByID(ctx context.Context, id int) ([]Product, error) { // want ByID:`query: \(\*sqlx.DB\).SelectContext`
	var ps []Product
	err := r.db.SelectContext(ctx, &ps, "SELECT id, name, price FROM products WHERE id = $1", id)
	return ps, err
}

// Cheapest fetches every row but returns one: no list fact.
func (r *Repo) Cheapest(ctx context.Context) (Product, error) { // want Cheapest:`query: \(\*sqlx.DB\).SelectContext`
	var ps []Product
	err := r.db.SelectContext(ctx, &ps, "SELECT id, name, price FROM products")
	best := Product{}
	for _, p := range ps {
		if best.ID == 0 || p.Price < best.Price {
			best = p
		}
	}
	return best, err
}

// Names returns a list derived from every row.
func (r *Repo) Names(ctx context.Context) ([]string, error) { // want Names:`query: sqlx.SelectContext; list: sqlx.SelectContext`
	var ps []Product
	if err := sqlx.SelectContext(ctx, r.db, &ps, "SELECT id, name, price FROM products"); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(ps))
	for _, p := range ps {
		names = append(names, p.Name)
	}
	return names, nil
}
