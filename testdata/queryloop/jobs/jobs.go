// Package jobs hands per-item work to a queue of workers: the closure runs
// later, on a worker, not once per iteration of the loop that enqueues it.
package jobs

import (
	"context"
	"database/sql"

	"golang.org/x/sync/errgroup"
)

type Job struct{ Run func() }

type Queue struct{ jobs chan Job }

// Dispatch keeps run for a worker.
func (q *Queue) Dispatch(run func()) error {
	if run == nil {
		return nil
	}
	q.jobs <- Job{Run: run}
	return nil
}

// Now runs f before returning: a loop around it runs f per item.
func Now(f func()) { f() }

func rows(ctx context.Context, db *sql.DB) []int64 {
	rs, _ := db.QueryContext(ctx, "SELECT id FROM users")
	defer rs.Close()
	var ids []int64
	for rs.Next() {
		var id int64
		rs.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

func Nightly(ctx context.Context, db *sql.DB, q *Queue) {
	for _, id := range rows(ctx, db) {
		q.Dispatch(func() {
			db.ExecContext(ctx, "UPDATE users SET score = score + 1 WHERE id = $1", id) // a worker's job, not the loop's
		})
	}
}

func Inline(ctx context.Context, db *sql.DB) {
	for _, id := range rows(ctx, db) {
		Now(func() {
			db.ExecContext(ctx, "UPDATE users SET score = score + 1 WHERE id = $1", id) // want `\(\*sql.DB\).ExecContext inside a loop`
		})
	}
}

func FanOut(ctx context.Context, db *sql.DB) error {
	var g errgroup.Group
	for _, id := range rows(ctx, db) {
		g.Go(func() error {
			_, err := db.ExecContext(ctx, "UPDATE users SET score = score + 1 WHERE id = $1", id) // want `\(\*sql.DB\).ExecContext inside a loop`
			return err
		})
	}
	return g.Wait()
}
