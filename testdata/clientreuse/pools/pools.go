// Package pools covers every kind of pool constructor, built in a loop.
package pools

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	gormv1 "github.com/jinzhu/gorm"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"google.golang.org/grpc"
	"gorm.io/gorm"
)

type Tenant struct{ DSN, Addr string }

func SyncTenants(ctx context.Context, tenants []Tenant, dialector gorm.Dialector) {
	for _, t := range tenants {
		db, _ := sql.Open("postgres", t.DSN) // want `sql.Open inside a loop builds a new connection pool per iteration`
		_ = db
		x, _ := sqlx.Connect("postgres", t.DSN) // want `sqlx.Connect inside a loop`
		_ = x
		g, _ := gorm.Open(dialector) // want `gorm.Open inside a loop`
		_ = g
		g1, _ := gormv1.Open("postgres", t.DSN) // want `gorm.Open inside a loop`
		_ = g1
		c, _ := pgx.Connect(ctx, t.DSN) // want `pgx.Connect inside a loop`
		_ = c
		p, _ := pgxpool.New(ctx, t.DSN) // want `pgxpool.New inside a loop`
		_ = p
		rc := redis.NewClient(&redis.Options{Addr: t.Addr}) // want `redis.NewClient inside a loop`
		_ = rc
		cc := redis.NewClusterClient(&redis.ClusterOptions{}) // want `redis.NewClusterClient inside a loop`
		_ = cc
		gc, _ := grpc.NewClient(t.Addr) // want `grpc.NewClient inside a loop`
		_ = gc
		mc, _ := mongo.Connect() // want `mongo.Connect inside a loop`
		_ = mc
		tr := &http.Transport{} // want `http.Transport inside a loop`
		_ = tr
	}
}

func Callbacks(ctx context.Context, tenants []Tenant) {
	for i := 0; i < len(tenants); i++ {
		func() {
			db, _ := sql.Open("postgres", tenants[i].DSN) // want `sql.Open inside a loop`
			_ = db
		}()
	}
}

// Negatives.

// A loop over a few fixed shards is not hot.
func FixedShards() {
	for _, addr := range []string{"a:6379", "b:6379", "c:6379"} {
		_ = redis.NewClient(&redis.Options{Addr: addr})
	}
	for i := 0; i < 3; i++ { // bounded retry
		db, err := sql.Open("postgres", "dsn")
		if err == nil {
			_ = db
			break
		}
	}
}

// A client per iteration with no transport of its own is cheap.
func CheapClients(urls []string) {
	for _, u := range urls {
		c := &http.Client{}
		_, _ = c.Get(u)
	}
}

// A func literal created in a loop but run later is not in the loop.
func Deferred(tenants []Tenant) []func() *sql.DB {
	var openers []func() *sql.DB
	for _, t := range tenants {
		openers = append(openers, func() *sql.DB {
			db, _ := sql.Open("postgres", t.DSN)
			return db
		})
	}
	return openers
}

// A look-alike: a package named sql that is not database/sql.
type fakeSQL struct{}

func (fakeSQL) Open(string, string) (int, error) { return 0, nil }

func LookAlike(tenants []Tenant) {
	var sql fakeSQL
	for _, t := range tenants {
		_, _ = sql.Open("x", t.DSN)
	}
}

func worker(jobs <-chan Tenant) {
	for t := range jobs {
		db, _ := sql.Open("postgres", t.DSN) // want `sql.Open inside a loop`
		_ = db
	}
}

// The pool per job is reported inside worker, once.
func StartWorkers(n int, jobs <-chan Tenant) {
	for range n {
		go worker(jobs)
	}
}

// once builds one pool per call, and is called per item: reported here.
func openOne(t Tenant) *sql.DB {
	db, _ := sql.Open("postgres", t.DSN)
	return db
}

func OpenAll(tenants []Tenant) {
	for _, t := range tenants {
		_ = openOne(t) // want `pools.openOne inside a loop builds a new connection pool per iteration \(pools.openOne → sql.Open\)`
	}
}
