// Package jobsv1 stands for protoc-gen-go-grpc output: a client interface
// with unary and streaming methods.
package jobsv1

import (
	"context"

	"google.golang.org/grpc"
)

type SetJobRequest struct{ Name string }
type SetJobResponse struct{}
type WatchRequest struct{}

type Jobs_WatchClient interface {
	Recv() (*SetJobResponse, error)
}

type JobsClient interface {
	SetJob(ctx context.Context, in *SetJobRequest, opts ...grpc.CallOption) (*SetJobResponse, error)
	DeleteJob(ctx context.Context, in *SetJobRequest, opts ...grpc.CallOption) (*SetJobResponse, error)
	Watch(ctx context.Context, in *WatchRequest, opts ...grpc.CallOption) (Jobs_WatchClient, error)
}

func NewJobsClient(cc grpc.ClientConnInterface) JobsClient { return nil }
