package traps

// Traps from real services: each was a false positive.

import (
	"context"
	"database/sql"
	"errors"

	"github.com/redis/go-redis/v9"
)

var enqueue = redis.NewScript(`return redis.call("LPUSH", KEYS[1], ARGV[1])`)

// A script run on a pipeline is queued; Exec sends them all at once.
func ScriptOnPipeline(ctx context.Context, rdb *redis.Client, ids []string) {
	pipe := rdb.Pipeline()
	for _, id := range ids {
		enqueue.Run(ctx, pipe, []string{"q"}, id) // queued on the pipeline
	}
	_, _ = pipe.Exec(ctx)
}

// A local slice of two keys is a small constant collection.
func LocalSmall(ctx context.Context, rdb *redis.Client, q string) {
	keys := []string{"scheduled:" + q, "retry:" + q}
	for _, k := range keys {
		_ = rdb.Del(ctx, k) // two keys
	}
}

// A search that stops at the first queue with a task.
func FirstHit(ctx context.Context, rdb *redis.Client, queues []string) (string, error) {
	for _, q := range queues {
		v, err := rdb.RPop(ctx, q).Result() // the loop returns on the first hit
		if err == redis.Nil {
			continue
		} else if err != nil {
			return "", err
		}
		return v, nil
	}
	return "", redis.Nil
}

// A server-side cursor read row by row until sql.ErrNoRows: the exit
// depends on the fetch's result.
func FetchCursor(tx *sql.Tx) error {
	for {
		var id int64
		if err := tx.QueryRow(`FETCH NEXT FROM id_cursor`).Scan(&id); err != nil { // until no rows
			if errors.Is(err, sql.ErrNoRows) {
				break
			}
			return err
		}
	}
	return nil
}

// A table of migrations written in the source: the loop runs as many times
// as there are migrations, whatever the data.
var migrations = []func(tx *sql.Tx) error{
	func(tx *sql.Tx) error { _, err := tx.Exec("CREATE TABLE a (id int)"); return err },
}

var schemaVersion = len(migrations)

func Migrate(db *sql.DB, current int) error {
	for v := current; v < schemaVersion; v++ {
		tx, err := db.Begin() // once per migration
		if err != nil {
			return err
		}
		if err := migrations[v](tx); err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE schema_version SET version = $1`, v+1); err != nil { // once per migration
			return err
		}
	}
	return nil
}

// Workers started in a loop serve jobs from a channel: their queries run
// per job.
type worker struct{ db *sql.DB }

func (w *worker) run(jobs <-chan int) {
	for {
		select {
		case id, ok := <-jobs:
			if !ok {
				return
			}
			_, _ = w.db.Exec("UPDATE feeds SET checked = now() WHERE id = $1", id) // per job
		}
	}
}

func StartWorkers(db *sql.DB, n int, jobs chan int) {
	for range n {
		w := &worker{db: db}
		go w.run(jobs) // starts a worker
	}
	for i := range n {
		go func(worker int) {
			for id := range jobs {
				_, _ = db.Exec("UPDATE feeds SET checked = now() WHERE id = $1 AND worker = $2", id, worker) // per job
			}
		}(i)
	}
}

// The other round-trips of a loop paged by a fetch run once per page (here
// once per cursor row, in a migration).
func UpdateByCursor(tx *sql.Tx) error {
	for {
		var id int64
		if err := tx.QueryRow(`FETCH NEXT FROM id_cursor`).Scan(&id); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				break
			}
			return err
		}
		if _, err := tx.Exec(`UPDATE t SET x = 1 WHERE id = $1`, id); err != nil { // once per fetched page
			return err
		}
	}
	return nil
}
