// Package grpcsvc implements a gRPC service: what a method returns is its
// response.
package grpcsvc

import (
	"context"

	"github.com/jmoiron/sqlx"

	"example.com/td/pagination/grpcsvc/usersv1"
)

type userRow struct {
	ID   int64  `db:"id"`
	Name string `db:"name"`
}

// Store is the repository: it knows the SQL.
type Store struct{ db *sqlx.DB }

// Groups returns every group name.
func (s *Store) Groups(ctx context.Context) ([]string, error) {
	var names []string
	err := s.db.SelectContext(ctx, &names, "SELECT name FROM groups ORDER BY name")
	return names, err
}

// From returns the names from offset on; what it reads is not bounded
// in its text.
func (s *Store) From(ctx context.Context, offset int) ([]string, error) {
	all, err := s.Groups(ctx)
	if offset > len(all) {
		return nil, err
	}
	return all[offset:], err
}

type Server struct {
	usersv1.UnimplementedUsersServer
	db    *sqlx.DB
	store *Store
}

// ListAllUsers converts every row into the response.
func (s *Server) ListAllUsers(ctx context.Context, _ *usersv1.ListGroupsRequest) (*usersv1.ListUsersResponse, error) {
	var rows []userRow
	if err := s.db.SelectContext(ctx, &rows, "SELECT id, name FROM users ORDER BY id"); err != nil { // want `method \(\*grpcsvc.Server\).ListAllUsers returns every row \(\(\*sqlx.DB\).SelectContext\) in one response`
		return nil, err
	}
	resp := &usersv1.ListUsersResponse{}
	for _, r := range rows {
		resp.Users = append(resp.Users, &usersv1.User{Id: r.ID, Name: r.Name})
	}
	return resp, nil
}

// ListGroups returns what the store returns: every row.
func (s *Server) ListGroups(ctx context.Context, _ *usersv1.ListGroupsRequest) (*usersv1.ListGroupsResponse, error) {
	names, err := s.store.Groups(ctx) // want `method \(\*grpcsvc.Server\).ListGroups returns every row \(\(\*grpcsvc.Store\).Groups → \(\*sqlx.DB\).SelectContext\) in one response`
	if err != nil {
		return nil, err
	}
	return &usersv1.ListGroupsResponse{Names: names}, nil
}

// Traps.

// ListUsers passes the request's offset on: the store pages.
func (s *Server) ListUsers(ctx context.Context, req *usersv1.ListUsersRequest) (*usersv1.ListUsersResponse, error) {
	names, err := s.store.From(ctx, int(req.Offset))
	if err != nil {
		return nil, err
	}
	resp := &usersv1.ListUsersResponse{}
	for _, n := range names {
		resp.Users = append(resp.Users, &usersv1.User{Name: n})
	}
	return resp, nil
}

// GetUser looks one row up by its key.
func (s *Server) GetUser(ctx context.Context, req *usersv1.GetUserRequest) (*usersv1.User, error) {
	var r userRow
	err := s.db.GetContext(ctx, &r, "SELECT id, name FROM users WHERE id = $1", req.Id)
	return &usersv1.User{Id: r.ID, Name: r.Name}, err
}

// CountUsers reads every row but answers with a number.
func (s *Server) CountUsers(ctx context.Context, _ *usersv1.ListGroupsRequest) (*usersv1.CountUsersResponse, error) {
	names, err := s.store.Groups(ctx)
	return &usersv1.CountUsersResponse{Count: int64(len(names))}, err
}

// Export is not a method of the service: what it returns is not a
// response.
func (s *Server) Export(ctx context.Context) ([]string, error) {
	return s.store.Groups(ctx)
}

func Register(srv interface{ RegisterService(any, any) }) {}

// Groups implements a Connect service.
type Groups struct{ store *Store }

// ListGroups wraps every row in the response.
func (g *Groups) ListGroups(ctx context.Context, _ *usersv1.Request[usersv1.ListGroupsRequest]) (*usersv1.Response[usersv1.ListGroupsResponse], error) {
	names, err := g.store.Groups(ctx) // want `method \(\*grpcsvc.Groups\).ListGroups returns every row`
	return usersv1.NewResponse(&usersv1.ListGroupsResponse{Names: names}), err
}

// ListNames pages with the offset of the request's message: a trap.
func (g *Groups) ListNames(ctx context.Context, req *usersv1.Request[usersv1.ListUsersRequest]) (*usersv1.Response[usersv1.ListGroupsResponse], error) {
	names, err := g.store.From(ctx, int(req.Msg.Offset))
	return usersv1.NewResponse(&usersv1.ListGroupsResponse{Names: names}), err
}
