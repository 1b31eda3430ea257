// Package usersv1 has the shape of protoc-gen-go and protoc-gen-go-grpc
// output: messages with protobuf and json tags, a service interface and
// the function that registers an implementation of it.
package usersv1

import (
	"context"
	"net/http"

	"google.golang.org/grpc"
)

type User struct {
	Id   int64  `protobuf:"varint,1,opt,name=id,proto3" json:"id,omitempty"`
	Name string `protobuf:"bytes,2,opt,name=name,proto3" json:"name,omitempty"`
}

type ListUsersRequest struct {
	PageSize  int32  `protobuf:"varint,1,opt,name=page_size,json=pageSize,proto3" json:"page_size,omitempty"`
	PageToken string `protobuf:"bytes,2,opt,name=page_token,json=pageToken,proto3" json:"page_token,omitempty"`
	Offset    int32  `protobuf:"varint,3,opt,name=offset,proto3" json:"offset,omitempty"`
}

func (x *ListUsersRequest) GetPageSize() int32 {
	if x != nil {
		return x.PageSize
	}
	return 0
}

type ListUsersResponse struct {
	Users []*User `protobuf:"bytes,1,rep,name=users,proto3" json:"users,omitempty"`
}

type ListGroupsRequest struct{}

type ListGroupsResponse struct {
	Names []string `protobuf:"bytes,1,rep,name=names,proto3" json:"names,omitempty"`
}

type GetUserRequest struct {
	Id int64 `protobuf:"varint,1,opt,name=id,proto3" json:"id,omitempty"`
}

type CountUsersResponse struct {
	Count int64 `protobuf:"varint,1,opt,name=count,proto3" json:"count,omitempty"`
}

// UsersServer is the server API for the Users service.
type UsersServer interface {
	ListUsers(context.Context, *ListUsersRequest) (*ListUsersResponse, error)
	ListAllUsers(context.Context, *ListGroupsRequest) (*ListUsersResponse, error)
	ListGroups(context.Context, *ListGroupsRequest) (*ListGroupsResponse, error)
	GetUser(context.Context, *GetUserRequest) (*User, error)
	CountUsers(context.Context, *ListGroupsRequest) (*CountUsersResponse, error)
	mustEmbedUnimplementedUsersServer()
}

// UnimplementedUsersServer must be embedded for forward compatibility.
type UnimplementedUsersServer struct{}

func (UnimplementedUsersServer) ListUsers(context.Context, *ListUsersRequest) (*ListUsersResponse, error) {
	return nil, nil
}
func (UnimplementedUsersServer) ListAllUsers(context.Context, *ListGroupsRequest) (*ListUsersResponse, error) {
	return nil, nil
}
func (UnimplementedUsersServer) ListGroups(context.Context, *ListGroupsRequest) (*ListGroupsResponse, error) {
	return nil, nil
}
func (UnimplementedUsersServer) GetUser(context.Context, *GetUserRequest) (*User, error) {
	return nil, nil
}
func (UnimplementedUsersServer) CountUsers(context.Context, *ListGroupsRequest) (*CountUsersResponse, error) {
	return nil, nil
}
func (UnimplementedUsersServer) mustEmbedUnimplementedUsersServer() {}

func RegisterUsersServer(s grpc.ServiceRegistrar, srv UsersServer) {}

// Request and Response have the shape of a Connect service's wrappers.
type Request[T any] struct{ Msg *T }

type Response[T any] struct{ Msg *T }

func NewResponse[T any](msg *T) *Response[T] { return &Response[T]{Msg: msg} }

// GroupsHandler is a Connect service's handler interface.
type GroupsHandler interface {
	ListGroups(context.Context, *Request[ListGroupsRequest]) (*Response[ListGroupsResponse], error)
	ListNames(context.Context, *Request[ListUsersRequest]) (*Response[ListGroupsResponse], error)
}

type HandlerOption interface{}

func NewGroupsHandler(svc GroupsHandler, opts ...HandlerOption) (string, http.Handler) {
	return "/users.v1.Groups/", nil
}
