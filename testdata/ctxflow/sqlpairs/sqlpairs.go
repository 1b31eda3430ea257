package sqlpairs

import (
	"context"
	"database/sql"
	"net/http"
)

type Store struct{ db *sql.DB }

// Positives: every database/sql method with a Context twin, on *DB, *Tx and *Stmt.

func (s *Store) DB1(ctx context.Context, id int) {
	_, _ = s.db.Query("SELECT 1 WHERE id = $1", id) // want `\(\*sql.DB\).Query drops the context ctx in scope: .* holding a pool connection; use QueryContext\(ctx, …\)`
}

func (s *Store) DB2(ctx context.Context, id int) {
	_ = s.db.QueryRow("SELECT 1") // want `\(\*sql.DB\).QueryRow drops the context ctx`
}

func (s *Store) DB3(ctx context.Context, id int) {
	_, _ = s.db.Exec("DELETE FROM t") // want `\(\*sql.DB\).Exec drops`
}

func (s *Store) DB4(ctx context.Context, id int) {
	_, _ = s.db.Prepare("SELECT 1") // want `\(\*sql.DB\).Prepare drops`
}

func (s *Store) DB5(ctx context.Context, id int) {
	_ = s.db.Ping() // want `\(\*sql.DB\).Ping drops`
}

func (s *Store) DB6(ctx context.Context, id int) {
	_, _ = s.db.Begin() // want `\(\*sql.DB\).Begin drops the context ctx in scope: .*; use BeginTx\(ctx, …\)`
}

func (s *Store) Tx1(ctx context.Context, tx *sql.Tx, st *sql.Stmt) {
	_, _ = tx.Query("SELECT 1") // want `\(\*sql.Tx\).Query drops`
}

func (s *Store) Tx2(ctx context.Context, tx *sql.Tx, st *sql.Stmt) {
	_ = tx.QueryRow("SELECT 1") // want `\(\*sql.Tx\).QueryRow drops`
}

func (s *Store) Tx3(ctx context.Context, tx *sql.Tx, st *sql.Stmt) {
	_, _ = tx.Exec("DELETE FROM t") // want `\(\*sql.Tx\).Exec drops`
}

func (s *Store) Tx4(ctx context.Context, tx *sql.Tx, st *sql.Stmt) {
	_, _ = tx.Prepare("SELECT 1") // want `\(\*sql.Tx\).Prepare drops`
}

func (s *Store) Tx5(ctx context.Context, tx *sql.Tx, st *sql.Stmt) {
	_ = tx.Stmt(st) // want `\(\*sql.Tx\).Stmt drops`
}

func (s *Store) Tx6(ctx context.Context, tx *sql.Tx, st *sql.Stmt) {
	_, _ = st.Query() // want `\(\*sql.Stmt\).Query drops`
}

func (s *Store) Tx7(ctx context.Context, tx *sql.Tx, st *sql.Stmt) {
	_ = st.QueryRow(1) // want `\(\*sql.Stmt\).QueryRow drops`
}

func (s *Store) Tx8(ctx context.Context, tx *sql.Tx, st *sql.Stmt) {
	_, _ = st.Exec(1, "a") // want `\(\*sql.Stmt\).Exec drops`
}

// Trap: Commit has no Context twin.
func (s *Store) Commit(ctx context.Context, tx *sql.Tx) {
	_ = tx.Commit()
}

// A request parameter is a context in scope: r.Context().
func (s *Store) Handler(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.Query("SELECT name FROM users") // want `\(\*sql.DB\).Query drops the request's context r.Context\(\): .*; use QueryContext\(r.Context\(\), …\)`
	if err == nil {
		rows.Close()
	}
}

// A local derived from the request's context is preferred to it.
func (s *Store) Derived(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	_, _ = s.db.Exec("UPDATE t SET x = 1") // want `use ExecContext\(ctx, …\)`
	_ = ctx
}

// Variadic arguments passed with ... are kept.
func (s *Store) Spread(ctx context.Context, args []any) {
	_, _ = s.db.Query("SELECT 1", args...) // want `use QueryContext\(ctx, …\)`
}

// Traps.

// Already the Context variant.
func (s *Store) Good(ctx context.Context) { // want Good:`context reaches \(\*sql\.DB\)\.PingContext`
	_, _ = s.db.QueryContext(ctx, "SELECT 1")
	_, _ = s.db.BeginTx(ctx, nil)
	_ = s.db.PingContext(ctx)
}

// No context in scope: nothing to pass.
func (s *Store) NoContext() {
	_, _ = s.db.Exec("DELETE FROM t")
}

// A context parameter named _ is not in scope.
func (s *Store) Blank(_ context.Context) {
	_, _ = s.db.Exec("DELETE FROM t")
}

func main() {
	db, _ := sql.Open("postgres", "")
	_ = db.Ping() // fine: main has no context
}

func init() {
	var db *sql.DB
	_, _ = db.Exec("SET x") // fine: init has no context
}

// A context declared after the call is not in scope at the call.
func (s *Store) Later() {
	_, _ = s.db.Exec("DELETE FROM t")
	ctx := context.Background()
	_ = ctx
}
