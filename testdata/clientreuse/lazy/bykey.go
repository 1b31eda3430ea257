package lazy

import (
	"database/sql"
	"net/http"
	"sync"

	"google.golang.org/grpc"
)

// Caches of pools by key: built once per key, on a miss, and kept.

type dbCache struct {
	mu  sync.Mutex
	dbs map[string]*sql.DB
}

// loadOrStore runs the factory only on a miss and keeps its pool.
func (c *dbCache) loadOrStore(dsn string, factory func(string) (*sql.DB, error)) (*sql.DB, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if db, ok := c.dbs[dsn]; ok {
		return db, nil
	}
	db, err := factory(dsn)
	if err != nil {
		return nil, err
	}
	c.dbs[dsn] = db
	return db, nil
}

func openDB(dsn string) (*sql.DB, error) { return sql.Open("postgres", dsn) }

var dbs = &dbCache{dbs: make(map[string]*sql.DB)}

func pooledDB(dsn string) (*sql.DB, error) { return dbs.loadOrStore(dsn, openDB) }

var conns sync.Map

// conn dials once per target.
func conn(target string) (*grpc.ClientConn, error) {
	if c, ok := conns.Load(target); ok {
		return c.(*grpc.ClientConn), nil
	}
	c, err := grpc.NewClient(target)
	if err != nil {
		return nil, err
	}
	conns.Store(target, c)
	return c, nil
}

var (
	tenantsMu sync.Mutex
	tenants   = map[string]*sql.DB{}
)

// tenantDB opens a tenant's pool once.
func tenantDB(name string) *sql.DB {
	tenantsMu.Lock()
	defer tenantsMu.Unlock()
	if db, ok := tenants[name]; ok {
		return db
	}
	db, _ := sql.Open("postgres", "dsn-"+name)
	tenants[name] = db
	return db
}

// peek looks in the cache but never stores what it builds: a pool per
// miss, and every call misses.
func peek(name string) *sql.DB {
	if db, ok := tenants[name]; ok {
		return db
	}
	db, _ := sql.Open("postgres", "dsn-"+name) // want `sql.Open in lazy.peek, which handler \(\*lazy.Handler\).Tenants runs, builds a new connection pool per request`
	return db
}

func (h *Handler) Tenants(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("tenant")
	db, _ := pooledDB("dsn-" + name)
	_ = db.PingContext(r.Context())
	c, _ := conn(name + ":443")
	_ = c.Target()
	_ = tenantDB(name).PingContext(r.Context())
	_ = peek(name).PingContext(r.Context())
}
