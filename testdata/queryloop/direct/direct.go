// Package direct makes round-trips of every supported library inside loops
// of every shape.
package direct

import (
	"context"
	"database/sql"
	"iter"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"github.com/samber/lo"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"golang.org/x/sync/errgroup"
	"gorm.io/gorm"
)

type User struct {
	ID    int
	Name  string
	Posts []Post
}

type Post struct{ ID, UserID int }

func SQL(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		var name string
		_ = db.QueryRowContext(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name) // want `\(\*sql.DB\).QueryRowContext inside a loop makes a database round-trip per iteration: latency and pool use grow with the number of items \(N\+1\); fetch them together: a JOIN or one query with WHERE id IN \(…\) / = ANY\(\$1\)`
	}
}

func SQLMap(db *sql.DB, byName map[string]int) {
	for name := range byName {
		rows, _ := db.Query("SELECT * FROM t WHERE name = ?", name) // want `\(\*sql.DB\).Query inside a loop`
		rows.Close()
	}
}

// Insert per row: a bulk write done one round-trip at a time.
func Insert(ctx context.Context, tx *sql.Tx, users []User) error {
	for _, u := range users {
		if _, err := tx.ExecContext(ctx, "INSERT INTO users (id, name) VALUES ($1, $2)", u.ID, u.Name); err != nil { // want `\(\*sql.Tx\).ExecContext inside a loop makes a database round-trip per row written: .*; batch the writes: one multi-row INSERT \(or COPY\)`
			return err
		}
	}
	return tx.Commit() // once per transaction
}

// A query per row of another query's result.
func RowsNext(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "SELECT id FROM users")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, n int
		if err := rows.Scan(&id); err != nil {
			return err
		}
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM posts WHERE user_id = $1", id).Scan(&n); err != nil { // want `\(\*sql.DB\).QueryRowContext inside a loop`
			return err
		}
	}
	return rows.Err()
}

// Prepared statement executed per item is still a round-trip per item.
func Stmt(ctx context.Context, stmt *sql.Stmt, ids []int) {
	for _, id := range ids {
		_, _ = stmt.ExecContext(ctx, id) // want `\(\*sql.Stmt\).ExecContext inside a loop makes a database round-trip per row written`
	}
}

func SQLX(ctx context.Context, db *sqlx.DB, ids []int) {
	for _, id := range ids {
		var u User
		_ = db.GetContext(ctx, &u, "SELECT * FROM users WHERE id = $1", id) // want `\(\*sqlx.DB\).GetContext inside a loop`
	}
	for _, id := range ids {
		var u User
		_ = sqlx.GetContext(ctx, db, &u, "SELECT 1", id) // want `sqlx.GetContext inside a loop`
	}
}

func Gorm(db *gorm.DB, users []User) {
	for i := range users {
		db.Where("user_id = ?", users[i].ID).Find(&users[i].Posts) // want `\(\*gorm.DB\).Find inside a loop makes a database round-trip per iteration: .*; load them together: Preload/Joins`
	}
	for _, u := range users {
		db.Create(&u) // want `\(\*gorm.DB\).Create inside a loop makes a database round-trip per row written: .*; write them together: Create\(&slice\) or CreateInBatches`
	}
}

type Table struct {
	ID      int
	Columns []Column
}

type Column struct{ Name string }

func columnsOf(db *gorm.DB, tableID int) ([]Column, error) {
	var cols []Column
	err := db.Where("table_id = ?", tableID).Find(&cols).Error
	return cols, err
}

// Filling each row's children writes into the rows, but their number, which
// the loop tests, stays what the first query returned.
func TablesWithColumns(db *gorm.DB) ([]Table, error) {
	var tables []Table
	if err := db.Find(&tables).Error; err != nil {
		return nil, err
	}
	var err error
	for i := 0; i < len(tables); i++ {
		if tables[i].Columns, err = columnsOf(db, tables[i].ID); err != nil { // want `direct.columnsOf inside a loop makes a database round-trip per iteration`
			return tables, err
		}
	}
	return tables, nil
}

func Pgx(ctx context.Context, conn *pgx.Conn, pool *pgxpool.Pool, ids []int) {
	for _, id := range ids {
		_, _ = conn.Exec(ctx, "UPDATE users SET seen = now() WHERE id = $1", id) // want `\(\*pgx.Conn\).Exec inside a loop makes a database round-trip per row written: .*; send them together: a pgx.Batch, CopyFrom`
	}
	for _, id := range ids {
		var n int
		_ = pool.QueryRow(ctx, "SELECT 1 WHERE $1 > 0", id).Scan(&n) // want `\(\*pgxpool.Pool\).QueryRow inside a loop .*or queue the queries in a pgx.Batch`
	}
}

// Batch queues are not round-trips; SendBatch, outside the loop, is one.
func PgxBatch(ctx context.Context, pool *pgxpool.Pool, ids []int) {
	b := &pgx.Batch{}
	for _, id := range ids {
		b.Queue("SELECT name FROM users WHERE id = $1", id)
	}
	br := pool.SendBatch(ctx, b)
	_ = br.Close()
}

func Redis(ctx context.Context, rdb *redis.Client, keys []string) {
	for _, k := range keys {
		_ = rdb.Get(ctx, k).Val() // want `\(redis.cmdable\).Get inside a loop makes a database round-trip per iteration: .*; pipeline the commands \(Pipelined\) or use a multi-key command`
	}
	// A pipeline only queues; Exec sends once.
	pipe := rdb.Pipeline()
	for _, k := range keys {
		pipe.Get(ctx, k)
	}
	_, _ = pipe.Exec(ctx)
	_, _ = rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, k := range keys {
			p.Incr(ctx, k) // queued
		}
		return nil
	})
}

func Mongo(ctx context.Context, coll *mongo.Collection, ids []string) {
	for _, id := range ids {
		_ = coll.FindOne(ctx, bson.M{"_id": id}) // want `\(\*mongo.Collection\).FindOne inside a loop .*; fetch them together with one Find on an \$in filter`
	}
	for _, id := range ids {
		_, _ = coll.InsertOne(ctx, bson.M{"id": id}) // want `\(\*mongo.Collection\).InsertOne inside a loop makes a database round-trip per row written: .*InsertMany or BulkWrite`
	}
}

// Loop shapes.

func RangeInt(ctx context.Context, db *sql.DB, n int) {
	for i := range n {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", i) // want `\(\*sql.DB\).ExecContext inside a loop`
	}
}

func ThreeClause(ctx context.Context, db *sql.DB, ids []int) {
	for i := 0; i < len(ids); i++ {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", ids[i]) // want `\(\*sql.DB\).ExecContext inside a loop`
	}
}

func RangeFunc(ctx context.Context, db *sql.DB, seq iter.Seq[int]) {
	for id := range seq {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", id) // want `\(\*sql.DB\).ExecContext inside a loop`
	}
}

func SyncMap(ctx context.Context, db *sql.DB, m *sync.Map) {
	m.Range(func(k, v any) bool {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", k) // want `\(\*sql.DB\).ExecContext inside a loop`
		return true
	})
}

func ForEachRow(ctx context.Context, conn *pgx.Conn) error {
	rows, _ := conn.Query(ctx, "SELECT id FROM users")
	var id int
	_, err := pgx.ForEachRow(rows, []any{&id}, func() error {
		_, err := conn.Exec(ctx, "UPDATE posts SET seen = true WHERE user_id = $1", id) // want `\(\*pgx.Conn\).Exec inside a loop`
		return err
	})
	return err
}

func LoForEach(ctx context.Context, db *sql.DB, ids []int) {
	lo.ForEach(ids, func(id int, _ int) {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", id) // want `\(\*sql.DB\).ExecContext inside a loop`
	})
	_ = lo.Map(ids, func(id int, _ int) string {
		var s string
		_ = db.QueryRowContext(ctx, "SELECT name FROM t WHERE id = $1", id).Scan(&s) // want `\(\*sql.DB\).QueryRowContext inside a loop`
		return s
	})
}

// A closure called in the loop: the query inside it is reported, once.
func ClosureInPlace(ctx context.Context, db *sql.DB, ids []int) {
	for _, id := range ids {
		func() {
			_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", id) // want `\(\*sql.DB\).ExecContext inside a loop`
		}()
	}
}

// A closure held in a variable and called in the loop: reported at the call.
func ClosureVar(ctx context.Context, db *sql.DB, ids []int) {
	del := func(id int) {
		_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", id)
	}
	for _, id := range ids {
		del(id) // want `del inside a loop makes a database round-trip per row written \(direct.ClosureVar → \(\*sql.DB\).ExecContext\)`
	}
}

// errgroup's Go runs the function during the loop: still one round-trip per
// item, concurrently.
func Fanout(ctx context.Context, db *sql.DB, ids []int) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, id := range ids {
		g.Go(func() error {
			_, err := db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", id) // want `\(\*sql.DB\).ExecContext inside a loop`
			return err
		})
	}
	return g.Wait()
}

// A transaction per item: the query inside the literal is reported, not
// the Transaction call around it.
func GormTx(db *gorm.DB, users []User) {
	for _, u := range users {
		_ = db.Transaction(func(tx *gorm.DB) error {
			return tx.Save(&u).Error // want `\(\*gorm.DB\).Save inside a loop makes a database round-trip per row written`
		})
	}
}

// Nested loops: one finding, at the innermost hot loop.
func Nested(ctx context.Context, db *sql.DB, groups [][]int) {
	for _, g := range groups {
		for _, id := range g {
			_, _ = db.ExecContext(ctx, "DELETE FROM t WHERE id = $1", id) // want `\(\*sql.DB\).ExecContext inside a loop`
		}
	}
}

// A page-by-page fetch inside a loop over data: the inner loop is driven
// by the query's result, but the outer one makes it once per user.
func PagesPerUser(ctx context.Context, db *sql.DB, users []int) {
	for _, u := range users {
		after := 0
		for {
			var next int
			err := db.QueryRowContext(ctx, "SELECT id FROM posts WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT 1", u, after).Scan(&next) // want `\(\*sql.DB\).QueryRowContext inside a loop`
			if err != nil || next == 0 {
				break
			}
			after = next
		}
	}
}

var script = redis.NewScript(`return 1`)

// A script run on the client is a round-trip per call.
func Script(ctx context.Context, rdb *redis.Client, keys []string) {
	for _, k := range keys {
		_ = script.Run(ctx, rdb, []string{k}) // want `\(\*redis.Script\).Run inside a loop`
	}
	local := []string{"a", "b", "c"}
	local = append(local, keys...)
	for _, k := range local {
		_ = rdb.Del(ctx, k) // want `\(redis.cmdable\).Del inside a loop`
	}
}

// Several round-trips in one loop body are one cause: one finding at the
// first, the others as related positions.
func Upserts(ctx context.Context, db *sql.DB, users []User) {
	for _, u := range users {
		var id int
		err := db.QueryRowContext(ctx, "SELECT id FROM users WHERE name = $1", u.Name).Scan(&id) // want `\(\*sql.DB\).QueryRowContext inside a loop makes a database round-trip .* \(and 2 more round-trips in this loop\)`
		if err == sql.ErrNoRows {
			db.ExecContext(ctx, "INSERT INTO users (name) VALUES ($1)", u.Name)
			continue
		}
		db.ExecContext(ctx, "UPDATE users SET seen = now() WHERE id = $1", id)
	}
}
