package background

import (
	"context"
	"database/sql"
	"time"
)

// A store whose background workers run as long as it lives: the context
// they run under is kept in a field and cancelled by Close, not by the
// caller that builds the store.
type store struct {
	db       *sql.DB
	ctx      context.Context
	cancel   context.CancelFunc
	gcCtx    context.Context
	cancelGC context.CancelFunc
}

func newStore(ctx context.Context, db *sql.DB) (*store, error) { // want newStore:`context reaches \(\*sql.DB\).PingContext`
	if err := db.PingContext(ctx); err != nil {
		return nil, err
	}
	s := &store{db: db}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	go s.collect(s.ctx)
	return s, nil
}

func newStoreLit(ctx context.Context, db *sql.DB) (*store, error) { // want newStoreLit:`context reaches \(\*sql.DB\).PingContext`
	if err := db.PingContext(ctx); err != nil {
		return nil, err
	}
	gcCtx, cancelGC := context.WithCancel(context.Background())
	s := &store{db: db, gcCtx: gcCtx, cancelGC: cancelGC}
	go s.collect(gcCtx)
	return s, nil
}

func (s *store) collect(ctx context.Context) { // want collect:`context reaches \(context.Context\).Done`
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_, _ = s.db.ExecContext(ctx, "DELETE FROM expired")
		}
	}
}

func (s *store) Close() {
	s.cancel()
	s.cancelGC()
}

// Trap: kept in a field, but also used here and now for a query that then
// ignores the caller's cancellation.
func newStoreSeeded(ctx context.Context, db *sql.DB) (*store, error) {
	life, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) discards`
	s := &store{db: db, ctx: life, cancel: cancel}
	if _, err := db.ExecContext(life, "INSERT INTO seeds DEFAULT VALUES"); err != nil {
		return nil, err
	}
	return s, nil
}

// A cancel signal: the new context is only waited on, while the caller's
// context is watched too. It starts no work.
type sleeper struct{ wake context.CancelFunc }

func (s *sleeper) sleep(parent context.Context, d time.Duration) { // want sleep:`context reaches \(context.Context\).Done`
	sig, wake := context.WithCancel(context.Background())
	s.wake = wake
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-parent.Done():
	case <-sig.Done():
	case <-t.C:
	}
}

// A constructor bounds its own start-up work with a deadline of its own:
// true by the letter (the caller's cancellation is ignored for up to 15
// seconds), low.
func NewSeededStore(ctx context.Context, db *sql.DB) (*store, error) {
	initCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second) // want `context.Background\(\) discards .*\[low: a constructor bounds its own start-up work with a deadline of its own\]`
	defer cancel()
	if _, err := db.ExecContext(initCtx, "INSERT INTO seeds DEFAULT VALUES"); err != nil {
		return nil, err
	}
	return &store{db: db}, nil
}

// Trap: not a constructor: the same deadline in a function that serves.
func Seed(ctx context.Context, db *sql.DB) error {
	seedCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second) // want `context.Background\(\) discards .*\[medium`
	defer cancel()
	_, err := db.ExecContext(seedCtx, "INSERT INTO seeds DEFAULT VALUES")
	return err
}

func newReplica(ctx context.Context, db *sql.DB) (*store, error) {
	seedCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second) // want `\[low: a constructor bounds its own start-up work`
	defer cancel()
	if err := db.PingContext(seedCtx); err != nil {
		return nil, err
	}
	return &store{db: db}, nil
}
