// Package grpcsvc implements RPC services: their methods serve requests like
// HTTP handlers do.
package grpcsvc

import (
	"context"
	"database/sql"

	"example.com/td/clientreuse/grpcsvc/ordersv1"
)

type Orders struct {
	ordersv1.UnimplementedOrdersServer
	db *sql.DB
}

// GetOrder is a gRPC method: a pool opened here is opened per call.
func (s *Orders) GetOrder(ctx context.Context, req *ordersv1.GetOrderRequest) (*ordersv1.Order, error) {
	db, err := sql.Open("postgres", "postgres://orders") // want `sql.Open in handler \(\*grpcsvc.Orders\).GetOrder builds a new connection pool per request.*\[high: runs per request\]`
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return &ordersv1.Order{ID: req.ID}, nil
}

// Reconnect is exported but no service interface has it: no request runs it
// that the package shows.
func (s *Orders) Reconnect() error {
	db, err := sql.Open("postgres", "postgres://orders")
	if err != nil {
		return err
	}
	s.db = db
	return nil
}

type Reports struct{}

// Daily is a Connect method.
func (Reports) Daily(ctx context.Context, req *ordersv1.GetOrderRequest) (*ordersv1.Order, error) {
	db, err := sql.Open("postgres", "postgres://reports") // want `sql.Open in handler \(grpcsvc.Reports\).Daily builds a new connection pool per request`
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return &ordersv1.Order{}, nil
}

// A method with a service method's name on a type that implements no
// service is not a handler; the pool it opens and drops on every call is
// still reported, at medium: no caller is shown.
type cache struct{}

func (cache) GetOrder(ctx context.Context, req *ordersv1.GetOrderRequest) (*ordersv1.Order, error) {
	db, err := sql.Open("postgres", "postgres://cache") // want `sql.Open in \(grpcsvc.cache\).GetOrder builds a new connection pool on every call and drops it.*\[medium: built and dropped on every call; its callers are not shown\]`
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return nil, nil
}
