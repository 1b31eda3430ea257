package sqlxpairs

import (
	"context"

	"github.com/jmoiron/sqlx"
)

type User struct{ Name string }

type Repo struct{ db *sqlx.DB }

func (r *Repo) All1(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_ = r.db.Select(&users, "SELECT * FROM users") // want `\(\*sqlx.DB\).Select drops the context ctx in scope: .*; use SelectContext\(ctx, …\)`
}

func (r *Repo) All2(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_ = r.db.Get(&u, "SELECT * FROM users WHERE id = $1", 1) // want `\(\*sqlx.DB\).Get drops`
}

func (r *Repo) All3(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_, _ = r.db.NamedExec("INSERT INTO users VALUES (:name)", u) // want `\(\*sqlx.DB\).NamedExec drops`
}

func (r *Repo) All4(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_, _ = r.db.NamedQuery("SELECT * FROM users WHERE n=:name", u) // want `\(\*sqlx.DB\).NamedQuery drops`
}

func (r *Repo) All5(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_, _ = r.db.Queryx("SELECT 1") // want `\(\*sqlx.DB\).Queryx drops`
}

func (r *Repo) All6(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_ = r.db.QueryRowx("SELECT 1") // want `\(\*sqlx.DB\).QueryRowx drops`
}

func (r *Repo) All7(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_ = r.db.MustExec("DELETE FROM t") // want `\(\*sqlx.DB\).MustExec drops`
}

func (r *Repo) All8(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_, _ = r.db.Preparex("SELECT 1") // want `\(\*sqlx.DB\).Preparex drops`
}

func (r *Repo) All9(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_, _ = r.db.PrepareNamed("SELECT :name") // want `\(\*sqlx.DB\).PrepareNamed drops`
}

func (r *Repo) All10(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_, _ = r.db.Beginx() // want `\(\*sqlx.DB\).Beginx drops .*; use BeginTxx\(ctx, …\)`
}

func (r *Repo) All11(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_ = r.db.MustBegin() // want `\(\*sqlx.DB\).MustBegin drops .*; use MustBeginTx\(ctx, …\)`
}

func (r *Repo) All12(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_, _ = r.db.Query("SELECT 1") // want `\(\*sql.DB\).Query drops .*; use QueryContext\(ctx, …\)`
}

func (r *Repo) All13(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_ = sqlx.Select(r.db, &users, "SELECT 1") // want `sqlx.Select drops .*; use sqlx.SelectContext\(ctx, …\)`
}

func (r *Repo) All14(ctx context.Context) {
	var users []User
	var u User
	_, _ = users, u
	_ = sqlx.Get(r.db, &u, "SELECT 1") // want `sqlx.Get drops`
}

func (r *Repo) Tx1(ctx context.Context, tx *sqlx.Tx) {
	var u User
	_ = tx.Get(&u, "SELECT 1") // want `\(\*sqlx.Tx\).Get drops`
}

func (r *Repo) Tx2(ctx context.Context, tx *sqlx.Tx) {
	var u User
	_, _ = tx.NamedExec("UPDATE", u) // want `\(\*sqlx.Tx\).NamedExec drops`
}

// Trap: already the Context twin.
func (r *Repo) TxContext(ctx context.Context, tx *sqlx.Tx) { // want TxContext:`context reaches \(\*sqlx\.Tx\)\.GetContext`
	var u User
	_ = tx.GetContext(ctx, &u, "SEL")
}

// A querier that has no QueryerContext: the package function's twin cannot
// take it, so there is a finding but no fix.
type onlyQueryer struct{ sqlx.Queryer }

func (r *Repo) NoFix(ctx context.Context, q onlyQueryer) {
	var u User
	_ = sqlx.Get(q, &u, "SELECT 1") // want `sqlx.Get drops`
}

// No context in scope.
func (r *Repo) NoContext() {
	var users []User
	_ = r.db.Select(&users, "SELECT * FROM users")
}
