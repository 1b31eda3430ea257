// Package tagsv1 has the shape of generated gRPC code: a request message,
// the service interface and the function that registers an implementation.
package tagsv1

import (
	"context"

	"google.golang.org/grpc"
)

type RenameRequest struct{ Ids []int }

type Empty struct{}

type TagsServer interface {
	Rename(context.Context, *RenameRequest) (*Empty, error)
}

func RegisterTagsServer(s grpc.ServiceRegistrar, srv TagsServer) {}
