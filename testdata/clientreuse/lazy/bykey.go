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

// The miss-branch form: the pool is built only when the lookup missed, and
// stored for the next call.
type clientCache struct{ conns sync.Map }

func (cc *clientCache) get(target string) (*grpc.ClientConn, error) {
	val, exists := cc.conns.Load(target)
	c, ok := val.(*grpc.ClientConn)
	if !ok || !exists {
		var err error
		c, err = grpc.NewClient(target)
		if err != nil {
			return nil, err
		}
		cc.conns.Store(target, c)
	}
	return c, nil
}

// A miss branch that never stores what it builds: every call misses.
func (cc *clientCache) getUncached(target string) (*grpc.ClientConn, error) {
	val, exists := cc.conns.Load(target)
	c, ok := val.(*grpc.ClientConn)
	if !ok || !exists {
		return grpc.NewClient(target) // want `grpc.NewClient in \(\*lazy.clientCache\).getUncached, which handler \(\*lazy.Handler\).Peers runs, builds a new`
	}
	return c, nil
}

var peers = &clientCache{}

func (h *Handler) Peers(w http.ResponseWriter, r *http.Request) {
	c, _ := peers.get(r.URL.Query().Get("peer"))
	_ = c.Target()
	u, _ := peers.getUncached(r.URL.Query().Get("peer"))
	_ = u.Target()
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

// transportCache keeps one transport per TLS setting; settings it cannot
// key (a custom dial function) bypass it.
type transportCache struct {
	mu         sync.Mutex
	transports map[string]*http.Transport
}

var transports = &transportCache{transports: make(map[string]*http.Transport)}

func (c *transportCache) get(key string, cacheable bool) *http.Transport {
	if cacheable {
		c.mu.Lock()
		defer c.mu.Unlock()
		if t, ok := c.transports[key]; ok {
			return t
		}
	}
	t := &http.Transport{}
	if cacheable {
		c.transports[key] = t
	}
	return t
}

// uncachedGet builds a transport on every call; its lookup only reads.
func (c *transportCache) uncachedGet(key string, cacheable bool) *http.Transport {
	if cacheable {
		if t, ok := c.transports[key]; ok {
			return t
		}
	}
	return &http.Transport{} // want `http.Transport in \(\*lazy.transportCache\).uncachedGet, which handler \(\*lazy.Handler\).Review runs, builds a new`
}

func (h *Handler) Review(w http.ResponseWriter, r *http.Request) {
	_ = transports.get(r.Host, true)
	_ = transports.uncachedGet(r.Host, true)
}
