package traps

// Traps from real services (asynq, go-rest-api): each was a false positive.

import (
	"context"
	"database/sql"
	"testing"

	"github.com/redis/go-redis/v9"
)

var enqueue = redis.NewScript(`return redis.call("LPUSH", KEYS[1], ARGV[1])`)

// A script run on a pipeline is queued; Exec sends them all at once
// (asynq internal/rdb/rdb.go:217@785bb72).
func ScriptOnPipeline(ctx context.Context, rdb *redis.Client, ids []string) {
	pipe := rdb.Pipeline()
	for _, id := range ids {
		enqueue.Run(ctx, pipe, []string{"q"}, id) // queued on the pipeline
	}
	_, _ = pipe.Exec(ctx)
}

// A local slice of two keys is a small constant collection
// (asynq internal/rdb/rdb.go:1125@785bb72).
func LocalSmall(ctx context.Context, rdb *redis.Client, q string) {
	keys := []string{"scheduled:" + q, "retry:" + q}
	for _, k := range keys {
		_ = rdb.Del(ctx, k) // two keys
	}
}

// A search that stops at the first queue with a task
// (asynq internal/rdb/rdb.go:370@785bb72).
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

// Test helpers in non-test files run only under go test
// (asynq internal/testutil/testutil.go:283@785bb72, go-rest-api
// internal/test/db.go:41@c310133).
func SeedUsers(tb testing.TB, db *sql.DB, names []string) {
	tb.Helper()
	for _, n := range names {
		if _, err := db.Exec("INSERT INTO users (name) VALUES ($1)", n); err != nil { // a test helper
			tb.Fatal(err)
		}
	}
}
