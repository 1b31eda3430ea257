package clientreuse

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
	"github.com/perflint/perflint/analyzers/internal/doc"
	"github.com/perflint/perflint/analyzers/internal/loops"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/analyzers/internal/skip"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/confidence"
)

//go:embed doc.go
var docSource string

var Analyzer = &analysis.Analyzer{
	Name:     "clientreuse",
	Doc:      doc.Extract(docSource, "clientreuse"),
	URL:      "https://github.com/perflint/perflint#clientreuse",
	Requires: []*analysis.Analyzer{inspect.Analyzer, summary.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	causes := rank.NewCauses(pass)
	for _, f := range skip.Files(pass) {
		file, _ := ins.Root().FindNode(f)
		for cur := range file.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)) {
			if p := checkSite(pass, sum, cur); p != nil {
				var key any
				if p.root != "" {
					key = p.root
				}
				causes.Add(key, p.diag, p.judgment, "the same pool, built per request here too")
			}
		}
	}
	causes.Report(func(n int) string { return " (reached from " + rank.Count(n, "more call site") + " in this package)" })
	return nil, nil
}

// A perRequest finding waits for the others of its package: the calls
// that reach one function building the pool are one cause, reported once.
type perRequest struct {
	diag     analysis.Diagnostic
	judgment rank.Judgment
	root     string // the function whose code builds the pool; "" for a direct construction
}

// checkSite reports cur if it builds a pool, itself or through a call, in a
// hot loop; a finding on the request path is returned, to be reported
// once per cause.
func checkSite(pass *analysis.Pass, sum *summary.Result, cur inspector.Cursor) *perRequest {
	info := pass.TypesInfo
	var what, chain, root string
	direct, cond, kept := false, false, false
	kind := apis.ConnPool
	if sum.LazyInit(cur) {
		return nil // built once and kept: `if c.db == nil { c.db = open() }`
	}
	if sum.DefaultReplaced(cur) {
		return nil // a constructor's default pool, replaced before it sends
	}
	if sum.NeverNeeded(cur) {
		return nil // past a guard on an argument that every call leaves closed
	}
	if p, ok := summary.Config.PoolAt(info, cur.Node()); ok {
		what, kind, direct = p.What, p.Kind, true
		cond, kept = sum.OnBranch(cur), sum.Stored(cur)
	} else if call, ok := cur.Node().(*ast.CallExpr); ok {
		c, ok := sum.Effect(call, summary.Pool)
		var rootDrops bool
		rootDrops, kept = sum.PoolRoot(call)
		if !ok || sum.OnlyInItsLoops(call, summary.Pool) || rootDrops {
			// The callee's own loop, or the pool the chain's root builds
			// and drops on every call, is reported where it is built.
			return nil
		}
		what, chain, root = apis.CalleeName(info, call), c, sum.Root(call, summary.Pool)
		cond = sum.Conditional(call, summary.Pool) || sum.Maybe(call, summary.Pool) || sum.ParamConditional(cur)
	} else {
		return nil
	}
	fn := summary.EnclosingFunc(cur)
	if fn == nil || sum.StartupOnly(fn) {
		return nil
	}
	n := cur.Node()
	if loop, ok := loops.Find(info, cur, func(l loops.Loop) bool { return !sum.LaterBetween(cur, l.Node) }); ok {
		if reconnect(info, cur, loop.Node) {
			return nil // rebuilt when the channel closes, not per message
		}
		if call, isCall := cur.Node().(*ast.CallExpr); isCall && !direct {
			if _, served := sum.Handler(fn); served && sum.Served(call) {
				return nil // reported inside the callee, on its own request path
			}
		}
		rank.Report(pass, analysis.Diagnostic{
			Pos:     n.Pos(),
			End:     n.End(),
			Message: fmt.Sprintf("%s inside a loop builds a new %s per iteration%s: %s; %s", describe(info, what, cur), built(kind), via(chain), cost(kind, "each one pays new handshakes and leaves idle connections behind"), fix(what, kind)),
			Related: []analysis.RelatedInformation{{Pos: loop.Node.Pos(), Message: "the loop"}},
		}, onBranch(inLoop(pass.Pkg, rank.Pass{Info: info, Sum: sum}, loop, fn, root), cond, direct))
		return nil
	}
	handler, ok := sum.Handler(fn)
	if !ok {
		if direct && sum.Drops(fn) {
			reportDropped(pass, sum, cur, fn, what, kind, cond)
		}
		return nil
	}
	// A call into this package's own helper is reported at the pool the
	// helper builds, which is on the request path too.
	if call, ok := cur.Node().(*ast.CallExpr); ok && !direct && (calleeIsLocal(pass, call) || sum.Served(call)) {
		return nil // reported inside the callee, on its own request path
	}
	where := "in handler " + handler
	if name := sum.Name(fn); name != handler {
		where = fmt.Sprintf("in %s, which handler %s runs,", name, handler)
	}
	return &perRequest{
		diag: analysis.Diagnostic{
			Pos:     n.Pos(),
			End:     n.End(),
			Message: fmt.Sprintf("%s %s builds a new %s per request%s: %s; %s", describe(info, what, cur), where, built(kind), via(chain), cost(kind, "every request pays new TCP/TLS handshakes and leaves idle connections behind"), fix(what, kind)),
		},
		judgment: targetJudgment(keptJudgment(onBranch(rank.PerCall(rank.Pass{Info: info, Sum: sum}, fn), cond, direct), kept),
			sum.Name(fn) == handler && requestTarget(info, fn, n) || direct && settingsFromCaller(info, cur, fn)),
		root: root,
	}
}

// inLoop judges a pool built per iteration of loop in fn, by code of this
// package (root is the function whose own code builds it; "" when the
// loop builds it itself). However few the items, a loop that runs per
// request then builds at least one pool per request, which is what a pool
// built in a handler costs. A pool another package's code builds is left
// to the loop's judgment: the branches on the way there (a hook only some
// configurations set) are not followed here.
func inLoop(pkg *types.Package, rp rank.Pass, loop loops.Loop, fn ast.Node, root string) rank.Judgment {
	j := rank.InLoop(rp, loop, fn)
	if j.Drop || j.Level >= confidence.High || !builtHere(pkg, root) || rp.Sum.OnFailure(fn) {
		return j
	}
	if place, _ := rp.Sum.Where(fn); place != summary.PerRequest {
		return j
	}
	if h, ok := rp.Sum.RequestPath(fn); ok {
		return rank.Judgment{Level: confidence.High, Why: "on the request path of handler " + h + ": at least one pool per request, whatever the loop's size"}
	}
	return j
}

// builtHere reports whether root, the function whose code builds a pool
// (as types.Func.FullName spells it), is "" (the site itself) or a
// function of pkg.
func builtHere(pkg *types.Package, root string) bool {
	if root == "" {
		return true
	}
	rest, ok := strings.CutPrefix(strings.TrimLeft(root, "(*"), pkg.Path()+".")
	return ok && !strings.Contains(rest, "/")
}

// reportDropped reports a pool that fn builds and throws away on every
// call, at its construction: whatever calls fn pays for it, and that is
// one cause however many callers there are. Where fn runs is often not
// shown here (a worker, a caller out of view): medium, unless a handler of
// another package is seen to run it.
func reportDropped(pass *analysis.Pass, sum *summary.Result, cur inspector.Cursor, fn ast.Node, what string, kind apis.PoolKind, cond bool) {
	info := pass.TypesInfo
	n := cur.Node()
	base := rank.Judgment{Level: confidence.Medium, Why: "built and dropped on every call; its callers are not shown"}
	if h, ok := sum.RequestPath(fn); ok {
		base = rank.Judgment{Level: confidence.High, Why: "built and dropped on every call, on the request path of handler " + h}
	}
	rank.Report(pass, analysis.Diagnostic{
		Pos:     n.Pos(),
		End:     n.End(),
		Message: fmt.Sprintf("%s in %s builds a new %s on every call and drops it: %s; %s", describe(info, what, cur), sum.Name(fn), built(kind), cost(kind, "every call pays new TCP/TLS handshakes and leaves idle connections behind"), fix(what, kind)),
	}, onBranch(rank.Where(rank.Pass{Info: info, Sum: sum}, fn, base), cond, true))
}

// describe names the pool, saying so when a transport is built for a client.
// reconnect reports whether cur runs, inside loop, only on the branch
// where a receive reports its channel closed (`d, ok := <-deliveries; if
// !ok { reconnect() }`): the connection is rebuilt when it drops, not once
// per message.
func reconnect(info *types.Info, cur inspector.Cursor, loop ast.Node) bool {
	for p := cur.Parent(); p.Valid() && p.Node() != loop; p = p.Parent() {
		ifs, ok := p.Node().(*ast.IfStmt)
		if !ok || !astx.Contains(ifs.Body, cur.Node()) {
			continue
		}
		not, ok := ast.Unparen(ifs.Cond).(*ast.UnaryExpr)
		if !ok || not.Op != token.NOT {
			continue
		}
		if id, ok := ast.Unparen(not.X).(*ast.Ident); ok && receivedOK(info, loop, info.Uses[id]) {
			return true
		}
	}
	return false
}

// receivedOK reports whether obj is the second value of a receive in loop
// (`v, ok := <-ch`, also as a select case).
func receivedOK(info *types.Info, loop ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if ok && len(as.Lhs) == 2 && len(as.Rhs) == 1 {
			if recv, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr); ok && recv.Op == token.ARROW {
				if id, ok := as.Lhs[1].(*ast.Ident); ok && obj != nil && info.ObjectOf(id) == obj {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func describe(info *types.Info, what string, cur inspector.Cursor) string {
	if what != "http.Transport" {
		return what
	}
	p := cur.Parent()
	for ; p.Valid(); p = p.Parent() {
		if _, ok := p.Node().(*ast.UnaryExpr); !ok {
			break
		}
	}
	if _, ok := p.Node().(*ast.KeyValueExpr); ok {
		if lit, ok := p.Parent().Node().(*ast.CompositeLit); ok && apis.IsNamed(info.TypeOf(lit), "net/http", "Client") {
			return "http.Client with a new http.Transport"
		}
	}
	return what
}

func via(chain string) string {
	if chain == "" {
		return ""
	}
	return " (" + chain + ")"
}

// built names what is built: a connection pool, except for clients whose
// cost is elsewhere.
func built(kind apis.PoolKind) string {
	if kind == apis.BatchWriter {
		return "producer"
	}
	return "connection pool"
}

// cost says what building one costs, where it is not the handshakes of a
// fresh pool.
func cost(kind apis.PoolKind, pool string) string {
	if kind == apis.BatchWriter {
		// A Writer with no Transport of its own shares the default
		// transport's connections; its batches are its own.
		return "a new writer never fills a batch, so each write waits out its BatchTimeout, and its partition goroutines stay until Close"
	}
	return pool
}

func fix(what string, kind apis.PoolKind) string {
	switch kind {
	case apis.AWSClient:
		return "load the aws.Config and build the service client once at start-up, and share the client (it is safe for concurrent use)"
	case apis.BatchWriter:
		return "build one writer at start-up, share it (it is safe for concurrent use) and Close it on shutdown"
	}
	switch what {
	case "sql.Open", "sql.OpenDB", "sqlx.Open", "sqlx.Connect", "sqlx.MustConnect", "sqlx.MustOpen", "sqlx.ConnectContext":
		return "open the *sql.DB once at start-up, share it, and size it with SetMaxOpenConns/SetMaxIdleConns/SetConnMaxLifetime"
	case "http.Transport", "(*http.Transport).Clone":
		return "build one http.Transport (or http.Client) at start-up and share it"
	}
	return "build it once at start-up and share it"
}

func calleeIsLocal(pass *analysis.Pass, call *ast.CallExpr) bool {
	fn := apis.Callee(pass.TypesInfo, call)
	return fn == nil || fn.Pkg() == pass.Pkg
}

// onBranch lowers j when the pool is built only on a branch: here (if the
// request asks for a stream), or in the callee (a transport made when the
// options carry none), where the call may well share one.
func onBranch(j rank.Judgment, cond, direct bool) rank.Judgment {
	switch {
	case !cond:
		return j
	case direct:
		return j.Lower("built only on a branch")
	}
	return j.Lower("the callee builds it only for some arguments")
}

// keptJudgment lowers a pool built on the request path that is stored
// where it outlives the request (a field, a package variable, a map): the
// program keeps and shares it, and this request rebuilds it — a connect or
// reconfigure action, most often, not a pool per request.
func keptJudgment(j rank.Judgment, kept bool) rank.Judgment {
	if !kept || j.Level == confidence.Low {
		return j
	}
	return rank.Judgment{Level: confidence.Low, Why: j.Why + "; but the pool is stored where it outlives the request and is shared: rebuilt when this action runs (a connect or reconfigure action, most often)", Drop: j.Drop}
}

// requestTarget reports whether the pool built at n, in the handler fn,
// is given a value read from the request fn was given: a field of the
// request message (broker.Dial(req.Server)), of an *http.Request
// (r.URL.Query()), or its input (r.FormValue("addr")). It connects to a
// target the request names.
func requestTarget(info *types.Info, fn, n ast.Node) bool {
	params := requestParams(info, fn)
	if len(params) == 0 {
		return false
	}
	var args []ast.Expr
	switch n := n.(type) {
	case *ast.CallExpr:
		args = n.Args
	case *ast.CompositeLit:
		args = n.Elts
	}
	found := false
	for _, arg := range args {
		ast.Inspect(arg, func(x ast.Node) bool {
			sel, ok := x.(*ast.SelectorExpr)
			if !ok {
				return !found
			}
			id, ok := ast.Unparen(sel.X).(*ast.Ident)
			if !ok || !params[info.Uses[id]] {
				return !found
			}
			if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
				found = true
			} else if fn, ok := info.Uses[sel.Sel].(*types.Func); ok && apis.RequestInput(fn) {
				found = true
			}
			return !found
		})
	}
	return found
}

// requestParams returns the parameters of fn that hold what a caller asks
// for: a pointer to a struct (a request message) or an *http.Request.
func requestParams(info *types.Info, fn ast.Node) map[types.Object]bool {
	params := funcParams(info, fn)
	for v := range params {
		ptr, ok := v.Type().(*types.Pointer)
		if !ok {
			delete(params, v)
		} else if _, ok := ptr.Elem().Underlying().(*types.Struct); !ok {
			delete(params, v)
		}
	}
	return params
}

// funcParams returns the named parameters of the function declared or
// written at fn.
func funcParams(info *types.Info, fn ast.Node) map[types.Object]bool {
	params := make(map[types.Object]bool)
	if ft := astx.FuncType(fn); ft != nil && ft.Params != nil {
		for _, field := range ft.Params.List {
			for _, name := range field.Names {
				if v, ok := info.Defs[name].(*types.Var); ok {
					params[v] = true
				}
			}
		}
	}
	return params
}

// targetJudgment lowers a pool built for a target the request names: a
// pool built at start-up cannot serve it, and a cache keyed by the target
// helps only where targets repeat.
func targetJudgment(j rank.Judgment, target bool) rank.Judgment {
	if !target {
		return j
	}
	return j.Lower("it connects to a target the request names: a pool built at start-up cannot serve it, and a cache keyed by the target helps only where targets repeat")
}

// transportSettings are the fields of an http.Transport that make its
// connections fit one peer only: one shared transport cannot serve
// callers that each bring their own.
var transportSettings = []string{"TLSClientConfig", "Proxy", "DialContext", "DialTLSContext", "Dial", "DialTLS"}

// settingsFromCaller reports whether the http.Transport literal built at
// cur (directly, or as the Transport of a client literal) takes its TLS,
// proxy or dial settings from a parameter of fn, directly or through a
// local set from one (TLSClientConfig: ds.TLS.Config()): it connects the
// way its caller asks, as a test of a datasource being configured does.
func settingsFromCaller(info *types.Info, cur inspector.Cursor, fn ast.Node) bool {
	lit, ok := cur.Node().(*ast.CompositeLit)
	if !ok {
		return false
	}
	if apis.IsNamed(info.TypeOf(lit), "net/http", "Client") {
		lit = transportLiteral(lit)
	}
	if lit == nil || !apis.IsNamed(info.TypeOf(lit), "net/http", "Transport") {
		return false
	}
	params := funcParams(info, fn)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && slices.Contains(transportSettings, key.Name) && fromParam(info, cur, params, kv.Value, 0) {
			return true
		}
	}
	return false
}

// transportLiteral returns the http.Transport literal a client literal
// gives its Transport field, or nil.
func transportLiteral(client *ast.CompositeLit) *ast.CompositeLit {
	for _, elt := range client.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Transport" {
				v := ast.Unparen(kv.Value)
				if u, ok := v.(*ast.UnaryExpr); ok {
					v = ast.Unparen(u.X)
				}
				lit, _ := v.(*ast.CompositeLit)
				return lit
			}
		}
	}
	return nil
}

// fromParam reports whether e reads one of params, directly or through
// locals defined from one (two steps at most).
func fromParam(info *types.Info, cur inspector.Cursor, params map[types.Object]bool, e ast.Expr, depth int) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		obj := info.Uses[id]
		if params[obj] {
			found = true
		} else if v, ok := obj.(*types.Var); ok && depth < 2 && v.Kind() == types.LocalVar {
			if init := astx.LocalInit(info, cur, v); init != nil && fromParam(info, cur, params, init, depth+1) {
				found = true
			}
		}
		return !found
	})
	return found
}
