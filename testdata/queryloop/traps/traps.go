// Package traps holds loops a naive check would report but that make no
// round-trip per item.
package traps

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"gorm.io/gorm"

	fake "example.com/td/queryloop/fakesql"
)

type Row struct{ ID int }

// Keyset pagination: the loop ends when a page comes back empty.
func Keyset(ctx context.Context, db *sql.DB) error {
	after := 0
	for {
		rows, err := db.QueryContext(ctx, "SELECT id FROM t WHERE id > $1 ORDER BY id LIMIT $2", after, 100) // exit depends on this query's rows
		if err != nil {
			return err
		}
		n := 0
		for rows.Next() {
			if err := rows.Scan(&after); err != nil {
				return err
			}
			n++
		}
		rows.Close()
		if n == 0 {
			return nil
		}
	}
}

// Cursor pagination: the loop condition is the cursor the query returns.
func Cursor(ctx context.Context, pool *pgxpool.Pool) {
	cursor := "start"
	for cursor != "" {
		_ = pool.QueryRow(ctx, "SELECT next FROM pages WHERE cursor = $1", cursor).Scan(&cursor) // the loop runs until the cursor is empty
	}
}

// gorm page loop: stops when the page is short.
func GormPages(db *gorm.DB) {
	var all []Row
	for offset := 0; ; offset += 100 {
		var page []Row
		db.Offset(offset).Limit(100).Find(&page) // exit depends on len(page)
		all = append(all, page...)
		if len(page) < 100 {
			break
		}
	}
}

// hasMore flag computed from the page.
func HasMore(ctx context.Context, db *sql.DB) {
	more, after := true, 0
	for more {
		var ids []int
		rows, _ := db.QueryContext(ctx, "SELECT id FROM t WHERE id > $1 LIMIT 50", after) // more is computed from the rows
		for rows.Next() {
			var id int
			_ = rows.Scan(&id)
			ids = append(ids, id)
		}
		rows.Close()
		more = len(ids) == 50
		if more {
			after = ids[len(ids)-1]
		}
	}
}

// Retry that stops on success.
func Retry(ctx context.Context, db *sql.DB, attempts int) error {
	var err error
	for i := 0; i < attempts; i++ {
		_, err = db.ExecContext(ctx, "UPDATE counters SET n = n + 1") // retried until it succeeds
		if err == nil {
			return nil
		}
	}
	return err
}

// Retry that only loops through continue.
func RetryContinue(ctx context.Context, db *sql.DB) error {
	for {
		_, err := db.ExecContext(ctx, "UPDATE counters SET n = n + 1") // the body returns after the call: a retry
		if errors.Is(err, context.DeadlineExceeded) {
			continue
		}
		return err
	}
}

// Bounded retries with a small constant count.
func SmallRetry(ctx context.Context, db *sql.DB) {
	for i := 0; i < 3; i++ {
		if err := db.PingContext(ctx); err != nil { // at most three tries
			continue
		}
	}
}

// Retry with a back-off: paced by the clock.
func Backoff(ctx context.Context, db *sql.DB, tries int) {
	for i := 0; i < tries; i++ {
		if db.PingContext(ctx) != nil { // the clock sets the pace
			time.Sleep(time.Second)
		}
	}
}

// Small constant collections.
func Small(ctx context.Context, db *sql.DB) {
	for _, table := range []string{"users", "orders", "items"} {
		_, _ = db.ExecContext(ctx, "TRUNCATE "+table) // three tables, fixed
	}
	var shards [4]int
	for i := range shards {
		_, _ = db.ExecContext(ctx, "VACUUM shard_$1", i) // a fixed-size array
	}
	for i := range 4 {
		_, _ = db.ExecContext(ctx, "VACUUM shard_$1", i) // a small constant count
	}
}

var regions = []string{"eu", "us"}

func Regions(ctx context.Context, db *sql.DB) {
	for _, r := range regions {
		_, _ = db.ExecContext(ctx, "REFRESH MATERIALIZED VIEW stats_"+r) // a package-level literal of two elements
	}
}

// Routes registered in a loop: each handler's query runs once per request,
// not once per iteration.
func Routes(mux *http.ServeMux, db *sql.DB, paths []string) {
	for _, p := range paths {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			_, _ = db.QueryContext(r.Context(), "SELECT * FROM pages WHERE path = $1", p) // runs per request
		})
	}
}

// Deferred work kept for later.
func Later(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		time.AfterFunc(time.Minute, func() {
			_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", id) // runs later, outside the loop
		})
	}
}

// Reading rows and ending transactions are not round-trips per item.
func RowOps(ctx context.Context, db *sql.DB, txs []*sql.Tx) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM t")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int
		_ = rows.Scan(&id) // reads a fetched row
		_ = rows.Err()
	}
	for _, tx := range txs {
		_ = tx.Commit() // decided: Commit is once per transaction, not a per-item query
	}
	return nil
}

// Chunks: the loop steps by a batch, each round one IN query.
func Chunks(ctx context.Context, db *sql.DB, ids []int) {
	for i := 0; i < len(ids); i += 500 {
		end := min(i+500, len(ids))
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = ANY($1)", ids[i:end]) // one round-trip per 500 ids
	}
}

// An event loop: one query per message received, like one per request.
func Consume(ctx context.Context, db *sql.DB, events <-chan Row) {
	for ev := range events {
		_, _ = db.ExecContext(ctx, "INSERT INTO events VALUES ($1)", ev.ID) // per event, not per item of a list
	}
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-events:
			_, _ = db.ExecContext(ctx, "INSERT INTO events VALUES ($1)", ev.ID) // per event
		}
	}
}

// A look-alike package named sql: an in-memory table, no network.
func LookAlike(db *fake.DB, ids []int) {
	for _, id := range ids {
		_, _ = db.Query("SELECT name FROM t WHERE id = ?", id) // not database/sql
		_ = db.Exec("DELETE", id)
	}
}

// Calls through an interface have no known target.
type Loader interface {
	Load(ctx context.Context, id int) error
}

func ViaInterface(ctx context.Context, l Loader, ids []int) {
	for _, id := range ids {
		_ = l.Load(ctx, id) // target unknown
	}
}

// The query happens before the loop; the loop reads the result.
func Before(ctx context.Context, db *sql.DB, ids []int) map[int]bool {
	rows, _ := db.QueryContext(ctx, "SELECT id FROM t WHERE id = ANY($1)", ids)
	seen := map[int]bool{}
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		seen[id] = true
	}
	return seen
}
