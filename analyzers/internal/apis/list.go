package apis

import (
	"go/ast"
	"go/types"
)

// ListKind tells how a call that fetches rows hands them over.
type ListKind int

const (
	ListRows   ListKind = iota // returns rows or a cursor to iterate (db.QueryContext, pgx Query, mongo Find)
	ListInto                   // scans every row into a slice argument (sqlx Select, gorm Find)
	ListResult                 // returns the slice of every row (an ent query's All)
)

// Builder names the query builder whose chain may bound a fetch.
type Builder int

const (
	NoBuilder Builder = iota
	Gorm              // gorm.DB chains: .Limit( or .Scopes( bound them
	Mongo             // mongo Find: options.Find().SetLimit bounds it
	Ent               // ent-style generated builders: .Limit( bounds them
)

// ListCall describes a call that fetches every row a query matches, unless
// the query text or the builder chain bounds it.
type ListCall struct {
	Kind    ListKind
	SQL     ast.Expr // the query text argument, or nil
	Dest    ast.Expr // for ListInto: the destination argument
	Builder Builder
	Opts    []ast.Expr // for Mongo: the options arguments
}

type listEntry struct {
	kind          ListKind
	sqlArg, dest  int // argument indexes; -1 for none
	builder       Builder
	variadicAfter int // Mongo: options start here
}

var listCalls = func() map[string]listEntry {
	m := make(map[string]listEntry)
	add := func(pkg, recv string, e listEntry, names ...string) {
		s := make(nameSet)
		s.add(pkg, recv, names...)
		for n := range s {
			m[n] = e
		}
	}
	rows := func(sqlArg int) listEntry { return listEntry{kind: ListRows, sqlArg: sqlArg, dest: -1} }
	into := func(dest, sqlArg int) listEntry { return listEntry{kind: ListInto, sqlArg: sqlArg, dest: dest} }

	const sql = "database/sql"
	for _, recv := range []string{"*DB", "*Tx"} {
		add(sql, recv, rows(0), "Query")
		add(sql, recv, rows(1), "QueryContext")
	}
	add(sql, "*Conn", rows(1), "QueryContext")

	const sqlx = "github.com/jmoiron/sqlx"
	for _, recv := range []string{"*DB", "*Tx"} {
		add(sqlx, recv, rows(0), "Queryx", "NamedQuery")
		add(sqlx, recv, rows(1), "QueryxContext", "NamedQueryContext")
		add(sqlx, recv, into(0, 1), "Select")
		add(sqlx, recv, into(1, 2), "SelectContext")
	}
	add(sqlx, "*Conn", rows(1), "QueryxContext")
	add(sqlx, "*Conn", into(1, 2), "SelectContext")
	add(sqlx, "", into(1, 2), "Select")
	add(sqlx, "", into(2, 3), "SelectContext")
	add(sqlx, "", rows(1), "NamedQuery")
	add(sqlx, "", rows(2), "NamedQueryContext")

	for _, pgx := range []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"} {
		add(pgx, "*Conn", rows(1), "Query")
		add(pgx, "Tx", rows(1), "Query")
		add(pgx+"/pgxpool", "*Pool", rows(1), "Query")
		add(pgx+"/pgxpool", "*Conn", rows(1), "Query")
		add(pgx+"/pgxpool", "*Tx", rows(1), "Query")
	}

	for _, gorm := range gormPackages {
		// Find and Scan fill a slice: Model(...).Find, Table(...).Scan(&maps),
		// Raw(...).Scan(&rows), whose text gormBounded reads.
		add(gorm, "*DB", listEntry{kind: ListInto, sqlArg: -1, dest: 0, builder: Gorm}, "Find", "Scan")
		// Rows hands the *sql.Rows over, to be gathered in a rows.Next loop
		// (with ScanRows or rows.Scan).
		add(gorm, "*DB", listEntry{kind: ListRows, sqlArg: -1, dest: -1, builder: Gorm}, "Rows")
	}

	for _, mongo := range []string{"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo"} {
		add(mongo, "*Collection", listEntry{kind: ListRows, sqlArg: -1, dest: -1, builder: Mongo, variadicAfter: 2}, "Find")
	}
	return m
}()

// ListCallOf reports whether call fetches rows of a query (see ListCall).
// Ent-style builders are recognized by their shape (see IsEntAll).
func ListCallOf(info *types.Info, call *ast.CallExpr) (ListCall, bool) {
	fn := Callee(info, call)
	if fn == nil {
		return ListCall{}, false
	}
	e, ok := listCalls[fn.FullName()]
	if !ok {
		if IsEntAll(fn) {
			return ListCall{Kind: ListResult, Builder: Ent}, true
		}
		return ListCall{}, false
	}
	lc := ListCall{Kind: e.kind, Builder: e.builder}
	if e.sqlArg >= 0 && e.sqlArg < len(call.Args) {
		lc.SQL = call.Args[e.sqlArg]
	}
	if e.dest >= 0 && e.dest < len(call.Args) {
		lc.Dest = call.Args[e.dest]
	}
	if e.builder == Mongo && len(call.Args) > e.variadicAfter {
		lc.Opts = call.Args[e.variadicAfter:]
	}
	if e.sqlArg >= 0 && lc.SQL == nil || e.dest >= 0 && lc.Dest == nil {
		return ListCall{}, false
	}
	return lc, true
}

// IsEntAll reports whether fn is the All method of an ent-style generated
// query builder. ent generates, for each schema type, a *XQuery type whose
// Limit(int) returns the builder itself and whose All(context.Context)
// returns ([]*X, error). The match is on that shape, through types: no
// package or type name is looked at, since generated code lives in the
// user's own module.
func IsEntAll(fn *types.Func) bool {
	if fn.Name() != "All" {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 1 || !IsContext(sig.Params().At(0).Type()) {
		return false
	}
	res := sig.Results()
	if res.Len() != 2 || !IsError(res.At(1).Type()) {
		return false
	}
	if _, ok := res.At(0).Type().Underlying().(*types.Slice); !ok {
		return false
	}
	return IsBuilderLimit(sig.Recv().Type())
}

// IsBuilderLimit reports whether the builder type t has a method
// Limit(int) that returns t itself: the shape of ent's and similar
// generated query builders.
func IsBuilderLimit(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Limit")
	limit, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := limit.Type().(*types.Signature)
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	if b, ok := sig.Params().At(0).Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), t)
}

// BoundsGorm reports whether fn, a method called in a gorm chain, bounds
// the rows the chain fetches (Limit, or Scopes, where pagination helpers
// live), or makes it fetch at most one row.
func BoundsGorm(fn *types.Func) bool {
	return gormBounds[fn.FullName()]
}

// gormPackages are gorm v2 and v1 (jinzhu/gorm), whose *DB chains read
// alike.
var gormPackages = []string{"gorm.io/gorm", "github.com/jinzhu/gorm"}

var gormBounds = func() nameSet {
	s := make(nameSet)
	for _, gorm := range gormPackages {
		s.add(gorm, "*DB", "Limit", "Scopes", "First", "Last", "Take", "Count", "FindInBatches")
	}
	return s
}()

func isGormDBMethod(fn *types.Func, name string) bool {
	named := receiverNamed(fn)
	if named == nil || fn.Name() != name {
		return false
	}
	for _, gorm := range gormPackages {
		if IsNamed(named, gorm, "DB") {
			return true
		}
	}
	return false
}

// IsGormWhere reports whether fn is gorm's Where, whose first argument is
// a condition.
func IsGormWhere(fn *types.Func) bool { return isGormDBMethod(fn, "Where") }

// IsGormRaw reports whether fn is gorm's Raw, whose first argument is the
// query text.
func IsGormRaw(fn *types.Func) bool { return isGormDBMethod(fn, "Raw") }

// IsMongoSetLimit reports whether fn sets a limit on mongo find options.
func IsMongoSetLimit(fn *types.Func) bool {
	switch fn.FullName() {
	case "(*go.mongodb.org/mongo-driver/mongo/options.FindOptions).SetLimit",
		"(*go.mongodb.org/mongo-driver/v2/mongo/options.FindOptionsBuilder).SetLimit":
		return true
	}
	return false
}

// RowsConsumer tells how call reads every row of a rows value or cursor:
// the index of the argument that is the rows, and the destination the rows
// land in (an argument index, or -1 when the call returns them).
func RowsConsumer(info *types.Info, call *ast.CallExpr) (rowsArg, dest int, ok bool) {
	fn := Callee(info, call)
	if fn == nil {
		return 0, 0, false
	}
	switch fn.FullName() {
	case "(*go.mongodb.org/mongo-driver/mongo.Cursor).All",
		"(*go.mongodb.org/mongo-driver/v2/mongo.Cursor).All":
		return -1, 1, true // the receiver
	case "github.com/jackc/pgx/v5.CollectRows", "github.com/jackc/pgx/v5.AppendRows":
		if fn.Name() == "AppendRows" {
			return 1, -1, true
		}
		return 0, -1, true
	}
	return 0, 0, false
}

// IsError reports whether t is the predeclared error type.
func IsError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// responseWrites are the methods of web frameworks' request contexts that
// write their argument into the response body.
var responseWrites = map[string]bool{
	// gin
	"JSON": true, "IndentedJSON": true, "SecureJSON": true, "JSONP": true, "AsciiJSON": true,
	"PureJSON": true, "XML": true, "YAML": true, "TOML": true, "ProtoBuf": true, "HTML": true,
	"Data": true, "Render": true, "Negotiate": true,
	// echo
	"JSONPretty": true, "JSONBlob": true, "XMLPretty": true, "XMLBlob": true, "Blob": true, "Stream": true,
	// fiber
	"Send": true, "SendString": true, "MsgPack": true, "CBOR": true,
}

// IsResponseWrite reports whether fn is a request context's method that
// writes its arguments into the response (c.JSON, c.HTML, ctx.Send...).
func IsResponseWrite(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	_, isCtx := RequestContext(sig.Recv().Type())
	return isCtx && responseWrites[fn.Name()]
}

// IsResponseWriter reports whether t is, or implements, http.ResponseWriter
// (gin's c.Writer, a middleware's wrapper...).
func IsResponseWriter(t types.Type) bool {
	if IsNamed(t, "net/http", "ResponseWriter") {
		return true
	}
	header, _, _ := types.LookupFieldOrMethod(t, true, nil, "Header")
	write, _, _ := types.LookupFieldOrMethod(t, true, nil, "WriteHeader")
	h, ok1 := header.(*types.Func)
	_, ok2 := write.(*types.Func)
	if !ok1 || !ok2 {
		return false
	}
	sig := h.Type().(*types.Signature)
	return sig.Results().Len() == 1 && IsNamed(sig.Results().At(0).Type(), "net/http", "Header")
}
