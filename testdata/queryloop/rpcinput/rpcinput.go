// Package rpcinput implements a gRPC service: the request message of a
// service method is what the client sent, like a decoded HTTP body.
package rpcinput

import (
	"context"
	"database/sql"
	"strconv"

	"google.golang.org/grpc"

	"example.com/td/queryloop/rpcinput/friendsv1"
	"example.com/td/queryloop/rpcinput/store"
)

type server struct {
	db    *sql.DB
	peers []string
}

func Register(s *grpc.Server, db *sql.DB) {
	friendsv1.RegisterFriendsServer(s, &server{db: db})
}

// AddFriends parses the ids the client sent and hands them to a helper
// that writes one row per id.
func (s *server) AddFriends(ctx context.Context, in *friendsv1.AddFriendsRequest) (*friendsv1.Empty, error) {
	ids := make([]int64, 0, len(in.GetIds()))
	for _, raw := range in.GetIds() {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return &friendsv1.Empty{}, addFriends(ctx, s.db, ids)
}

func addFriends(ctx context.Context, db *sql.DB, ids []int64) error {
	for _, id := range ids {
		if _, err := db.ExecContext(ctx, "INSERT INTO friends(id) VALUES ($1)", id); err != nil { // want `round-trip per row written.*\[high: the loop goes over parameter ids, and a caller passes the request message an RPC client sent \(\(\*rpcinput.server\).AddFriends\)`
			return err
		}
	}
	return nil
}

// DeleteFriends loops over a field of the request message itself.
func (s *server) DeleteFriends(ctx context.Context, in *friendsv1.AddFriendsRequest) (*friendsv1.Empty, error) {
	for _, id := range in.Ids {
		if _, err := s.db.ExecContext(ctx, "DELETE FROM friends WHERE id = $1", id); err != nil { // want `round-trip per row written.*\[high: the loop goes over the request message an RPC client sent\]`
			return nil, err
		}
	}
	return &friendsv1.Empty{}, nil
}

// ImportFriends hands the ids to another package.
func (s *server) ImportFriends(ctx context.Context, in *friendsv1.AddFriendsRequest) (*friendsv1.Empty, error) {
	return &friendsv1.Empty{}, store.Import(ctx, s.db, in.GetIds())
}

// RefreshPeers is an RPC method too, but its loop goes over the server's
// own configured peers, not over what the client sent.
func (s *server) RefreshPeers(ctx context.Context, _ *friendsv1.Empty) (*friendsv1.Empty, error) {
	for _, p := range s.peers {
		if _, err := s.db.ExecContext(ctx, "UPDATE peers SET seen = now() WHERE name = $1", p); err != nil { // want `round-trip per row written.*\[medium: on the request path; where the loop's items come from is not shown\]`
			return nil, err
		}
	}
	return &friendsv1.Empty{}, nil
}

// notFriendsServer has a method of the same name, but it is not a service
// method: its parameter is whatever its callers pass.
type notFriendsServer struct{ db *sql.DB }

func (n *notFriendsServer) AddFriends(ctx context.Context, in *friendsv1.AddFriendsRequest) error {
	for _, id := range in.GetIds() {
		if _, err := n.db.ExecContext(ctx, "INSERT INTO friends(id) VALUES ($1)", id); err != nil { // want `round-trip per row written.*\[low: the loop goes over parameter in, whose size its callers decide\]`
			return err
		}
	}
	return nil
}

// inTx runs f in a transaction.
func inTx(ctx context.Context, db *sql.DB, f func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// kick's loop is in the transaction's callback, over a parameter of the
// function around it: that function's callers tell what it holds.
func kick(ctx context.Context, db *sql.DB, ids []string) error {
	return inTx(ctx, db, func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "DELETE FROM members WHERE id = $1", id); err != nil { // want `round-trip per row written.*\[high: the loop goes over parameter ids, and a caller passes the request message an RPC client sent \(\(\*rpcinput.server\).KickMembers\)`
				return err
			}
		}
		return nil
	})
}

func (s *server) KickMembers(ctx context.Context, in *friendsv1.AddFriendsRequest) (*friendsv1.Empty, error) {
	return &friendsv1.Empty{}, kick(ctx, s.db, in.Ids)
}
