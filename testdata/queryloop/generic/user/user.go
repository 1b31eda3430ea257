// Package user instantiates the generic repository of another package.
package user

import (
	"context"

	"example.com/td/queryloop/generic"
)

type User struct{ ID int }

func Load(ctx context.Context, repo *generic.Repo[User], ids []int) {
	for _, id := range ids {
		_, _ = repo.Get(ctx, id) // want `\(\*generic.Repo\).Get inside a loop makes a database round-trip per iteration \(user.Load → \(\*generic.Repo\).Get → \(\*sqlx.DB\).GetContext\)`
	}
	_ = generic.LoadAll(ctx, repo, ids) // not in a loop; LoadAll's own loop is reported in its package
}
