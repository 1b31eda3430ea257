// Package stmtbind: what a dropped context costs sets the level. Binding a
// prepared statement to a transaction prepares it again only on a
// connection that has not seen it, and the statement's own call takes the
// context: low. A wrapper of a query is judged like the query (medium); a
// wrapper of a request like the request (high). An in-process listener
// (bufconn) has no network to wait on.
package stmtbind

import (
	"context"
	"database/sql"
	"net"
	"net/http"

	"github.com/jmoiron/sqlx"
	"google.golang.org/grpc/test/bufconn"
)

// TxStmt returns the statement bound to the transaction, if there is one.
func TxStmt(tx *sql.Tx, st *sql.Stmt) *sql.Stmt {
	if tx != nil {
		return tx.Stmt(st)
	}
	return st
}

// TxStmtContext is TxStmt with a context for the binding.
func TxStmtContext(ctx context.Context, tx *sql.Tx, st *sql.Stmt) *sql.Stmt { // want TxStmtContext:`context reaches \(\*sql.Tx\).StmtContext`
	if tx != nil {
		return tx.StmtContext(ctx, st)
	}
	return st
}

type table struct{ insert *sql.Stmt }

// The statement's own call takes the context: the binding is low.
func (t *table) Insert(ctx context.Context, tx *sql.Tx, id int64) error { // want Insert:`context reaches \(\*sql.Stmt\).ExecContext`
	stmt := TxStmt(tx, t.insert) // want `stmtbind.TxStmt drops the context ctx in scope.*\[low: .*binds a prepared statement`
	_, err := stmt.ExecContext(ctx, id)
	return err
}

func (t *table) InsertDirect(ctx context.Context, tx *sql.Tx, id int64) error { // want InsertDirect:`context reaches \(\*sql.Stmt\).ExecContext`
	_, err := tx.Stmt(t.insert).ExecContext(ctx, id) // want `\(\*sql.Tx\).Stmt drops the context ctx in scope.*\[low: .*binds a prepared statement`
	return err
}

func (t *table) InsertSqlx(ctx context.Context, tx *sqlx.Tx, st *sqlx.Stmt, id int64) error { // want InsertSqlx:`context reaches \(\*sql.Stmt\).ExecContext`
	_, err := tx.Stmtx(st).ExecContext(ctx, id) // want `\(\*sqlx.Tx\).Stmtx drops the context ctx in scope.*\[low: .*binds a prepared statement`
	return err
}

// Load and LoadContext wrap a query: the dropped context is a query's.
func Load(db *sql.DB, id int64) error { return LoadContext(context.Background(), db, id) }

func LoadContext(ctx context.Context, db *sql.DB, id int64) error { // want LoadContext:`context reaches \(\*sql.DB\).QueryRowContext`
	return db.QueryRowContext(ctx, "SELECT 1 WHERE id = $1", id).Err()
}

func Lookup(ctx context.Context, db *sql.DB) error {
	return Load(db, 1) // want `stmtbind.Load drops the context ctx in scope.*\[medium: .*a query on the service's own database`
}

// Fetch and FetchContext wrap a request, and a query first: the request
// is the weightier, so the dropped context is a request's.
func Fetch(db *sql.DB, url string) error { return FetchContext(context.Background(), db, url) }

func FetchContext(ctx context.Context, db *sql.DB, url string) error { // want FetchContext:`context reaches http.NewRequestWithContext`
	if err := db.QueryRowContext(ctx, "SELECT 1").Err(); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Refresh(ctx context.Context, db *sql.DB) error {
	return Fetch(db, "https://example.com/") // want `stmtbind.Fetch drops the context ctx in scope.*\[high: `
}

// Trap: an in-process listener answers a dial at once; there is no
// network for a context to cancel.
func dialInProcess(ctx context.Context, lis *bufconn.Listener) (net.Conn, error) {
	return lis.Dial()
}

// Trap: a Unix socket of this host answers a connect at once.
func dialSocket(ctx context.Context, network, path string) (net.Conn, error) {
	if network == "unix" {
		return net.Dial(network, path)
	}
	return net.Dial(network, path) // want `net.Dial drops the context ctx in scope`
}

var refreshDB *sql.DB

// A request waits on Refresh.
func RefreshHandler(w http.ResponseWriter, r *http.Request) { _ = Refresh(r.Context(), refreshDB) }

func routes(mux *http.ServeMux) { mux.HandleFunc("/refresh", RefreshHandler) }
