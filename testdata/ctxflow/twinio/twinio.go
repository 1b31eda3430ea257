// Package twinio calls the context-less half of another package's pairs:
// reported where the twin's context reaches I/O (its fact says so), not
// where it only carries values.
package twinio

import (
	"context"

	"example.com/td/ctxflow/twinio/lib"
)

func Handle1(ctx context.Context, u *lib.Users, q *lib.Queue) {
	_, _ = u.User(1) // want `\(\*lib.Users\).User drops the context ctx in scope: .*; use UserContext\(ctx, …\)`
}

func Handle2(ctx context.Context, u *lib.Users, q *lib.Queue) {
	_, _ = q.Next() // want `\(\*lib.Queue\).Next drops the context ctx in scope: .*; use NextContext\(ctx, …\)`
}

// An interface's twin counts by an implementation in its package.
func Interface(ctx context.Context, s lib.Store) {
	_, _ = s.Get("k") // want `\(lib.Store\).Get drops the context ctx in scope: .*; use GetContext\(ctx, …\)`
}

// Traps: twins whose context cancels nothing.
func Traps(ctx context.Context, l *lib.Logger, c lib.Cache) {
	_, _ = c.Get("k")     // fine: no implementation of lib.Cache shows what its context reaches
	l.Info("start")       // fine: InfoWithContext only reads a value from its context
	_ = lib.Start("sync") // fine: StartContext stores its context and never waits on it
	_ = lib.Tag("orders") // fine: TagContext passes its context only to a value reader
}
