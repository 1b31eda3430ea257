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

// A deadline of its own bounds the detached work: true by the letter (the
// caller's cancellation is ignored for up to 15 seconds), low.
func NewSeededStore(ctx context.Context, db *sql.DB) (*store, error) {
	initCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second) // want `context.Background\(\) discards .*\[low: given a deadline of its own: detached on purpose and bounded`
	defer cancel()
	if _, err := db.ExecContext(initCtx, "INSERT INTO seeds DEFAULT VALUES"); err != nil {
		return nil, err
	}
	return &store{db: db}, nil
}

// The same in a function that serves: still bounded.
func Seed(ctx context.Context, db *sql.DB) error {
	seedCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second) // want `context.Background\(\) discards .*\[low: given a deadline of its own`
	defer cancel()
	_, err := db.ExecContext(seedCtx, "INSERT INTO seeds DEFAULT VALUES")
	return err
}

func newReplica(ctx context.Context, db *sql.DB) (*store, error) {
	seedCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second) // want `\[low: given a deadline of its own`
	defer cancel()
	if err := db.PingContext(seedCtx); err != nil {
		return nil, err
	}
	return &store{db: db}, nil
}

// A context handed to a function whose context reaches nothing that
// honours cancellation: there is nothing to cancel.
func nodes(ctx context.Context, region string) []string { return []string{region} }

func (s *store) lookup(ctx context.Context, id int) error { // want lookup:`context reaches \(\*sql.DB\).QueryRowContext`
	return s.db.QueryRowContext(ctx, "SELECT 1 FROM t WHERE id = $1", id).Err()
}

func (s *store) Nodes(ctx context.Context, id int) []string {
	_ = s.lookup(context.TODO(), id) // want `context.TODO\(\) discards .*\[medium: what the new context reaches is not followed\]`
	return nil
}

func (s *store) Regions(ctx context.Context) []string {
	return nodes(context.TODO(), "eu-west") // want `context.TODO\(\) discards .*\[low: handed to background.nodes, whose context reaches no I/O that honours cancellation\]`
}

type deviceKey struct{}

// A nil guard that returns the fallback: there is no context to discard.
func withDevice(ctx context.Context, id string) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return context.WithValue(ctx, deviceKey{}, id)
}

// A hook a setter keeps for later runs after the request is over: its
// fresh context is right.
type device struct{ onLogout func(id string) }

func (d *device) SetOnLogout(fn func(id string)) { d.onLogout = fn }

func (s *store) register(ctx context.Context, d *device) {
	d.SetOnLogout(func(id string) {
		_, _ = s.db.ExecContext(context.Background(), "DELETE FROM sessions WHERE device = $1", id)
	})
}

type spanKey struct{}

func withSpan(ctx context.Context, span string) context.Context {
	return context.WithValue(ctx, spanKey{}, span)
}

// Trap: a function that returns a context derived from the one it is
// given passes the background context on: it is not the end of it.
func (s *store) branch(ctx context.Context, id int) error {
	detached := withSpan(context.Background(), "branch") // want `context.Background\(\) discards .*\[medium: what the new context reaches is not followed\]`
	return s.lookup(detached, id)
}
