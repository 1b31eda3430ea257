package queryloop

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
	"github.com/perflint/perflint/analyzers/internal/doc"
	"github.com/perflint/perflint/analyzers/internal/loops"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/analyzers/internal/skip"
	"github.com/perflint/perflint/analyzers/internal/sqltext"
	"github.com/perflint/perflint/analyzers/internal/summary"
)

//go:embed doc.go
var docSource string

var Analyzer = &analysis.Analyzer{
	Name:     "queryloop",
	Doc:      doc.Extract(docSource, "queryloop"),
	URL:      "https://github.com/perflint/perflint#queryloop",
	Requires: []*analysis.Analyzer{inspect.Analyzer, summary.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	chunkers := chunkers(pass, ins)
	embeddedDB := apis.EmbeddedDatabase(skip.Imports(pass)) || apis.NamedForSQLite(pass.Pkg.Path())
	var found []finding
	for _, f := range skip.Files(pass) {
		file, _ := ins.Root().FindNode(f)
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			if f, ok := checkCall(pass, sum, chunkers, cur); ok {
				if embeddedDB {
					f.j = embedded(f.j)
				}
				found = append(found, f)
			}
		}
	}
	reportPerLoop(pass, found)
	return nil, nil
}

// finding is a round-trip in a loop, before the round-trips of one loop
// are merged.
type finding struct {
	d    analysis.Diagnostic
	fn   ast.Node // the function the loop is in
	loop ast.Node
	name string // the call, for the merged finding's related positions
	j    rank.Judgment
}

// reportPerLoop reports one finding per loop: the first of the body's
// round-trips judged most surely paid per item (not one behind a cache, say),
// with the others as related positions. They are one cause — the loop —
// with one fix: fetch or write the items together.
func reportPerLoop(pass *analysis.Pass, found []finding) {
	causes := rank.NewCauses(pass)
	schema := make(map[ast.Node]bool)
	for _, f := range found {
		skip, seen := schema[f.loop]
		if !seen {
			skip = issuesSchemaStatements(pass.TypesInfo, f.fn, f.loop)
			schema[f.loop] = skip
		}
		if !skip {
			causes.Add(f.loop, f.d, f.j, "another round-trip of the loop: "+f.name)
		}
	}
	causes.Report(func(n int) string { return " (and " + rank.Count(n, "more round-trip") + " in this loop)" })
}

// issuesSchemaStatements reports whether the body of loop sends a schema
// or maintenance statement (ALTER TABLE … DETACH PARTITION, CREATE INDEX,
// VACUUM): such a loop goes over the database's own objects (tables,
// partitions, indexes), a handful, one statement each by necessity.
func issuesSchemaStatements(info *types.Info, fn, loop ast.Node) bool {
	found := false
	ast.Inspect(loop, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		for _, arg := range call.Args {
			if t := info.TypeOf(arg); t != nil && isString(t) {
				if text, ok := sqltext.Of(info, fn, arg); ok && sqltext.Schema(text) {
					found = true
				}
			}
		}
		return true
	})
	return found
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// checkCall reports the call at cur if it makes a round-trip, itself or
// through the functions it calls, once per iteration of a hot loop.
func checkCall(pass *analysis.Pass, sum *summary.Result, chunkers map[*types.Func]bool, cur inspector.Cursor) (finding, bool) {
	info := pass.TypesInfo
	call := cur.Node().(*ast.CallExpr)
	chain, ok := sum.Effect(call, summary.Query)
	if !ok {
		return finding{}, false
	}
	fn := summary.EnclosingFunc(cur)
	if fn == nil || sum.StartupOnly(fn) || skip.TestHelper(info, summary.OuterDecl(cur)) {
		return finding{}, false
	}
	if sum.RecursiveLoader(call) && !sum.SelfCall(cur) {
		// A tree loader that queries per node reports itself at its own
		// recursive call; a loop that calls it adds the same cause again.
		return finding{}, false
	}
	if runsQueryingLiteral(info, sum, call) {
		return finding{}, false // the round-trips inside the literal are reported instead
	}
	if startsWorker(pass, cur) {
		return finding{}, false
	}
	// An event loop ends the search: what runs in it runs per event, not
	// per iteration of a loop around it (workers started in a loop).
	loop, ok := loops.Find(info, cur, func(l loops.Loop) bool {
		if sum.LaterBetween(cur, l.Node) {
			return false // handed to a job queue: a worker runs it, not this loop
		}
		return loops.EventLoop(info, l.Node) || !batchLoop(l.Node) && !chunkedRange(info, chunkers, l) &&
			!codeDefined(info, l.Node) && !loops.OverRegistry(info, l) && !oncePerOption(info, l, cur) &&
			!pagedByRoundTrip(info, sum, l, cur)
	})
	if !ok || loops.EventLoop(info, loop.Node) {
		return finding{}, false
	}
	name := apis.CalleeName(info, call)
	via := ""
	if chain != name {
		via = " (" + summary.Join(outerName(sum, cur), chain) + ")"
	}
	last := lastLink(chain)
	what := "per iteration"
	if isWrite(last) {
		what = "per row written"
	}
	return finding{
		d: analysis.Diagnostic{
			Pos:     call.Pos(),
			End:     call.End(),
			Message: fmt.Sprintf("%s inside a loop makes a database round-trip %s%s: latency and pool use grow with the number of items (N+1); %s", name, what, via, fix(last)),
			Related: []analysis.RelatedInformation{{Pos: loop.Node.Pos(), End: loop.Node.End(), Message: loopWord(loop)}},
		},
		fn:   fn,
		loop: loop.Node,
		name: name,
		j:    memoized(info, cur, loop, maybe(rank.InLoop(rank.Pass{Info: info, Sum: sum}, loop, fn), sum.Maybe(call, summary.Query))),
	}, true
}

// memoized lowers j when the loop keeps what the call fetched in a map
// that outlives an iteration and makes the call only when a comma-ok
// lookup of that map missed: one round-trip per distinct key (the few
// owners of a page of items), not one per item.
//
//	u, ok := users[it.OwnerID]
//	if !ok {
//		u, _ = store.User(ctx, it.OwnerID)
//		users[it.OwnerID] = u
//	}
func memoized(info *types.Info, cur inspector.Cursor, loop loops.Loop, j rank.Judgment) rank.Judgment {
	body := loop.Body()
	if body == nil {
		return j
	}
	for c := range cur.Enclosing() {
		if c.Node() == loop.Node {
			break
		}
		var m *types.Var
		switch n := c.Node().(type) {
		case *ast.IfStmt:
			if astx.Contains(n.Body, cur.Node()) {
				m = testedLookup(info, n, c, true)
			}
		case *ast.BlockStmt:
			m = skippedOnHit(info, n, cur, c)
		}
		if m != nil && definedOutside(m, body) && storesInto(info, body, m) {
			return j.Lower("the call runs only when map " + m.Name() + " has no entry for the key, and the loop stores into it: one round-trip per distinct key")
		}
	}
	return j
}

// skippedOnHit returns the map of an if statement of block, before cur,
// that goes on to the next iteration when a comma-ok lookup found its key
// (if u, ok := m[k]; ok { …; continue }), or nil.
func skippedOnHit(info *types.Info, block *ast.BlockStmt, cur, at inspector.Cursor) *types.Var {
	for i, stmt := range block.List {
		if stmt.Pos() >= cur.Node().Pos() {
			break
		}
		ifs, ok := stmt.(*ast.IfStmt)
		if !ok || len(ifs.Body.List) == 0 {
			continue
		}
		if br, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.BranchStmt); !ok || br.Tok != token.CONTINUE || br.Label != nil {
			continue
		}
		if m := testedLookup(info, ifs, at.ChildAt(edge.BlockStmt_List, i), false); m != nil {
			return m
		}
	}
	return nil
}

// testedLookup returns the map whose comma-ok lookup ifs's condition tests
// (for a miss, if !ok, or for a hit, if ok), the lookup being ifs's init
// or an earlier statement of its block, or nil. at is ifs's cursor.
func testedLookup(info *types.Info, ifs *ast.IfStmt, at inspector.Cursor, miss bool) *types.Var {
	cond := ast.Unparen(ifs.Cond)
	if miss {
		not, ok := cond.(*ast.UnaryExpr)
		if !ok || not.Op != token.NOT {
			return nil
		}
		cond = ast.Unparen(not.X)
	}
	id, ok := cond.(*ast.Ident)
	if !ok {
		return nil
	}
	found, _ := info.Uses[id].(*types.Var)
	if found == nil {
		return nil
	}
	stmts := []ast.Stmt{ifs.Init}
	if block, ok := at.Parent().Node().(*ast.BlockStmt); ok {
		stmts = append(stmts, block.List...)
	}
	for _, s := range stmts {
		if s == ifs {
			break
		}
		if m := lookupInto(info, s, found); m != nil {
			return m
		}
	}
	return nil
}

// lookupInto returns map m when stmt is v, found := m[k], or nil.
func lookupInto(info *types.Info, stmt ast.Stmt, found *types.Var) *types.Var {
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 || info.ObjectOf(identOf(as.Lhs[1])) != found {
		return nil
	}
	ix, ok := ast.Unparen(as.Rhs[0]).(*ast.IndexExpr)
	if !ok {
		return nil
	}
	if _, isMap := info.TypeOf(ix.X).Underlying().(*types.Map); !isMap {
		return nil
	}
	m, _ := info.Uses[identOf(ast.Unparen(ix.X))].(*types.Var)
	return m
}

// definedOutside reports whether v is declared outside body: a map made
// afresh in each iteration remembers nothing.
func definedOutside(v *types.Var, body *ast.BlockStmt) bool {
	return v.Pos() < body.Pos() || v.Pos() >= body.End()
}

// storesInto reports whether body assigns an entry of map m.
func storesInto(info *types.Info, body *ast.BlockStmt, m *types.Var) bool {
	stores := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && info.Uses[identOf(ast.Unparen(ix.X))] == m {
					stores = true
				}
			}
		}
		return !stores
	})
	return stores
}

// maybe lowers j when the callee queries only on a cache miss or in only
// some of the implementations the call may reach.
func maybe(j rank.Judgment, maybe bool) rank.Judgment {
	if !maybe {
		return j
	}
	return j.Lower("the round-trip happens only on a cache miss or in some implementations")
}

// embedded makes j low in a program whose only database runs in the
// process (SQLite): a statement there costs microseconds, not a network
// round-trip.
func embedded(j rank.Judgment) rank.Judgment { return j.Embedded("no network round-trip") }

func loopWord(l loops.Loop) string {
	if _, ok := l.Node.(*ast.CallExpr); ok {
		return "the call that runs it per item"
	}
	return "the loop"
}

// runsQueryingLiteral reports whether call runs a function literal passed
// to it (db.Transaction(func(tx) {...}), errgroup's Go) whose body makes a
// round-trip: that round-trip is the finding, one per call site.
func runsQueryingLiteral(info *types.Info, sum *summary.Result, call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		lit, ok := ast.Unparen(arg).(*ast.FuncLit)
		if !ok {
			continue
		}
		if how := apis.HowLitRuns(info, lit, call); how != apis.RunsHere && how != apis.RunsPerItem {
			continue
		}
		found := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && !found {
				_, found = sum.Effect(c, summary.Query)
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// batchLoop reports whether a three-clause loop steps by more than one
// (for i := 0; i < len(ids); i += 500): each round handles a batch, which
// is the fix for N+1, not an instance of it.
func batchLoop(loop ast.Node) bool {
	f, ok := loop.(*ast.ForStmt)
	if !ok {
		return false
	}
	post, ok := f.Post.(*ast.AssignStmt)
	if !ok || post.Tok != token.ADD_ASSIGN || len(post.Rhs) != 1 {
		return false
	}
	lit, ok := ast.Unparen(post.Rhs[0]).(*ast.BasicLit)
	return !ok || lit.Value != "1"
}

// chunkedRange reports whether a range loop goes over batches cut from a
// slice (for _, batch := range chunk(ids, 500)): each round is one IN
// query, the fix for N+1. The batches come from slices.Chunk, lo.Chunk, or
// a chunker of this package, directly or through a local variable.
func chunkedRange(info *types.Info, chunkers map[*types.Func]bool, l loops.Loop) bool {
	r, ok := l.Node.(*ast.RangeStmt)
	if !ok {
		return false
	}
	call := loops.RangedCall(info, l.Cursor, r)
	if call == nil {
		return false
	}
	fn := apis.Callee(info, call)
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	switch fn.FullName() {
	case "slices.Chunk", "github.com/samber/lo.Chunk":
		return true
	}
	return chunkers[fn]
}

// chunkers returns the functions of this package that cut a slice
// parameter into batches: they return [][]T and re-slice the parameter in
// a loop that steps by more than one.
func chunkers(pass *analysis.Pass, ins *inspector.Inspector) map[*types.Func]bool {
	m := make(map[*types.Func]bool)
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if ok && decl.Body != nil && returnsBatches(fn) && cutsParam(pass.TypesInfo, fn, cur) {
			m[fn] = true
		}
	}
	return m
}

func returnsBatches(fn *types.Func) bool {
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return false
	}
	outer, ok := res.At(0).Type().Underlying().(*types.Slice)
	if !ok {
		return false
	}
	_, ok = outer.Elem().Underlying().(*types.Slice)
	return ok
}

// cutsParam reports whether the function at decl slices one of its
// parameters (p[i:j]) inside a loop that steps by more than one.
func cutsParam(info *types.Info, fn *types.Func, decl inspector.Cursor) bool {
	params := fn.Signature().Params()
	for c := range decl.Preorder((*ast.SliceExpr)(nil)) {
		id, ok := ast.Unparen(c.Node().(*ast.SliceExpr).X).(*ast.Ident)
		if !ok {
			continue
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || v.Kind() != types.ParamVar || !inTuple(params, v) {
			continue
		}
		for loop := range c.Enclosing((*ast.ForStmt)(nil)) {
			if batchLoop(loop.Node()) {
				return true
			}
		}
	}
	return false
}

func inTuple(t *types.Tuple, v *types.Var) bool {
	for i := range t.Len() {
		if t.At(i) == v {
			return true
		}
	}
	return false
}

// oncePerOption reports whether the round-trip at cur sits in a case of a
// switch over the range value with constant cases, in a loop that skips
// values already seen (if done[e] { continue }): each case then runs at
// most once per loop, one batched query per kind of option the client asked
// for (expansions a list request names), not one per item.
func oncePerOption(info *types.Info, l loops.Loop, cur inspector.Cursor) bool {
	r, ok := l.Node.(*ast.RangeStmt)
	if !ok {
		return false
	}
	id, ok := r.Value.(*ast.Ident)
	if !ok {
		return false
	}
	elem := info.Defs[id]
	if elem == nil {
		return false
	}
	var sw *ast.SwitchStmt // the switch on the element around cur
	for c := range cur.Enclosing((*ast.SwitchStmt)(nil), (*ast.RangeStmt)(nil)) {
		if c.Node() == r {
			break
		}
		if s, ok := c.Node().(*ast.SwitchStmt); ok && isVar(info, s.Tag, elem) && constantCases(info, s) {
			sw = s
		}
	}
	if sw == nil {
		return false
	}
	for _, stmt := range r.Body.List {
		if stmt.Pos() >= sw.Pos() {
			return false
		}
		if ifs, ok := stmt.(*ast.IfStmt); ok && skipsSeen(info, ifs, elem) {
			return true
		}
	}
	return false
}

func isVar(info *types.Info, e ast.Expr, v types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && info.Uses[id] == v
}

func constantCases(info *types.Info, sw *ast.SwitchStmt) bool {
	for _, stmt := range sw.Body.List {
		for _, e := range stmt.(*ast.CaseClause).List {
			if tv, ok := info.Types[e]; !ok || tv.Value == nil {
				return false
			}
		}
	}
	return true
}

// skipsSeen reports whether ifs is if m[v] { continue } (or if _, ok :=
// m[v]; ok { continue }) for a map m.
func skipsSeen(info *types.Info, ifs *ast.IfStmt, v types.Object) bool {
	if len(ifs.Body.List) != 1 {
		return false
	}
	if br, ok := ifs.Body.List[0].(*ast.BranchStmt); !ok || br.Tok != token.CONTINUE || br.Label != nil {
		return false
	}
	index := ifs.Cond
	if as, ok := ifs.Init.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && len(as.Lhs) == 2 && isVar(info, ifs.Cond, info.Defs[identOf(as.Lhs[1])]) {
		index = as.Rhs[0]
	}
	ix, ok := ast.Unparen(index).(*ast.IndexExpr)
	if !ok || !isVar(info, ix.Index, v) {
		return false
	}
	_, isMap := info.TypeOf(ix.X).Underlying().(*types.Map)
	return isMap
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}

// codeDefined reports whether the loop's trip count is written in the
// source: a range over, or a count up to the length of, a package-level
// variable initialized with a composite literal (a table of migrations),
// or a count up to a constant. Such a loop runs the same number of times
// whatever the data.
func codeDefined(info *types.Info, loop ast.Node) bool {
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		return pkgLiteral(info, loop.X)
	case *ast.ForStmt:
		cond, ok := loop.Cond.(*ast.BinaryExpr)
		if !ok || cond.Op != token.LSS && cond.Op != token.LEQ {
			return false
		}
		if tv, ok := info.Types[cond.Y]; ok && tv.Value != nil {
			return true
		}
		return lenOfPkgLiteral(info, cond.Y)
	}
	return false
}

// lenOfPkgLiteral reports whether x is len(v), or a package variable
// initialized to len(v), for v a package-level composite literal.
func lenOfPkgLiteral(info *types.Info, x ast.Expr) bool {
	x = ast.Unparen(x)
	if id, ok := x.(*ast.Ident); ok {
		if init := pkgInit(info, id); init != nil {
			x = ast.Unparen(init)
		}
	}
	call, ok := x.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || id.Name != "len" {
		return false
	} else if _, ok := info.Uses[id].(*types.Builtin); !ok {
		return false
	}
	return pkgLiteral(info, call.Args[0])
}

// pkgLiteral reports whether x is a package-level variable initialized
// with a composite literal, or an entry of one whose values are literals
// too (dependents["users"] in var dependents = map[string][]string{…}).
func pkgLiteral(info *types.Info, x ast.Expr) bool {
	x = ast.Unparen(x)
	if ix, ok := x.(*ast.IndexExpr); ok {
		lit := pkgLiteralOf(info, ix.X)
		if lit == nil {
			return false
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if _, ok := ast.Unparen(elt).(*ast.CompositeLit); !ok {
				return false
			}
		}
		return true
	}
	return pkgLiteralOf(info, x) != nil
}

func pkgLiteralOf(info *types.Info, x ast.Expr) *ast.CompositeLit {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	lit, _ := ast.Unparen(pkgInit(info, id)).(*ast.CompositeLit)
	return lit
}

// pkgInit returns the initializer of the package-level variable id uses,
// or nil.
func pkgInit(info *types.Info, id *ast.Ident) ast.Expr {
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	for _, init := range info.InitOrder {
		if len(init.Lhs) == 1 && init.Lhs[0] == v {
			return init.Rhs
		}
	}
	return nil
}

// startsWorker reports whether cur is the call of a go statement that
// starts a function of this package whose body serves an event loop (a
// worker reading jobs from a channel): its round-trips are per job, not
// per iteration of the loop that starts the workers.
func startsWorker(pass *analysis.Pass, cur inspector.Cursor) bool {
	g, ok := cur.Parent().Node().(*ast.GoStmt)
	if !ok || g.Call != cur.Node() {
		return false
	}
	fn := apis.Callee(pass.TypesInfo, g.Call)
	if fn == nil || fn.Pkg() != pass.Pkg {
		return false
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok || decl.Body == nil || pass.TypesInfo.Defs[decl.Name] != fn {
				continue
			}
			for _, s := range decl.Body.List {
				if loops.EventLoop(pass.TypesInfo, s) {
					return true
				}
			}
		}
	}
	return false
}

// pagedByRoundTrip reports whether the loop is driven by the result of the
// round-trip at cur or, for a for statement, of another round-trip in its
// body: then each iteration handles a page (or a row of a server-side
// cursor), and the other round-trips in it run once per page.
func pagedByRoundTrip(info *types.Info, sum *summary.Result, l loops.Loop, cur inspector.Cursor) bool {
	if drivenByResult(info, l.Node, cur) {
		return true
	}
	f, ok := l.Node.(*ast.ForStmt)
	if !ok {
		return false
	}
	body, ok := l.Cursor.FindNode(f.Body)
	if !ok {
		return false
	}
	for c := range body.Preorder((*ast.CallExpr)(nil)) {
		if c == cur {
			continue
		}
		if _, ok := sum.Effect(c.Node().(*ast.CallExpr), summary.Query); ok && drivenByResult(info, f, c) {
			return true
		}
	}
	return false
}

// drivenByResult reports whether the loop's exit depends on the result of
// the round-trip at cur: a page-by-page fetch (for cursor != "" { page,
// cursor = fetch(cursor) }, or until a page comes back empty) or a retry
// loop that stops on success. Such a loop runs as many round-trips as the
// data needs pages, not one per item. Only for statements qualify: a range
// over a collection is per item whatever its body tests.
func drivenByResult(info *types.Info, loop ast.Node, cur inspector.Cursor) bool {
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		// for _, q := range queues { if res := try(q); res == nil {
		// continue }; return res }, or { v, err = find(q); if err == nil
		// { break } }: a search that stops at the first hit.
		top := topStmt(cur, loop.Body)
		return top != nil && (loops.LeavesAfter(cur, loop.Body) || leavesOnSuccess(info, loop.Body, top, cur))
	case *ast.ForStmt:
	default:
		return false
	}
	f := loop.(*ast.ForStmt)
	call := cur.Node()
	top := topStmt(cur, f.Body)
	if top == nil {
		return false
	}
	if loops.LeavesAfter(cur, f.Body) {
		return true // the loop only repeats through continue: a retry
	}
	t := resultVars(info, cur)
	t.spread(info, f.Body)
	if f.Cond != nil && (t.mentions(info, f.Cond, false) || astx.Contains(f.Cond, call)) {
		return true
	}
	if f.Post != nil && t.mentions(info, f.Post, false) {
		return true // offset += len(page)
	}
	driven := false
	ast.Inspect(f.Body, func(n ast.Node) bool {
		if driven {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		ifs, ok := n.(*ast.IfStmt)
		if !ok {
			return true
		}
		if t.failed(info, ifs.Cond) {
			return true // leaving on an error ends the loop early, it does not page it
		}
		if (t.mentions(info, ifs.Cond, true) || astx.Contains(ifs.Cond, call)) && exits(info, ifs) {
			driven = true
		}
		return true
	})
	return driven
}

// topStmt returns the statement of a loop's body that contains cur.
func topStmt(cur inspector.Cursor, body *ast.BlockStmt) ast.Stmt {
	for c := cur; c.Valid(); c = c.Parent() {
		p := c.Parent()
		if p.Valid() && p.Node() == body {
			s, _ := c.Node().(ast.Stmt)
			return s
		}
	}
	return nil
}

// leavesOnSuccess reports whether, from top on, the loop's body leaves the
// loop when the round-trip at cur succeeded: if err == nil { break }.
func leavesOnSuccess(info *types.Info, body *ast.BlockStmt, top ast.Stmt, cur inspector.Cursor) bool {
	t := resultVars(info, cur)
	after := false
	for _, stmt := range body.List {
		after = after || stmt == top
		if ifs, ok := stmt.(*ast.IfStmt); ok && after && t.succeeded(info, ifs.Cond) && exits(info, ifs) {
			return true
		}
	}
	return false
}

// errNotNil reports whether cond is x != nil for an x of type error.
func errNotNil(info *types.Info, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	isErr := func(e ast.Expr) bool { t := info.TypeOf(e); return t != nil && apis.IsError(t) }
	return isErr(b.X) && info.Types[b.Y].IsNil() || isErr(b.Y) && info.Types[b.X].IsNil()
}

// failed reports whether cond is err != nil for the round-trip's error.
func (t taint) failed(info *types.Info, cond ast.Expr) bool { return t.errTest(info, cond, token.NEQ) }

// succeeded reports whether cond is err == nil for the round-trip's error.
func (t taint) succeeded(info *types.Info, cond ast.Expr) bool {
	return t.errTest(info, cond, token.EQL)
}

// errTest reports whether cond compares the round-trip's error with nil
// by op (err == nil, nil != err).
func (t taint) errTest(info *types.Info, cond ast.Expr, op token.Token) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return false
	}
	return t.isErrVar(info, b.X) && info.Types[b.Y].IsNil() || t.isErrVar(info, b.Y) && info.Types[b.X].IsNil()
}

// exits reports whether the if statement's branches leave the loop: a return,
// a goto, or a break that is not caught by an inner loop, switch or
// select. A return under a nested error check (if err != nil { return })
// is a failure path, not the way the loop ends.
func exits(info *types.Info, ifs *ast.IfStmt) bool {
	found := false
	var walk func(n ast.Node, inner bool)
	walk = func(n ast.Node, inner bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			if found || n == nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IfStmt:
				if n != ifs && errNotNil(info, n.Cond) {
					if n.Else != nil {
						walk(n.Else, inner)
					}
					return false
				}
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				if n.Tok == token.GOTO || n.Tok == token.BREAK && (!inner || n.Label != nil) {
					found = true
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if !inner {
					walk(n, true)
					return false
				}
			}
			return true
		})
	}
	walk(ifs.Body, false)
	if ifs.Else != nil {
		walk(ifs.Else, false)
	}
	return found
}

// taint is the set of variables that hold (or were computed from) the
// round-trip's result.
type taint map[types.Object]bool

// resultVars returns the variables the round-trip at cur writes: the
// left-hand side of its assignment, and the &x arguments of its call chain
// (QueryRow(...).Scan(&next), db.Find(&page), db.Select(&page, ...)).
func resultVars(info *types.Info, cur inspector.Cursor) taint {
	t := make(taint)
	for c := cur; c.Valid(); c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			for _, arg := range n.Args {
				if u, ok := ast.Unparen(arg).(*ast.UnaryExpr); ok && u.Op == token.AND {
					t.add(info, u.X)
				}
			}
		case *ast.SelectorExpr, *ast.ParenExpr, *ast.StarExpr, *ast.IndexExpr:
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				t.add(info, lhs)
			}
			return t
		case *ast.ValueSpec:
			for _, id := range n.Names {
				t.add(info, id)
			}
			return t
		default:
			return t
		}
	}
	return t
}

// add taints the variable at the root of x (v, v.f, m[k], *v). A write
// into an element of a slice (rows[i].Children = …) leaves the slice's
// length, which a loop over it tests, as it was: it taints nothing.
func (t taint) add(info *types.Info, x ast.Expr) {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.Ident:
			if v, ok := info.ObjectOf(e).(*types.Var); ok {
				t[v] = true
			}
			return
		case *ast.SelectorExpr:
			x = e.X
		case *ast.IndexExpr:
			if xt := info.TypeOf(e.X); xt == nil || !isMap(xt) {
				return
			}
			x = e.X
		case *ast.StarExpr:
			x = e.X
		default:
			return
		}
	}
}

// spread taints, to a fixed point, the variables computed from tainted ones
// in body (next = page[len(page)-1].ID, n++ inside for rows.Next()).
func (t taint) spread(info *types.Info, body *ast.BlockStmt) {
	for n := len(t); ; n = len(t) {
		var walk func(node ast.Node, controlled bool)
		walk = func(node ast.Node, controlled bool) {
			ast.Inspect(node, func(node ast.Node) bool {
				switch s := node.(type) {
				case *ast.AssignStmt:
					if controlled || t.mentionsAny(info, s.Rhs) {
						for _, lhs := range s.Lhs {
							t.add(info, lhs)
						}
					}
				case *ast.IncDecStmt:
					if controlled {
						t.add(info, s.X)
					}
				case *ast.ForStmt:
					if s.Cond != nil && t.mentions(info, s.Cond, false) {
						walk(s.Body, true)
						return false
					}
				case *ast.RangeStmt:
					if t.mentions(info, s.X, false) {
						if s.Key != nil {
							t.add(info, s.Key)
						}
						if s.Value != nil {
							t.add(info, s.Value)
						}
						walk(s.Body, true)
						return false
					}
				case *ast.IfStmt:
					if t.mentions(info, s.Cond, false) {
						walk(s.Body, true)
						if s.Else != nil {
							walk(s.Else, true)
						}
						return false
					}
				}
				return true
			})
		}
		walk(body, false)
		if len(t) == n {
			return
		}
	}
}

func (t taint) mentionsAny(info *types.Info, xs []ast.Expr) bool {
	for _, x := range xs {
		if t.mentions(info, x, false) {
			return true
		}
	}
	return false
}

// mentions reports whether x uses a tainted variable. A tainted error
// counts only when x tests it for success (err == nil) and success is
// asked for: a loop that stops on error is not driven by the data, but a
// retry that stops when the round-trip succeeds is.
func (t taint) mentions(info *types.Info, x ast.Node, success bool) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if found {
			return false
		}
		// err == nil (success), err == sql.ErrNoRows, errors.Is(err,
		// redis.Nil) (no more rows): both end a fetch loop.
		if b, ok := n.(*ast.BinaryExpr); ok && b.Op == token.EQL && success {
			if t.isErrVar(info, b.X) || t.isErrVar(info, b.Y) {
				found = true
				return false
			}
		}
		if c, ok := n.(*ast.CallExpr); ok && success && isBool(info.TypeOf(c)) {
			for _, a := range c.Args {
				if t.isErrVar(info, a) {
					found = true
					return false
				}
			}
		}
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		if v, ok := info.Uses[id].(*types.Var); ok && t[v] && !apis.IsError(v.Type()) {
			found = true
		}
		return true
	})
	return found
}

func (t taint) isErrVar(info *types.Info, x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && t[v] && apis.IsError(v.Type())
}

func isBool(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// outerName names the declared function around cur, for the head of the
// chain in messages.
func outerName(sum *summary.Result, cur inspector.Cursor) string {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return sum.Name(c.Node())
	}
	return ""
}

func lastLink(chain string) string {
	links := strings.Split(chain, " → ")
	return links[len(links)-1]
}

// apiParts splits a round-trip's short name, (*sql.DB).QueryContext, into
// its package name and method name.
func apiParts(name string) (pkg, method string) {
	dot := strings.LastIndex(name, ".")
	if dot < 0 {
		return "", name
	}
	pkg = strings.TrimLeft(name[:dot], "(*")
	if i := strings.Index(pkg, "."); i >= 0 {
		pkg = pkg[:i]
	}
	return pkg, name[dot+1:]
}

// writes are the round-trip methods that change rows one call at a time.
var writes = map[string]bool{
	"Exec": true, "ExecContext": true, "MustExec": true, "MustExecContext": true,
	"NamedExec": true, "NamedExecContext": true,
	"Create": true, "Save": true, "Update": true, "Updates": true, "UpdateColumn": true, "UpdateColumns": true,
	"Delete": true, "FirstOrCreate": true,
	"InsertOne": true, "UpdateOne": true, "UpdateByID": true, "ReplaceOne": true, "DeleteOne": true,
}

func isWrite(api string) bool {
	_, m := apiParts(api)
	return writes[m]
}

// fix tells how to do the work in one or a few round-trips, in the terms of
// the library that makes them.
func fix(api string) string {
	pkg, _ := apiParts(api)
	write := isWrite(api)
	switch pkg {
	case "redis":
		return "pipeline the commands (Pipelined) or use a multi-key command (MGET, MSET, HMGET)"
	case "mongo":
		if write {
			return "write them together with InsertMany or BulkWrite"
		}
		return "fetch them together with one Find on an $in filter, or a $lookup"
	case "gorm":
		if write {
			return "write them together: Create(&slice) or CreateInBatches"
		}
		return "load them together: Preload/Joins, or one query with Where(\"id IN ?\", ids)"
	case "pgx", "pgxpool":
		if write {
			return "send them together: a pgx.Batch, CopyFrom, or one multi-row INSERT"
		}
		return "fetch them together: a JOIN or WHERE id = ANY($1), or queue the queries in a pgx.Batch"
	}
	if write {
		return "batch the writes: one multi-row INSERT (or COPY), or a prepared statement in one transaction"
	}
	return "fetch them together: a JOIN or one query with WHERE id IN (…) / = ANY($1)"
}

func isMap(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}
