// Package friendsv1 has the shape of protoc-gen-go and protoc-gen-go-grpc
// output: request messages with getters, a service interface and the
// function that registers an implementation of it.
package friendsv1

import (
	"context"

	"google.golang.org/grpc"
)

type AddFriendsRequest struct {
	Ids []string `protobuf:"bytes,1,rep,name=ids,proto3" json:"ids,omitempty"`
}

func (x *AddFriendsRequest) GetIds() []string {
	if x != nil {
		return x.Ids
	}
	return nil
}

type Empty struct{}

// FriendsServer is the server API for the Friends service.
type FriendsServer interface {
	AddFriends(context.Context, *AddFriendsRequest) (*Empty, error)
	DeleteFriends(context.Context, *AddFriendsRequest) (*Empty, error)
	ImportFriends(context.Context, *AddFriendsRequest) (*Empty, error)
	RefreshPeers(context.Context, *Empty) (*Empty, error)
	KickMembers(context.Context, *AddFriendsRequest) (*Empty, error)
}

func RegisterFriendsServer(s grpc.ServiceRegistrar, srv FriendsServer) {}
