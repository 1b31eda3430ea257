// Package builders queries through SQL builders and ORMs that wrap
// database/sql: squirrel, bun and ent's driver.
package builders

import (
	"context"
	"database/sql"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqlgraph"
	sq "github.com/Masterminds/squirrel"
	"github.com/uptrace/bun"
)

type User struct {
	ID   int64
	Name string
}

func SquirrelPerItem(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		rows, err := sq.Select("name").From("users").Where(sq.Eq{"id": id}).RunWith(db).QueryContext(ctx) // want `\(squirrel.SelectBuilder\).QueryContext inside a loop`
		if err == nil {
			rows.Close()
		}
	}
}

func SquirrelRowPerItem(db *sql.DB, ids []int64) {
	for _, id := range ids {
		var name string
		_ = sq.Select("name").From("users").Where(sq.Eq{"id": id}).RunWith(db).QueryRow().Scan(&name) // want `\(squirrel.SelectBuilder\).QueryRow inside a loop`
	}
}

func SquirrelExecPerItem(ctx context.Context, db *sql.DB, ids []int64) {
	for _, id := range ids {
		_, _ = sq.Update("users").Set("seen", true).Where(sq.Eq{"id": id}).RunWith(db).ExecContext(ctx) // want `\(squirrel.UpdateBuilder\).ExecContext inside a loop`
	}
}

func BunPerItem(ctx context.Context, db *bun.DB, ids []int64) {
	for _, id := range ids {
		var u User
		_ = db.NewSelect().Model(&u).Where("id = ?", id).Scan(ctx) // want `\(\*bun.SelectQuery\).Scan inside a loop`
	}
}

func BunInsertPerItem(ctx context.Context, db *bun.DB, users []User) {
	for i := range users {
		_, _ = db.NewInsert().Model(&users[i]).Exec(ctx) // want `\(\*bun.InsertQuery\).Exec inside a loop`
	}
}

func BunRawPerItem(ctx context.Context, db bun.IDB, ids []int64) {
	for _, id := range ids {
		var n int
		_ = db.NewRaw("SELECT count(*) FROM orders WHERE user_id = ?", id).Scan(ctx, &n) // want `\(\*bun.RawQuery\).Scan inside a loop`
	}
}

// ---- traps ----

// Building a statement sends nothing.
func SquirrelBuildOnly(ids []int64) []string {
	var out []string
	for _, id := range ids {
		q, _, _ := sq.Select("name").From("users").Where(sq.Eq{"id": id}).ToSql()
		out = append(out, q)
	}
	return out
}

func BunBuildOnly(db *bun.DB, ids []int64) []string {
	var out []string
	for _, id := range ids {
		out = append(out, db.NewSelect().Model((*User)(nil)).Where("id = ?", id).String())
	}
	return out
}

// One query for every id.
func BunOneQuery(ctx context.Context, db *bun.DB, ids []int64) []User {
	var users []User
	_ = db.NewSelect().Model(&users).Where("id IN (?)", bun.In(ids)).Scan(ctx)
	return users
}

// ent's driver, used directly or through its graph helpers (what generated
// code calls).
func EntDriverPerItem(ctx context.Context, drv dialect.Driver, ids []int64) {
	for _, id := range ids {
		var rows entsql.Rows
		_ = drv.Query(ctx, "SELECT name FROM users WHERE id = $1", []any{id}, &rows) // want `\(dialect.ExecQuerier\).Query inside a loop`
	}
}

func EntGraphPerItem(ctx context.Context, drv dialect.Driver, specs []*sqlgraph.QuerySpec) {
	for _, spec := range specs {
		_ = sqlgraph.QueryNodes(ctx, drv, spec) // want `sqlgraph.QueryNodes inside a loop`
	}
}
