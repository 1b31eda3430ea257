// Package events carries a request's values to work that outlives it.
package events

import "context"

type userKey struct{}

// Detach copies the request's values onto a background context.
func Detach(src context.Context) context.Context {
	ctx := context.Background()
	ctx = context.WithValue(ctx, userKey{}, src.Value(userKey{}))
	return ctx
}
