// Package ordersv1 has the shape of protoc-gen-go-grpc and
// protoc-gen-connect-go output: a service interface and the function that
// registers an implementation of it.
package ordersv1

import (
	"context"
	"net/http"

	"google.golang.org/grpc"
)

type GetOrderRequest struct{ ID int64 }

type Order struct{ ID int64 }

// OrdersServer is the server API for the Orders service.
type OrdersServer interface {
	GetOrder(context.Context, *GetOrderRequest) (*Order, error)
	mustEmbedUnimplementedOrdersServer()
}

// UnimplementedOrdersServer must be embedded for forward compatibility.
type UnimplementedOrdersServer struct{}

func (UnimplementedOrdersServer) GetOrder(context.Context, *GetOrderRequest) (*Order, error) {
	return nil, nil
}
func (UnimplementedOrdersServer) mustEmbedUnimplementedOrdersServer() {}

func RegisterOrdersServer(s grpc.ServiceRegistrar, srv OrdersServer) {}

// ReportsHandler is a Connect service's handler interface.
type ReportsHandler interface {
	Daily(context.Context, *GetOrderRequest) (*Order, error)
}

type HandlerOption interface{}

func NewReportsHandler(svc ReportsHandler, opts ...HandlerOption) (string, http.Handler) {
	return "/reports.v1.Reports/", nil
}
