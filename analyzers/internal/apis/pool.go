package apis

import (
	"go/ast"
	"go/types"
)

// poolConstructors build a connection pool meant to live as long as the
// process: every one of them dials, handshakes and keeps idle connections.
var poolConstructors = func() nameSet {
	s := make(nameSet)
	s.add("database/sql", "", "Open", "OpenDB")
	s.add("github.com/jmoiron/sqlx", "", "Open", "Connect", "ConnectContext", "MustConnect", "MustOpen")
	s.add("gorm.io/gorm", "", "Open")
	s.add("github.com/jackc/pgx/v5", "", "Connect", "ConnectConfig")
	s.add("github.com/jackc/pgx/v5/pgxpool", "", "New", "NewWithConfig")
	s.add("github.com/jackc/pgx/v4", "", "Connect", "ConnectConfig")
	s.add("github.com/jackc/pgx/v4/pgxpool", "", "Connect", "ConnectConfig")
	for pkg := range redisPackages {
		s.add(pkg, "", "NewClient", "NewClusterClient", "NewFailoverClient",
			"NewFailoverClusterClient", "NewRing", "NewUniversalClient", "NewSentinelClient")
	}
	s.add("google.golang.org/grpc", "", "Dial", "DialContext", "NewClient")
	s.add("go.mongodb.org/mongo-driver/mongo", "", "Connect", "NewClient")
	s.add("go.mongodb.org/mongo-driver/v2/mongo", "", "Connect")
	s.add("net/http", "*Transport", "Clone")
	return s
}()

// Pool describes a pool built at some node.
type Pool struct {
	Node ast.Node // the constructor call, composite literal or new(...)
	What string   // e.g. "sql.Open", "http.Transport"
}

// PoolAt reports whether n builds a connection pool by itself: a call of a
// pool constructor, or an http.Transport made with a composite literal or
// new. An http.Client is not a pool: with no Transport of its own it shares
// http.DefaultTransport's connections, and a client given a fresh transport
// is reported at the transport.
func (c *Config) PoolAt(info *types.Info, n ast.Node) (Pool, bool) {
	switch n := n.(type) {
	case *ast.CallExpr:
		if fn := Callee(info, n); fn != nil {
			if poolConstructors[fn.FullName()] || c.Pools.Has(fn) {
				return Pool{n, ShortName(fn)}, true
			}
			return Pool{}, false
		}
		// new(http.Transport)
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && isTransport(info.TypeOf(n.Args[0])) {
				return Pool{n, "http.Transport"}, true
			}
		}
	case *ast.CompositeLit:
		if isTransport(info.TypeOf(n)) {
			return Pool{n, "http.Transport"}, true
		}
	}
	return Pool{}, false
}

func isTransport(t types.Type) bool {
	return t != nil && IsNamed(t, "net/http", "Transport")
}
