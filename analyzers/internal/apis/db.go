package apis

import (
	"go/ast"
	"go/types"
	"strings"
)

// A round-trip is one network exchange with a database or cache. Reading
// rows of a result already fetched (rows.Next, rows.Scan, rows.Err,
// rows.Close), queuing into a batch or pipeline (pgx.Batch.Queue, go-redis
// pipeline commands) and beginning or ending a transaction (Begin, Commit,
// Rollback: once per transaction, and a transaction per item is a choice
// whose statements are reported themselves) are not round-trips. Sending a batch or a
// pipeline is one.
var roundTrips = func() nameSet {
	s := make(nameSet)

	const sql = "database/sql"
	queries := []string{"Query", "QueryContext", "QueryRow", "QueryRowContext", "Exec", "ExecContext"}
	s.add(sql, "*DB", queries...)
	s.add(sql, "*DB", "Prepare", "PrepareContext", "Ping", "PingContext")
	s.add(sql, "*Tx", queries...)
	s.add(sql, "*Tx", "Prepare", "PrepareContext")
	s.add(sql, "*Conn", "QueryContext", "QueryRowContext", "ExecContext", "PrepareContext", "PingContext")
	s.add(sql, "*Stmt", queries...)

	const sqlx = "github.com/jmoiron/sqlx"
	sqlxQueries := []string{
		"Get", "GetContext", "Select", "SelectContext",
		"Queryx", "QueryxContext", "QueryRowx", "QueryRowxContext",
		"MustExec", "MustExecContext",
	}
	sqlxNamed := []string{"NamedExec", "NamedExecContext", "NamedQuery", "NamedQueryContext"}
	sqlxPrepare := []string{"Preparex", "PreparexContext", "PrepareNamed", "PrepareNamedContext"}
	for _, recv := range []string{"*DB", "*Tx"} {
		s.add(sqlx, recv, sqlxQueries...)
		s.add(sqlx, recv, sqlxNamed...)
		s.add(sqlx, recv, sqlxPrepare...)
	}
	s.add(sqlx, "*Conn", "GetContext", "SelectContext", "QueryxContext", "QueryRowxContext", "PreparexContext")
	s.add(sqlx, "*Stmt", sqlxQueries...)
	s.add(sqlx, "*NamedStmt", queries...)
	s.add(sqlx, "*NamedStmt", sqlxQueries...)
	s.add(sqlx, "", "Get", "GetContext", "Select", "SelectContext", "MustExec", "MustExecContext")
	s.add(sqlx, "", sqlxNamed...)

	// gorm (v2, and v1 at github.com/jinzhu/gorm): the finishers send
	// (Scan after Table or Raw, Rows, Row); the builders (Table, Raw,
	// Where, Model) send nothing, and ScanRows reads rows already fetched.
	for _, gorm := range gormPackages {
		s.add(gorm, "*DB",
			"Find", "First", "Last", "Take", "Scan", "Pluck", "Count", "Row", "Rows",
			"Create", "CreateInBatches", "Save", "Update", "Updates", "UpdateColumn", "UpdateColumns",
			"Delete", "Exec", "FirstOrCreate", "FirstOrInit", "FindInBatches")
		s.add(gorm, "*Association", "Find", "Append", "Replace", "Delete", "Clear", "Count")
	}

	for _, pgx := range []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"} {
		pgxCalls := []string{"Query", "QueryRow", "Exec", "SendBatch", "CopyFrom", "Prepare", "Ping"}
		s.add(pgx, "*Conn", pgxCalls...)
		s.add(pgx, "Tx", "Query", "QueryRow", "Exec", "SendBatch", "CopyFrom", "Prepare")
		pool := pgx + "/pgxpool"
		s.add(pool, "*Pool", pgxCalls...)
		s.add(pool, "*Conn", pgxCalls...)
		s.add(pool, "*Tx", "Query", "QueryRow", "Exec", "SendBatch", "CopyFrom", "Prepare")
	}

	// squirrel: a builder sends its statement through the runner it was
	// given (RunWith) when it is finished; ToSql and the builders send
	// nothing.
	const squirrel = "github.com/Masterminds/squirrel"
	squirrelSends := []string{"Exec", "ExecContext", "Query", "QueryContext", "QueryRow", "QueryRowContext", "Scan", "ScanContext"}
	for _, b := range []string{"SelectBuilder", "InsertBuilder", "UpdateBuilder", "DeleteBuilder"} {
		s.add(squirrel, b, squirrelSends...)
	}
	s.add(squirrel, "", "ExecWith", "ExecContextWith", "QueryWith", "QueryContextWith", "QueryRowWith", "QueryRowContextWith")

	// bun: a query is sent by its finisher (Scan, Exec, Count, Exists,
	// Rows); New… and the chain in between only build it.
	const bun = "github.com/uptrace/bun"
	for _, q := range []string{"*SelectQuery", "*InsertQuery", "*UpdateQuery", "*DeleteQuery", "*RawQuery", "*MergeQuery"} {
		s.add(bun, q, "Scan", "Exec")
	}
	s.add(bun, "*SelectQuery", "Count", "ScanAndCount", "Exists", "Rows")
	for _, recv := range []string{"*DB", "Conn", "Tx"} {
		s.add(bun, recv, "QueryContext", "QueryRowContext", "ExecContext", "PrepareContext")
	}

	// ent: generated code sends every statement through its driver's
	// Exec and Query (often inside entgo.io/ent/dialect/sql/sqlgraph),
	// whatever the database behind it.
	s.add("entgo.io/ent/dialect", "ExecQuerier", "Exec", "Query")

	for _, mongo := range []string{"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo"} {
		s.add(mongo, "*Collection",
			"Find", "FindOne", "FindOneAndDelete", "FindOneAndReplace", "FindOneAndUpdate",
			"InsertOne", "InsertMany", "UpdateOne", "UpdateMany", "UpdateByID", "ReplaceOne",
			"DeleteOne", "DeleteMany", "Aggregate", "CountDocuments", "EstimatedDocumentCount",
			"Distinct", "BulkWrite")
		s.add(mongo, "*Database", "RunCommand", "RunCommandCursor", "Aggregate")
		s.add(mongo, "*Client", "Ping")
	}
	return s
}()

// redisPackages are the go-redis module paths whose commands are recognized
// by their result type (a Cmder) rather than one by one.
var redisPackages = map[string]bool{
	"github.com/redis/go-redis/v9": true,
	"github.com/go-redis/redis/v9": true,
	"github.com/go-redis/redis/v8": true,
	"github.com/go-redis/redis/v7": true,
	"github.com/go-redis/redis":    true, // v6 and older: commands take no context
}

// redisSends are the go-redis calls that send a queued pipeline or run a
// transaction: one round-trip each.
var redisSends = map[string]bool{"Exec": true, "Pipelined": true, "TxPipelined": true, "Watch": true}

// RoundTrip reports whether call performs a database or cache round-trip by
// itself (not through the functions it calls: see the summary analyzer).
func (c *Config) RoundTrip(info *types.Info, call *ast.CallExpr) (*types.Func, bool) {
	fn := Callee(info, call)
	if fn == nil {
		return nil, false
	}
	if roundTrips[fn.FullName()] || c.Queries.Has(fn) || IsEntAll(fn) {
		return fn, true
	}
	if redisPackages[pkgPath(fn)] && isRedisRoundTrip(info, call, fn) {
		return fn, true
	}
	return nil, false
}

// isRedisRoundTrip decides a go-redis method call: a command (a method whose
// result is a Cmder) on a client, a connection or a Watch transaction is a
// round-trip; the same command on a pipeline is only queued, and the
// pipeline's Exec sends them all.
func isRedisRoundTrip(info *types.Info, call *ast.CallExpr, fn *types.Func) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	recv := info.TypeOf(sel.X)
	if recv == nil || receiverNamed(fn) == nil {
		return false
	}
	scope := fn.Pkg().Scope()
	if redisSends[fn.Name()] {
		return true
	}
	if pipeliner, ok := scope.Lookup("Pipeliner").(*types.TypeName); ok {
		if iface, ok := pipeliner.Type().Underlying().(*types.Interface); ok {
			if types.Implements(recv, iface) {
				return false // queued
			}
			// A script run on a pipeline (script.Run(ctx, pipe, keys)) is
			// queued too.
			for _, arg := range call.Args {
				if t := info.TypeOf(arg); t != nil && types.Implements(t, iface) {
					return false
				}
			}
		}
	}
	cmder, ok := scope.Lookup("Cmder").(*types.TypeName)
	if !ok {
		return false
	}
	iface, ok := cmder.Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	res := fn.Type().(*types.Signature).Results()
	return res.Len() == 1 && types.Implements(res.At(0).Type(), iface)
}

// dbPackages are the packages whose round-trips the table above lists one
// by one: for their functions the table is the whole truth, and what their
// bodies call (a script's EvalSha, a driver's internals) is not.
var dbPackages = map[string]bool{
	"database/sql":                         true,
	"github.com/jmoiron/sqlx":              true,
	"gorm.io/gorm":                         true,
	"github.com/jinzhu/gorm":               true,
	"github.com/jackc/pgx/v5":              true,
	"github.com/jackc/pgx/v4":              true,
	"github.com/jackc/pgx/v5/pgxpool":      true,
	"github.com/jackc/pgx/v4/pgxpool":      true,
	"go.mongodb.org/mongo-driver/mongo":    true,
	"go.mongodb.org/mongo-driver/v2/mongo": true,
	"github.com/redis/go-redis/v9":         true,
	"github.com/go-redis/redis/v9":         true,
	"github.com/go-redis/redis/v8":         true,
	"github.com/Masterminds/squirrel":      true,
	"github.com/uptrace/bun":               true,
}

// IsRoundTrip reports whether calling fn is a round-trip by the tables
// or the user's additions.
func (c *Config) IsRoundTrip(fn *types.Func) bool {
	return roundTrips[fn.FullName()] || c.Queries.Has(fn)
}

// IsDBPackage reports whether pkg is one of the database or cache
// packages whose round-trips the tables list.
func IsDBPackage(pkg *types.Package) bool { return dbPackages[pkg.Path()] }

// DBPackage reports whether fn belongs to a database or cache client whose
// round-trips the table knows: whether a call of it is a round-trip is
// decided by RoundTrip alone, not by what its body calls.
func DBPackage(fn *types.Func) bool {
	return fn != nil && dbPackages[pkgPath(fn)]
}

// embeddedDrivers are SQL drivers of databases that run in the process
// (SQLite): a statement costs microseconds, not a network round-trip.
var embeddedDrivers = []string{
	"modernc.org/sqlite", "github.com/mattn/go-sqlite3", "github.com/glebarez/go-sqlite",
	"github.com/ncruces/go-sqlite3", "zombiezen.com/go/sqlite", "crawshaw.io/sqlite", "gorm.io/driver/sqlite",
	"github.com/glebarez/sqlite", "github.com/jinzhu/gorm/dialects/sqlite",
}

// networkStores are drivers and clients of databases and caches reached over
// the network.
var networkStores = []string{
	"github.com/lib/pq", "github.com/jackc/pgx", "github.com/go-sql-driver/mysql", "github.com/microsoft/go-mssqldb",
	"github.com/denisenkom/go-mssqldb", "github.com/ClickHouse/clickhouse-go", "gorm.io/driver/postgres",
	"gorm.io/driver/mysql", "gorm.io/driver/sqlserver", "github.com/redis/go-redis", "github.com/go-redis/redis",
	"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo", "github.com/sijms/go-ora", "github.com/godror/godror",
	"github.com/jinzhu/gorm/dialects/postgres", "github.com/jinzhu/gorm/dialects/mysql", "github.com/jinzhu/gorm/dialects/mssql",
}

// NamedForSQLite reports whether a package's path names it the SQLite
// implementation of the program's storage (storage/sqlite3, db/sqlite):
// programs that support several databases keep one package per engine,
// and that package's statements run in the process.
func NamedForSQLite(path string) bool {
	for _, elem := range strings.Split(path, "/") {
		if elem == "sqlite" || elem == "sqlite3" {
			return true
		}
	}
	return false
}

// EmbeddedDatabase reports whether the only databases a package can reach,
// by what it imports directly or not, run in the process: it imports a
// SQLite driver and no client of a network database or cache. imports are
// the packages its non-test files import, so that a package and its test
// variant agree.
func EmbeddedDatabase(imports []*types.Package) bool {
	embedded, network := false, false
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || network {
			return
		}
		seen[p] = true
		path := p.Path()
		embedded = embedded || hasPathPrefix(path, embeddedDrivers)
		network = network || hasPathPrefix(path, networkStores)
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	for _, p := range imports {
		visit(p)
	}
	return embedded && !network
}

func hasPathPrefix(path string, prefixes []string) bool {
	for _, p := range prefixes {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}
