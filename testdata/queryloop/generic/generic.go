// Package generic has a generic repository whose methods query.
package generic

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type Repo[T any] struct {
	db    *sqlx.DB
	table string
}

func (r *Repo[T]) Get(ctx context.Context, id int) (T, error) {
	var v T
	err := r.db.GetContext(ctx, &v, "SELECT * FROM "+r.table+" WHERE id = $1", id)
	return v, err
}

func (r *Repo[T]) Cached(id int) (T, bool) {
	var v T
	return v, false
}

type Item struct{ ID, OwnerID int }

type Owner struct{ ID int }

func Owners(ctx context.Context, items []Item, owners *Repo[Owner]) {
	for _, it := range items {
		_, _ = owners.Get(ctx, it.OwnerID) // want `\(\*generic.Repo\).Get inside a loop makes a database round-trip per iteration \(generic.Owners → \(\*generic.Repo\).Get → \(\*sqlx.DB\).GetContext\)`
		_, _ = owners.Cached(it.OwnerID)   // no round-trip
	}
}

// A generic function that loops over any repository.
func LoadAll[T any](ctx context.Context, r *Repo[T], ids []int) []T {
	var out []T
	for _, id := range ids {
		v, _ := r.Get(ctx, id) // want `\(\*generic.Repo\).Get inside a loop`
		out = append(out, v)
	}
	return out
}
