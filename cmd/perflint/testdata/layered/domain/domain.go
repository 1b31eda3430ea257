// Package domain declares what the service's layers promise each other.
package domain

import (
	"context"
	"database/sql"
)

type Order struct {
	ID, CustomerID, Total int64
}

// OrderRepository is how the service reads orders.
type OrderRepository interface {
	ByID(ctx context.Context, id int64) (*Order, error)
	All(ctx context.Context) ([]Order, error)
	Page(ctx context.Context, after int64, limit int) ([]Order, error)
}

// Orders is the service the handlers call.
type Orders interface {
	Get(ctx context.Context, id int64) (*Order, error)
	All(ctx context.Context) ([]Order, error)
	Page(ctx context.Context, after int64, limit int) ([]Order, error)
	Cached(ctx context.Context, id int64) (*Order, error)
}

// Tenants gives each tenant its database.
type Tenants interface {
	DB(ctx context.Context, tenant string) (*sql.DB, error)
}

// Prices is implemented twice: by the database and by a fixed table.
type Prices interface {
	Price(ctx context.Context, sku string) (int64, error)
}
