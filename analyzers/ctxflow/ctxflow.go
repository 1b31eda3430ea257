package ctxflow

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
	"github.com/perflint/perflint/analyzers/internal/closers"
	"github.com/perflint/perflint/analyzers/internal/ctxscope"
	"github.com/perflint/perflint/analyzers/internal/doc"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/analyzers/internal/skip"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/confidence"
)

//go:embed doc.go
var docSource string

var Analyzer = &analysis.Analyzer{
	Name:      "ctxflow",
	Doc:       doc.Extract(docSource, "ctxflow"),
	URL:       "https://github.com/perflint/perflint#ctxflow",
	Requires:  []*analysis.Analyzer{inspect.Analyzer, summary.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{(*OptionalContext)(nil), (*ReachesIO)(nil), (*KeepsContext)(nil)},
}

// OptionalContext marks a function that passes a nil context.Context to a
// function it calls (ozzo-validation's ValidateStruct calls
// validateStruct(nil, …)). Nothing can cancel a nil context: the library
// treats the context as optional values, not as cancellation, so the
// function is not the context-less half of a cancellation pair.
type OptionalContext struct {
	Callee string // the function given the nil context
}

func (*OptionalContext) AFact() {}

func (f *OptionalContext) String() string { return "passes a nil context to " + f.Callee }

func run(pass *analysis.Pass) (any, error) {
	if !mayHaveContext(pass.Pkg) {
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	exportOptionalContexts(pass, ins)
	reach := newReach(pass, ins)
	rp := rank.Pass{Info: pass.TypesInfo, Sum: pass.ResultOf[summary.Analyzer].(*summary.Result)}
	scope := ctxscope.New(pass.TypesInfo, rp.Sum.StartsDetached)
	life := &lifetimes{info: pass.TypesInfo, ins: ins, sum: rp.Sum}
	c := &checker{pass: pass, rp: rp, scope: scope, reach: reach, life: life,
		embeddedDB: apis.EmbeddedDatabase(skip.Imports(pass)) || apis.NamedForSQLite(pass.Pkg.Path()), causes: rank.NewCauses(pass)}
	for _, f := range skip.Files(pass) {
		file, _ := ins.Root().FindNode(f)
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			c.checkCall(cur)
		}
	}
	c.causes.Report(func(n int) string {
		return " (the function drops it at " + rank.Count(n, "more call") + ")"
	})
	return nil, nil
}

// A checker holds what the checks of one package share.
type checker struct {
	pass   *analysis.Pass
	rp     rank.Pass
	scope  *ctxscope.Scope
	reach  *reach
	life   *lifetimes
	causes *rank.Causes
	// embeddedDB says the package's only databases run in its process (by
	// its imports, or a package named for SQLite): a query to them
	// cancelled with the request saves no remote work (low).
	embeddedDB bool
}

// A dropCause is one function dropping one context: however many of its
// calls do, the fix is to pass that context on, so it is one finding.
type dropCause struct {
	fn  ast.Node
	ctx token.Pos
}

// exportOptionalContexts exports an OptionalContext fact for each declared
// function that passes the literal nil where a context.Context is expected.
func exportOptionalContexts(pass *analysis.Pass, ins *inspector.Inspector) {
	info := pass.TypesInfo
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		callee := apis.Callee(info, call)
		if callee == nil || !nilContextArg(info, callee.Signature(), call) {
			continue
		}
		decl := summary.OuterDecl(cur)
		if decl == nil {
			continue
		}
		if fn, ok := info.Defs[decl.Name].(*types.Func); ok && !pass.ImportObjectFact(fn, new(OptionalContext)) {
			pass.ExportObjectFact(fn, &OptionalContext{Callee: apis.ShortName(callee)})
		}
	}
}

// nilContextArg reports whether call passes nil for a context.Context
// parameter of sig.
func nilContextArg(info *types.Info, sig *types.Signature, call *ast.CallExpr) bool {
	params := sig.Params()
	for i, arg := range call.Args {
		if i >= params.Len() {
			break
		}
		if info.Types[arg].IsNil() && apis.IsContext(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// mayHaveContext reports whether a function of pkg can have a context in
// scope: its files name context.Context, *http.Request or a framework's
// request context, so the package imports one of them.
func mayHaveContext(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		switch imp.Path() {
		case "context", "golang.org/x/net/context", "net/http", "github.com/gin-gonic/gin", "github.com/labstack/echo/v4",
			"github.com/labstack/echo/v5", "github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3":
			return true
		}
	}
	return false
}

func (c *checker) checkCall(cur inspector.Cursor) {
	pass, rp, scope, reach, life, embeddedDB := c.pass, c.rp, c.scope, c.reach, c.life, c.embeddedDB
	call := cur.Node().(*ast.CallExpr)
	fn := apis.Callee(pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	if apis.ContextFunc(fn, "Background", "TODO") {
		c.checkBackground(cur, fn)
		return
	}
	if twin, ok := ctxscope.TwinOf(pass.TypesInfo, call); ok {
		ctx, ok := scope.At(cur)
		if !ok {
			return
		}
		kind, cancels := reach.cancels(twin)
		if !cancels || apis.InMemory(fn) || apis.LocalDial(pass.TypesInfo, cur, call) || reach.keeps(twin.Fn) || insideTwin(pass.TypesInfo, cur, twin) || contextAttached(pass.TypesInfo, cur) ||
			pass.ImportObjectFact(fn, new(OptionalContext)) || detachedCommand(pass.TypesInfo, cur, fn) {
			return
		}
		j := judgments[kind]
		if kind == Blocks && apis.DBPackage(fn) && !strings.HasPrefix(fn.Name(), "Ping") {
			j = query
		}
		c.report(cur, life.lower(onEmbedded(rank.Where(rp, summary.EnclosingFunc(cur), j), embeddedDB && apis.DBPackage(fn)), ctx, cur), call, ctx,
			fmt.Sprintf("%s drops %s: cancellation and the deadline do not reach it, so it runs on after the caller has gone%s; use %s(%s, …)",
				apis.ShortName(fn), describe(ctx), holding(fn), twin.Name, ctx.Expr),
			fmt.Sprintf("use %s(%s, …)", twin.Name, ctx.Expr), twin.Fix(call, ctx.Expr))
		return
	}
	if root, ok := scope.GormUnbound(cur); ok {
		ctx, ok := scope.At(cur)
		if !ok {
			return
		}
		with := ".WithContext(" + ctx.Expr + ")"
		c.report(cur, life.lower(onEmbedded(rank.Where(rp, summary.EnclosingFunc(cur), query), embeddedDB), ctx, cur), call, ctx,
			fmt.Sprintf("gorm %s runs without %s: cancellation and the deadline do not reach the query, so it runs on after the caller has gone, holding a pool connection; add %s to the chain",
				fn.Name(), describe(ctx), with),
			"add "+with, []analysis.TextEdit{{Pos: root.End(), End: root.End(), NewText: []byte(with)}})
	}
}

// onEmbedded lowers j for a query to an embedded database.
func onEmbedded(j rank.Judgment, embedded bool) rank.Judgment {
	if !embedded {
		return j
	}
	return j.Embedded("a query left running after the caller has gone holds no remote connection")
}

// checkBackground reports context.Background() and context.TODO() where a
// context is in scope, except in a go statement's function literal: work
// started there is meant to outlive the request.
func (c *checker) checkBackground(cur inspector.Cursor, fn *types.Func) {
	pass, rp, scope, reach, life := c.pass, c.rp, c.scope, c.reach, c.life
	if scope.InGoroutine(cur) || onlyForLater(pass.TypesInfo, cur) || keptInField(pass.TypesInfo, cur) || onlySignal(pass.TypesInfo, cur) {
		return
	}
	ctx, ok := scope.At(cur)
	if !ok || nilFallback(pass.TypesInfo, cur) || afterCancellation(pass.TypesInfo, cur) || inDeferred(cur) ||
		outlivesScope(pass.TypesInfo, rp.Sum, cur, ctx) || forShutdown(pass.TypesInfo, cur) ||
		detachedOnPurpose(pass.TypesInfo, cur, ctx) || valuesCopied(pass.TypesInfo, cur, ctx) {
		return
	}
	call := cur.Node().(*ast.CallExpr)
	var edits []analysis.TextEdit
	if !assignsTo(cur, ctx.Expr) {
		edits = []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(ctx.Expr)}}
	}
	j := detached
	if ownDeadline(pass.TypesInfo, cur) {
		j = rank.Judgment{Level: confidence.Low, Why: "given a deadline of its own: detached on purpose and bounded, most often (start-up, cleanup, work that must outlive the caller)"}
	}
	if callee, ok := reach.givenTo(cur); ok {
		j = rank.Judgment{Level: confidence.Low, Why: "handed to " + apis.ShortName(callee) + ", whose context reaches no I/O that honours cancellation"}
	}
	c.report(cur, life.lower(rank.Where(rp, summary.EnclosingFunc(cur), j), ctx, cur), call, ctx,
		fmt.Sprintf("context.%s() discards %s: work started with it ignores the caller's cancellation and deadline and runs on after the caller has gone; pass %s (or context.WithoutCancel(%s) for work that must outlive the request)",
			fn.Name(), describe(ctx), ctx.Expr, ctx.Expr),
		"use "+ctx.Expr, edits)
}

// ownDeadline reports whether the background context at cur is given a
// deadline of its own (context.WithTimeout/WithDeadline): the code chose
// to detach the work and to bound it. On services never seen before, every
// such context a reviewer judged was a constructor's start-up work, a
// cleanup after the caller's context ended, or a lookup meant to outlive
// it: none was worth the fix.
func ownDeadline(info *types.Info, cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun == cur.Node() {
		return false
	}
	wrap := apis.Callee(info, call)
	return apis.ContextFunc(wrap, "WithTimeout", "WithDeadline")
}

// outlivesScope reports whether the call is in a function literal that
// runs later (a timer's or scheduler's callback, a hook a setter keeps for
// later: fact Defers)
// while the context in scope belongs to the code that registered it: the
// callback runs after that context is over.
func outlivesScope(info *types.Info, sum *summary.Result, cur inspector.Cursor, ctx ctxscope.Context) bool {
	for c := range cur.Enclosing((*ast.FuncLit)(nil)) {
		lit := c.Node().(*ast.FuncLit)
		if ctx.Pos >= lit.Pos() && ctx.Pos < lit.End() {
			return false // the context is the callback's own
		}
		if apis.HowLitRuns(info, lit, c.Parent().Node()) == apis.RunsLater || sum.RunsLater(lit, c.Parent().Node()) {
			return true
		}
	}
	return false
}

// detachedOnPurpose reports whether the new context is detached by design:
// run by a goroutine a WaitGroup or a singleflight group starts (shared by
// callers, or outliving the caller); handed, together with the context in
// scope, to a function that copies its values onto it (a hand-made
// context.WithoutCancel); or given to a constructor (NewX(ctx)) that keeps
// it for the object's own background work.
func detachedOnPurpose(info *types.Info, cur inspector.Cursor, ctx ctxscope.Context) bool {
	for c := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if call, ok := c.Parent().Node().(*ast.CallExpr); ok {
			if fn := apis.Callee(info, call); fn != nil && detachingRunners[fn.FullName()] {
				return true
			}
		}
	}
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun == cur.Node() {
		return false
	}
	for _, arg := range call.Args {
		if id, ok := ast.Unparen(arg).(*ast.Ident); ok && info.Uses[id] == ctx.Var {
			return true
		}
	}
	fn := apis.Callee(info, call)
	if fn == nil || !strings.HasPrefix(fn.Name(), "New") {
		return false
	}
	res := fn.Signature().Results()
	return res.Len() > 0 && !apis.IsError(res.At(0).Type())
}

// valuesCopied reports whether the new context (perhaps wrapped:
// context.WithTimeout(context.Background(), d)) initializes a local onto
// which the function then copies values of the context in scope
// (requestid.Set(c, requestid.From(ctx))): a hand-made
// context.WithoutCancel, detached on purpose.
func valuesCopied(info *types.Info, cur inspector.Cursor, ctx ctxscope.Context) bool {
	v, fn, ok := newContextLocal(info, cur)
	if !ok || ctx.Var == nil {
		return false
	}
	for cc := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if !apis.IsContext(info.TypeOf(call)) {
			continue // only a call that returns the context with the values on it
		}
		onNew, fromOld := false, false
		for i, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok {
				onNew = onNew || info.Uses[id] == v
				continue
			}
			for range astx.UsesOf(info, cc.ChildAt(edge.CallExpr_Args, i), ctx.Var) {
				fromOld = true // a value read from ctx, not ctx itself
				break
			}
		}
		if onNew && fromOld {
			return true
		}
	}
	return false
}

// detachingRunners run a function literal apart from its caller's
// context: in a goroutine of its own, or once for many callers.
var detachingRunners = map[string]bool{
	"(*sync.WaitGroup).Go":                           true,
	"(*golang.org/x/sync/singleflight.Group).Do":     true,
	"(*golang.org/x/sync/singleflight.Group).DoChan": true,
}

// forShutdown reports whether the new context goes, directly or through
// context.WithTimeout/WithDeadline, to a Shutdown or Stop method: stopping
// gracefully happens once the caller's context is done, so it cannot
// inherit it.
func forShutdown(info *types.Info, cur inspector.Cursor) bool {
	stops := func(c inspector.Cursor) bool {
		call, ok := c.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun == c.Node() {
			return false
		}
		fn := apis.Callee(info, call)
		return fn != nil && fn.Signature().Recv() != nil && (fn.Name() == "Shutdown" || fn.Name() == "Stop" || fn.Name() == "GracefulStop")
	}
	if stops(cur) {
		return true
	}
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	if fn := apis.Callee(info, call); fn == nil || fn.Pkg() == nil || !apis.ContextPackage(fn.Pkg().Path()) {
		return false
	}
	v, fn, ok := assignedVar(info, cur.Parent().Parent())
	if !ok {
		return false
	}
	for c := range astx.UsesOf(info, fn, v) {
		if stops(c) {
			return true
		}
	}
	return false
}

// assignsTo reports whether the call at cur is the right-hand side of an
// assignment to a variable spelled name (ctx = context.Background()), where
// replacing it by name would assign ctx to itself.
func assignsTo(cur inspector.Cursor, name string) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && id.Name == name {
			return true
		}
	}
	return false
}

// The judgments of the two kinds of finding: a call that blocks on I/O
// without the caller's context, and a context made anew whose use the
// finding does not follow.
var (
	blocks   = rank.Judgment{Level: confidence.High, Why: "the call blocks on I/O the context could cancel"}
	detached = rank.Judgment{Level: confidence.Medium, Why: "what the new context reaches is not followed"}
	// A query of the service's own database (or cache) is most often
	// short: the context matters when it runs long or the database stalls,
	// which the code does not show. A ping, a health check's probe of a
	// stalled database, stays high.
	query = rank.Judgment{Level: confidence.Medium, Why: "a query on the service's own database: the context matters when the query runs long or the database stalls"}
)

// judgments are the judgments of a dropped context by what its twin
// reaches.
var judgments = map[IOKind]rank.Judgment{
	BindsStatement: {Level: confidence.Low, Why: "it binds a prepared statement to the transaction, which prepares it again only on a connection that has not seen it; the statement's own call takes the context"},
	Queries:        query,
	Blocks:         blocks,
}

func (c *checker) report(cur inspector.Cursor, j rank.Judgment, call *ast.CallExpr, ctx ctxscope.Context, msg, fixMsg string, edits []analysis.TextEdit) {
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: msg,
		Related: []analysis.RelatedInformation{{Pos: ctx.Pos, Message: "the context in scope"}},
	}
	if len(edits) > 0 {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: fixMsg, TextEdits: edits}}
	}
	c.causes.Add(dropCause{summary.EnclosingFunc(cur), ctx.Pos}, d, c.requestWaits(j, ctx, cur), "the context dropped here too")
}

// requestWaits keeps j high only where a request is shown to wait on the
// call: the context in scope is a request's (an *http.Request, a
// framework's context), or the function runs per request (a handler's
// request path, through other packages' calls with the whole program in
// view). A context.Context parameter elsewhere may be a job's, a
// consumer's or the process's, whose end cancels nothing a client waits
// on: medium.
func (c *checker) requestWaits(j rank.Judgment, ctx ctxscope.Context, cur inspector.Cursor) rank.Judgment {
	if j.Level != confidence.High || ctx.Kind == ctxscope.Request || ctx.Kind == ctxscope.Framework {
		return j
	}
	fn := summary.EnclosingFunc(cur)
	if place, _ := c.rp.Sum.Where(fn); place == summary.PerRequest {
		return j
	}
	if _, ok := c.rp.Sum.RequestPath(fn); ok {
		return j
	}
	return j.Lower("no request is shown to wait on it: the context may be a job's, a consumer's or the process's")
}

// describe names the context in scope for a message.
func describe(ctx ctxscope.Context) string {
	switch ctx.Kind {
	case ctxscope.Request:
		return "the request's context " + ctx.Expr
	case ctxscope.Framework:
		return "the request's context " + ctx.Expr
	}
	return "the context " + ctx.Expr + " in scope"
}

// holding names what a dropped call keeps busy, when we know it.
func holding(fn *types.Func) string {
	switch fn.Pkg().Path() {
	case "database/sql", "github.com/jmoiron/sqlx":
		return ", holding a pool connection"
	case "os/exec":
		return ", and the process is not killed"
	}
	return ""
}

// insideTwin reports whether the call is made by the twin itself: XContext
// implemented by calling X and then attaching the context
// (exec.CommandContext calls exec.Command).
func insideTwin(info *types.Info, cur inspector.Cursor, twin ctxscope.Twin) bool {
	if twin.Fn == nil {
		return false
	}
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fd := fc.Node().(*ast.FuncDecl)
		if obj, ok := info.Defs[fd.Name].(*types.Func); ok && obj.Origin() == twin.Fn.Origin() {
			return true
		}
	}
	return false
}

// nilFallback reports whether the call is the fallback of a nil check on
// the context it replaces: if ctx == nil { ctx = context.Background() },
// { nctx = context.Background() } where nctx otherwise copies ctx, or
// { return context.Background() }.
func nilFallback(info *types.Info, cur inspector.Cursor) bool {
	var v types.Object // the context assigned, or nil for a return
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 {
			return false
		}
		id, ok := p.Lhs[0].(*ast.Ident)
		if !ok {
			return false
		}
		v = info.ObjectOf(id)
	case *ast.ReturnStmt: // if ctx == nil { return context.Background() }
	default:
		return false
	}
	for ic := range cur.Enclosing((*ast.IfStmt)(nil)) {
		cond, ok := ast.Unparen(ic.Node().(*ast.IfStmt).Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.EQL {
			continue
		}
		for _, pair := range [][2]ast.Expr{{cond.X, cond.Y}, {cond.Y, cond.X}} {
			x, ok := ast.Unparen(pair[0]).(*ast.Ident)
			// if ctx == nil { ctx = … }, or { nctx = … } for a copy of ctx
			if ok && (v != nil && info.Uses[x] == v || apis.IsContext(info.TypeOf(x))) && info.Types[pair[1]].IsNil() {
				return true
			}
		}
	}
	return false
}

// contextAttached reports whether a context reaches the call's result
// before it is used for I/O, through a method that takes a context and
// returns a value of the result's type — http.NewRequest(…).WithContext(ctx),
// or req, err := http.NewRequest(…) later given req.WithContext(ctx) or
// req.Clone(ctx) — or through a call that takes the result and a context;
// or when the function returns it unsent (a request builder), leaving the
// context to the caller that sends it.
func contextAttached(info *types.Info, cur inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	result := info.TypeOf(call)
	if tuple, ok := result.(*types.Tuple); ok && tuple.Len() > 0 {
		result = tuple.At(0).Type()
	}
	if result == nil {
		return false
	}
	if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.X == call {
		return attachesContext(info, cur.Parent(), result)
	}
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 {
		return false
	}
	v, fn, ok := assignedVar(info, cur.Parent())
	if !ok {
		return false
	}
	// Any later use that attaches a context: req.WithContext(ctx) or
	// req.Clone(ctx) (reassigned, or passed straight to Do), or a call that
	// takes both the request and a context (a helper do(ctx, req)).
	// Uses in source order: a use that sends the value without a context
	// first (c.Do(req): a call that returns a response) ends the search;
	// helpers that only read or decorate it (setHeaders(req)) do not.
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		use := c.Node().(*ast.Ident)
		if use.Pos() <= as.End() || info.Uses[use] != v {
			continue
		}
		if attachesContext(info, c.Parent(), result) || passedWithContext(info, c) {
			return true
		}
		if _, ok := c.Parent().Node().(*ast.ReturnStmt); ok {
			return true // built for the caller, whose send decides the context
		}
		if call, ok := c.Parent().Node().(*ast.CallExpr); ok && call.Fun != use && sends(info, call) {
			return false
		}
	}
	return false
}

// sends reports whether call sends what it is given: it returns an
// *http.Response (Do, RoundTrip, a helper around them), or its result is
// unknown (a function value).
func sends(info *types.Info, call *ast.CallExpr) bool {
	t := info.TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok && tuple.Len() > 0 {
		t = tuple.At(0).Type()
	}
	return t == nil || closers.IsResponse(t)
}

// passedWithContext reports whether the identifier at cur is an argument of
// a call that also takes a context.Context: a helper that sends the request
// with that context.
func passedWithContext(info *types.Info, cur inspector.Cursor) bool {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun == cur.Node() {
		return false
	}
	for _, arg := range call.Args {
		if t := info.TypeOf(arg); t != nil && (apis.IsContext(t) || ctxscope.EmbedsContext(t)) && !info.Types[arg].IsNil() {
			return true
		}
	}
	return false
}

// attachesContext reports whether sel (x.M) is called as x.M(ctx, …) with M
// a method whose first parameter is a context and whose result has type t.
func attachesContext(info *types.Info, sel inspector.Cursor, t types.Type) bool {
	s, ok := sel.Node().(*ast.SelectorExpr)
	if !ok {
		return false
	}
	call, ok := sel.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun != s || len(call.Args) == 0 {
		return false
	}
	m, ok := info.Uses[s.Sel].(*types.Func)
	if !ok {
		return false
	}
	sig := m.Signature()
	return sig.Recv() != nil && sig.Params().Len() > 0 && apis.IsContext(sig.Params().At(0).Type()) &&
		sig.Results().Len() > 0 && types.Identical(sig.Results().At(0).Type(), t)
}

// afterCancellation reports whether the call runs only once a context is
// already done, to let cleanup finish (aborting a multipart upload):
// inside if ctx.Err() != nil { … }, or after if ctx.Err() == nil { return … }.
func afterCancellation(info *types.Info, cur inspector.Cursor) bool {
	// select { case <-ctx.Done(): …context.Background()… }: the caller's
	// context is over, the work after it must not inherit that.
	for c := range cur.Enclosing((*ast.CommClause)(nil)) {
		if receivesDone(info, c.Node().(*ast.CommClause).Comm) {
			return true
		}
	}
	for c := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs := c.Node().(*ast.IfStmt)
		if astx.Contains(ifs.Body, cur.Node()) && contextUnusable(info, ifs.Cond) {
			return true
		}
	}
	// A statement of a block, preceded in that block by an early return
	// for a live context; blocks of the call's own function only.
	for c := range cur.Enclosing((*ast.BlockStmt)(nil)) {
		block := c.Node().(*ast.BlockStmt)
		for _, stmt := range block.List {
			if stmt.Pos() >= cur.Node().Pos() {
				break
			}
			if ifs, ok := stmt.(*ast.IfStmt); ok && ifs.Else == nil && checksErr(info, ifs.Cond, token.EQL) && endsInReturn(ifs.Body) {
				return true
			}
		}
		switch c.Parent().Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

// detachedCommand reports whether the exec.Command at cur starts a process
// meant to outlive the caller: the function starts it and never waits for
// it, or releases it. CommandContext would kill it when the context ends.
func detachedCommand(info *types.Info, cur inspector.Cursor, fn *types.Func) bool {
	if fn.FullName() != "os/exec.Command" {
		return false
	}
	cmd, body, ok := assignedVar(info, cur.Parent())
	if !ok {
		return false
	}
	started, waited, released := false, false, false
	for c := range body.Preorder((*ast.CallExpr)(nil)) {
		callee := apis.Callee(info, c.Node().(*ast.CallExpr))
		sel, ok := ast.Unparen(c.Node().(*ast.CallExpr).Fun).(*ast.SelectorExpr)
		if callee == nil || !ok || rootObject(info, sel.X) != cmd {
			continue
		}
		switch callee.FullName() {
		case "(*os/exec.Cmd).Start":
			started = true
		case "(*os/exec.Cmd).Wait", "(*os/exec.Cmd).Run", "(*os/exec.Cmd).Output", "(*os/exec.Cmd).CombinedOutput":
			waited = true
		case "(*os.Process).Release":
			released = true
		}
	}
	return released || started && !waited
}

// assignedVar returns the variable the assignment at as defines or sets
// first (v, err := f()), and the function it is in.
func assignedVar(info *types.Info, as inspector.Cursor) (types.Object, inspector.Cursor, bool) {
	stmt, ok := as.Node().(*ast.AssignStmt)
	if !ok || len(stmt.Lhs) == 0 {
		return nil, inspector.Cursor{}, false
	}
	id, ok := stmt.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	v := info.ObjectOf(id)
	fn, ok := astx.FuncAt(as)
	return v, fn, ok && v != nil
}

// rootObject returns the variable at the root of x (cmd in cmd.Process).
func rootObject(info *types.Info, x ast.Expr) types.Object {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.SelectorExpr:
			x = e.X
		case *ast.Ident:
			return info.Uses[e]
		default:
			return nil
		}
	}
}

// receivesDone reports whether a select case receives from a context's
// Done channel (<-ctx.Done(), v := <-ctx.Done()).
func receivesDone(info *types.Info, comm ast.Stmt) bool {
	call, ok := ast.Unparen(astx.Received(comm)).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := apis.Callee(info, call)
	return fn != nil && fn.FullName() == "(context.Context).Done"
}

// checksErr reports whether cond is ctx.Err() op nil for a context ctx.
func checksErr(info *types.Info, cond ast.Expr, op token.Token) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != op {
		return false
	}
	for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		call, ok := ast.Unparen(pair[0]).(*ast.CallExpr)
		if !ok || !info.Types[pair[1]].IsNil() {
			continue
		}
		if fn := apis.Callee(info, call); fn != nil && fn.FullName() == "(context.Context).Err" {
			return true
		}
	}
	return false
}

// contextUnusable reports whether cond holds only where a context cannot
// be used: ctx.Err() != nil, ctx == nil, or a disjunction of these (if ctx
// == nil || ctx.Err() != nil { ctx = context.Background() }).
func contextUnusable(info *types.Info, cond ast.Expr) bool {
	if bin, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok && bin.Op == token.LOR {
		return contextUnusable(info, bin.X) && contextUnusable(info, bin.Y)
	}
	return checksErr(info, cond, token.NEQ) || nilContext(info, cond)
}

// nilContext reports whether cond is ctx == nil for a context ctx.
func nilContext(info *types.Info, cond ast.Expr) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != token.EQL {
		return false
	}
	for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		if apis.IsContext(info.TypeOf(pair[0])) && info.Types[pair[1]].IsNil() {
			return true
		}
	}
	return false
}

// inDeferred reports whether cur runs in a deferred call (defer
// cleanup(context.Background()), defer func() { … }()): cleanup at the
// function's exit, which must run also when the caller's context has
// ended — often why the function is returning.
func inDeferred(cur inspector.Cursor) bool {
	for c := cur.Parent(); c.Valid(); c = c.Parent() {
		switch c.Node().(type) {
		case *ast.DeferStmt:
			return true
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}

func endsInReturn(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	_, ok := body.List[len(body.List)-1].(*ast.ReturnStmt)
	return ok
}

// onlyForLater reports whether the background context at cur (perhaps
// wrapped: context.WithCancel(context.Background())) initializes a local
// that only go statements and callbacks run later use: detached work by
// intent, like a background context inside a go literal (a websocket's read
// and write loops, which outlive the handler whose request context ends with
// it; a server's base context, which must outlive the start-up context so
// that in-flight requests finish while the server shuts down).
func onlyForLater(info *types.Info, cur inspector.Cursor) bool {
	return everyUse(info, cur, func(u inspector.Cursor) bool { return usedLater(info, u) })
}

// everyUse reports whether the background context at cur initializes a
// local (see newContextLocal) that is used, and only as ok allows.
func everyUse(info *types.Info, cur inspector.Cursor, ok func(use inspector.Cursor) bool) bool {
	v, fn, found := newContextLocal(info, cur)
	if !found {
		return false
	}
	used := false
	for u := range astx.UsesOf(info, fn, v) {
		if !ok(u) {
			return false
		}
		used = true
	}
	return used
}

// keptInField reports whether the background context at cur (perhaps
// wrapped: context.WithCancel(context.Background())) is kept in a field of
// an object — assigned to one (s.ctx, s.cancel = …), or held by a local
// that the function stores in one (&Store{gcCtx: gcCtx}), hands to go
// statements or callbacks run later, or nothing else: the object's
// lifetime context, which its background workers and pools run under as
// long as it lives, beyond the call that builds it. Cancelling it is the
// object's Close.
func keptInField(info *types.Info, cur inspector.Cursor) bool {
	at, ok := newContext(info, cur)
	return ok && storedInField(info, at) || everyUse(info, cur, func(u inspector.Cursor) bool {
		return storedInField(info, u) || usedLater(info, u)
	})
}

// onlySignal reports whether the background context at cur initializes a
// local that is only waited on (<-sig.Done(), sig.Err()) and never handed
// to a call: a cancel signal another goroutine fires, which starts no work
// the caller's context should stop.
func onlySignal(info *types.Info, cur inspector.Cursor) bool {
	return everyUse(info, cur, func(u inspector.Cursor) bool {
		sel, ok := u.Parent().Node().(*ast.SelectorExpr)
		return ok && sel.X == u.Node() && (sel.Sel.Name == "Done" || sel.Sel.Name == "Err")
	})
}

// storedInField reports whether the expression at cur is the value of a
// field: assigned to a selector (s.ctx = x, s.ctx, s.cancel = f()) or set
// in a composite literal (T{ctx: x}).
func storedInField(info *types.Info, cur inspector.Cursor) bool {
	if kv, ok := cur.Parent().Node().(*ast.KeyValueExpr); ok {
		_, isLit := cur.Parent().Parent().Node().(*ast.CompositeLit)
		return isLit && kv.Value == cur.Node()
	}
	lhs := assignedTo(cur)
	return lhs != nil && isField(info, lhs)
}

// assignedTo returns what the expression at cur is assigned to: its own
// left-hand side, or the first of several a single call fills (x, cancel
// = f(ctx)); nil when cur is not the right-hand side of an assignment.
func assignedTo(cur inspector.Cursor) ast.Expr {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 {
		return nil
	}
	for i, r := range as.Rhs {
		if r != cur.Node() {
			continue
		}
		if len(as.Rhs) == 1 {
			return as.Lhs[0]
		}
		if i < len(as.Lhs) {
			return as.Lhs[i]
		}
	}
	return nil
}

// isField reports whether e selects a struct field (s.ctx).
func isField(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.FieldVal
}

// newContext returns the expression that yields the new context at cur:
// the background call itself, or the context package's call wrapping it
// (context.WithCancel(context.Background())); not ok when another call
// takes it.
func newContext(info *types.Info, cur inspector.Cursor) (inspector.Cursor, bool) {
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok {
		return cur, true
	}
	if fn := apis.Callee(info, call); fn == nil || fn.Pkg() == nil || !apis.ContextPackage(fn.Pkg().Path()) {
		return inspector.Cursor{}, false
	}
	return cur.Parent(), true
}

// newContextLocal returns the local variable the new context at cur
// initializes, directly or wrapped by the context package (ctx, cancel :=
// context.WithCancel(context.Background())), and the function it is in.
func newContextLocal(info *types.Info, cur inspector.Cursor) (types.Object, inspector.Cursor, bool) {
	c, ok := newContext(info, cur)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	as, ok := c.Parent().Node().(*ast.AssignStmt)
	if !ok || as.Tok != token.DEFINE || len(as.Rhs) != 1 {
		return nil, inspector.Cursor{}, false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok || info.Defs[id] == nil {
		return nil, inspector.Cursor{}, false
	}
	fn, ok := astx.FuncAt(cur)
	return info.Defs[id], fn, ok
}

// usedLater reports whether the use at cur is in a go statement or in a
// function literal that runs after its enclosing function returns (a
// server's BaseContext, a callback kept for later).
func usedLater(info *types.Info, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.GoStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.GoStmt:
			return true
		case *ast.FuncLit:
			if apis.HowLitRuns(info, n, c.Parent().Node()) == apis.RunsLater {
				return true
			}
		default:
			return false
		}
	}
	return false
}
