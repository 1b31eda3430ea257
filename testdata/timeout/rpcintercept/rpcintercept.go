// Package rpcintercept dials with a client interceptor, which may give
// every call a default deadline: its calls with Background are medium.
package rpcintercept

import (
	"context"

	"google.golang.org/grpc"

	"example.com/td/timeout/rpcclient/jobsv1"
)

func Dial(addr string, deadline grpc.UnaryClientInterceptor) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithUnaryInterceptor(deadline))
}

func SetJob(conn *grpc.ClientConn, name string) error {
	_, err := jobsv1.NewJobsClient(conn).SetJob(context.Background(), &jobsv1.SetJobRequest{Name: name}) // want `gRPC call given context.Background\(\).*\[medium: .*client interceptors`
	return err
}
