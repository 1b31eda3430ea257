// Package handles builds pools and hands back handles derived from them:
// a database handle holds its client, so returning it keeps the pool.
package handles

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type Store struct {
	db *mongo.Database
}

// Lookup connects, reads one document and forgets the client: a pool per
// call.
func Lookup(ctx context.Context, uri, id string) (bson.M, error) {
	client, err := mongo.Connect(options.Client().ApplyURI(uri)) // want `mongo.Connect in handles.Lookup builds a new connection pool on every call and drops it`
	if err != nil {
		return nil, err
	}
	var out bson.M
	err = client.Database("app").Collection("users").FindOne(ctx, bson.M{"_id": id}).Decode(&out)
	return out, err
}

// ---- traps ----

// NewDatabase is a constructor: the database handle it returns holds the
// client, which lives as long as the handle.
func NewDatabase(uri, name string) (*mongo.Database, error) {
	client, err := mongo.Connect(options.Client().ApplyURI(uri))
	if err != nil {
		return nil, err
	}
	if err := client.Ping(context.Background(), nil); err != nil {
		return nil, err
	}
	return client.Database(name), nil
}

// NewStore keeps the handle in the store it returns.
func NewStore(uri string) (*Store, error) {
	client, err := mongo.Connect(options.Client().ApplyURI(uri))
	if err != nil {
		return nil, err
	}
	return &Store{db: client.Database("app")}, nil
}
