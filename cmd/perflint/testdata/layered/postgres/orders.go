// Package postgres implements the repositories with database/sql.
package postgres

import (
	"context"
	"database/sql"

	"example.com/layered/domain"
)

type OrderRepo struct{ db *sql.DB }

func NewOrderRepo(db *sql.DB) *OrderRepo { return &OrderRepo{db: db} }

func (r *OrderRepo) ByID(ctx context.Context, id int64) (*domain.Order, error) {
	var o domain.Order
	err := r.db.QueryRowContext(ctx, "SELECT id, customer_id, total FROM orders WHERE id = $1", id).Scan(&o.ID, &o.CustomerID, &o.Total)
	return &o, err
}

func (r *OrderRepo) All(ctx context.Context) ([]domain.Order, error) {
	return r.list(ctx, "SELECT id, customer_id, total FROM orders")
}

func (r *OrderRepo) Page(ctx context.Context, after int64, limit int) ([]domain.Order, error) {
	return r.list(ctx, "SELECT id, customer_id, total FROM orders WHERE id > $1 ORDER BY id LIMIT $2", after, limit)
}

func (r *OrderRepo) list(ctx context.Context, query string, args ...any) ([]domain.Order, error) {
	rows, err := r.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.Order
	for rows.Next() {
		var o domain.Order
		if err := rows.Scan(&o.ID, &o.CustomerID, &o.Total); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// PriceRepo reads prices from the database.
type PriceRepo struct{ db *sql.DB }

func NewPriceRepo(db *sql.DB) *PriceRepo { return &PriceRepo{db: db} }

func (r *PriceRepo) Price(ctx context.Context, sku string) (int64, error) {
	var p int64
	err := r.db.QueryRowContext(ctx, "SELECT price FROM prices WHERE sku = $1", sku).Scan(&p)
	return p, err
}
