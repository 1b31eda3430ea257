// Package rpc implements the gRPC service: a request message is what the
// client sent, and the store's loop over it is as hot as the request is
// large, which only the whole program shows.
package rpc

import (
	"context"
	"database/sql"

	"google.golang.org/grpc"

	"example.com/places/rpc/tagsv1"
	"example.com/places/store"
)

type server struct{ db *sql.DB }

// Register serves the tags service.
func Register(s *grpc.Server, db *sql.DB) { tagsv1.RegisterTagsServer(s, &server{db: db}) }

func (s *server) Rename(ctx context.Context, in *tagsv1.RenameRequest) (*tagsv1.Empty, error) {
	store.Rename(ctx, s.db, in.Ids)
	return &tagsv1.Empty{}, nil
}
