package unboundedgo

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

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

// Analyzer reports goroutines started once per item of unbounded data.
var Analyzer = &analysis.Analyzer{
	Name:     "unboundedgo",
	Doc:      doc.Extract(docSource, "unboundedgo"),
	URL:      "https://github.com/perflint/perflint#unboundedgo",
	Requires: []*analysis.Analyzer{inspect.Analyzer, summary.Analyzer},
	Run:      run,
}

// spawner is how a site starts a goroutine.
type spawner int

const (
	goStmt spawner = iota
	errgroupGo
	waitGroupGo
)

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	var limited map[types.Object]bool // groups with SetLimit, built on first need
	for _, f := range skip.Files(pass) {
		file, _ := ins.Root().FindNode(f)
		for cur := range file.Preorder((*ast.GoStmt)(nil), (*ast.CallExpr)(nil)) {
			kind, ok := spawnKind(pass.TypesInfo, cur.Node())
			if !ok {
				continue
			}
			if kind == errgroupGo && limited == nil {
				limited = setLimits(pass, ins)
			}
			checkSite(pass, sum, limited, cur, kind)
		}
	}
	return nil, nil
}

// spawnKind tells whether n starts a goroutine: a go statement,
// (*errgroup.Group).Go/TryGo, (*sync.WaitGroup).Go.
func spawnKind(info *types.Info, n ast.Node) (spawner, bool) {
	switch n := n.(type) {
	case *ast.GoStmt:
		return goStmt, true
	case *ast.CallExpr:
		fn := apis.Callee(info, n)
		if fn == nil {
			return 0, false
		}
		switch fn.FullName() {
		case "(*golang.org/x/sync/errgroup.Group).Go", "(*golang.org/x/sync/errgroup.Group).TryGo":
			return errgroupGo, true
		case "(*sync.WaitGroup).Go":
			return waitGroupGo, true
		}
	}
	return 0, false
}

// setLimits returns the groups (variables or fields) on which the package
// calls (*errgroup.Group).SetLimit.
func setLimits(pass *analysis.Pass, ins *inspector.Inspector) map[types.Object]bool {
	m := make(map[types.Object]bool)
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := apis.Callee(pass.TypesInfo, call)
		if fn == nil || fn.FullName() != "(*golang.org/x/sync/errgroup.Group).SetLimit" {
			continue
		}
		if len(call.Args) == 1 && negativeConst(pass.TypesInfo, call.Args[0]) {
			continue // SetLimit(-1) removes the limit
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if obj := objectOf(pass.TypesInfo, sel.X); obj != nil {
				m[obj] = true
			}
		}
	}
	return m
}

// negativeConst reports whether e is a constant below zero.
func negativeConst(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) < 0
}

// objectOf returns the variable or field an expression names (g, s.g, &g),
// or nil.
func objectOf(info *types.Info, e ast.Expr) types.Object {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.Ident:
		return info.Uses[e]
	case *ast.SelectorExpr:
		return info.Uses[e.Sel]
	}
	return nil
}

func checkSite(pass *analysis.Pass, sum *summary.Result, limited map[types.Object]bool, cur inspector.Cursor, kind spawner) {
	info := pass.TypesInfo
	loop, ok := loops.Find(info, cur, func(l loops.Loop) bool { return dataSized(pass, sum, l) })
	if !ok {
		return
	}
	n := cur.Node()
	if kind == errgroupGo {
		call := n.(*ast.CallExpr)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if obj := objectOf(info, sel.X); obj != nil && limited[obj] {
				return // g.SetLimit(n): at most n at a time
			}
		}
	}
	if limitedInLoop(info, loop, n) || acquiresFirst(info, spawnedCall(n)) || lastIteration(cur, loop) {
		return
	}
	if workerPool(info, loop, n) {
		return
	}
	var what, fix string
	switch kind {
	case goStmt:
		what = "go statement"
		fix = "bound it with errgroup.Group.SetLimit, a buffered-channel semaphore, semaphore.Weighted, or a fixed pool of workers reading from a channel"
	case errgroupGo:
		what = "errgroup.Group.Go"
		fix = "call SetLimit(n) on the group before the loop"
	case waitGroupGo:
		what = "sync.WaitGroup.Go"
		fix = "a WaitGroup has no limit: use an errgroup.Group with SetLimit, a semaphore, or a fixed pool of workers"
	}
	rank.Report(pass, analysis.Diagnostic{
		Pos:     n.Pos(),
		End:     n.End(),
		Message: fmt.Sprintf("%s in a loop over %s starts one goroutine per item with no limit: a large input starts them all at once, exhausting memory and connections and flooding what they call; %s", what, describeLoop(info, loop), fix),
		Related: []analysis.RelatedInformation{{Pos: loop.Node.Pos(), Message: "the loop"}},
	}, judge(info, sum, loop, cur))
}

// lastIteration reports whether the spawn at cur ends its iteration and
// the loop with it (a return or a break of the loop follows it): the loop
// starts one goroutine at most, not one per item.
func lastIteration(cur inspector.Cursor, loop loops.Loop) bool {
	switch loop.Node.(type) {
	case *ast.ForStmt, *ast.RangeStmt: // a callback's return ends one round
		return loops.LeavesAfter(cur, loop.Body())
	}
	return false
}

// judge ranks a spawn in loop as the loop's items do (rank.InLoop), and a
// level lower when the items do not all arrive at once: messages read
// from a channel or a stream start goroutines as they come, and each ends
// in turn, so how many run together depends on how fast each finishes;
// a loop that steps over a batch of items at a time starts one goroutine
// per batch.
func judge(info *types.Info, sum *summary.Result, loop loops.Loop, cur inspector.Cursor) rank.Judgment {
	j := rank.InLoop(rank.Pass{Info: info, Sum: sum}, loop, summary.EnclosingFunc(cur))
	if j.Level == confidence.Low || j.Drop {
		return j
	}
	switch {
	case streamed(info, loop):
		return j.Lower("messages arrive over time, so the goroutines do not all start at once")
	case batchStep(info, loop):
		return j.Lower("the loop steps over a batch of items at a time: one goroutine per batch")
	}
	return j
}

// streamed reports whether loop takes its items from a channel or a
// stream of received messages (a loop with no condition).
func streamed(info *types.Info, loop loops.Loop) bool {
	switch n := loop.Node.(type) {
	case *ast.RangeStmt:
		_, ok := info.TypeOf(n.X).Underlying().(*types.Chan)
		return ok
	case *ast.ForStmt:
		return n.Cond == nil
	}
	return false
}

// batchStep reports whether loop is `for i := ...; ...; i += k` with a
// constant k above 1.
func batchStep(info *types.Info, loop loops.Loop) bool {
	f, ok := loop.Node.(*ast.ForStmt)
	if !ok {
		return false
	}
	as, ok := f.Post.(*ast.AssignStmt)
	if !ok || as.Tok != token.ADD_ASSIGN || len(as.Rhs) != 1 {
		return false
	}
	k, ok := constant.Int64Val(constant.ToInt(info.Types[as.Rhs[0]].Value))
	return ok && k > 1
}

// dataSized reports whether a hot loop's trip count comes from data rather
// than from the program's configuration.
func dataSized(pass *analysis.Pass, sum *summary.Result, l loops.Loop) bool {
	info := pass.TypesInfo
	switch n := l.Node.(type) {
	case *ast.ForStmt:
		if n.Cond == nil {
			return receivesWork(info, n.Body)
		}
		if bound := countBound(n); bound != nil && fixedCount(info, l.Cursor, bound) {
			return false
		}
	case *ast.RangeStmt:
		if t, ok := info.TypeOf(n.X).Underlying().(*types.Basic); ok && t.Info()&types.IsInteger != 0 {
			return !fixedCount(info, l.Cursor, n.X)
		}
		if rangesOverCode(info, n.X) {
			return false // one goroutine per registered hook or destination: their number is in the code
		}
		if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				if size := madeWith(info, astx.LocalInit(info, l.Cursor, v)); size != nil && fixedCount(info, l.Cursor, size) {
					return false // workers := make([]*worker, cfg.Parallel)
				}
			}
		}
		if configRange(info, n.X) && startupOnly(sum, l.Cursor) {
			return false // one long-lived goroutine per configured listener or shard
		}
	}
	return true
}

// capGetter reports whether e, an argument of min, reads a configured cap:
// a call with no arguments (maxWorkers(), cfg.Limit()), less what is
// already running (maxGs() - running). Writing min around a goroutine count
// is itself the statement of a limit.
func capGetter(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if bin, ok := e.(*ast.BinaryExpr); ok && bin.Op == token.SUB {
		e = ast.Unparen(bin.X)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsValue() && !tv.IsBuiltin()
}

// countBound returns the bound of a three-clause counting loop.
func countBound(loop *ast.ForStmt) ast.Expr {
	cond, ok := loop.Cond.(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	switch cond.Op {
	case token.LSS, token.LEQ, token.NEQ:
		return cond.Y
	case token.GTR, token.GEQ:
		return cond.X
	}
	return nil
}

// fixedCount reports whether a count is set by the program, not by data: a
// constant, runtime.NumCPU(), runtime.GOMAXPROCS(..), a struct field (a
// configured worker or shard count), or a local variable initialized from
// one of those.
func fixedCount(info *types.Info, at inspector.Cursor, e ast.Expr) bool {
	return fixedCountDepth(info, at, e, 0)
}

func fixedCountDepth(info *types.Info, at inspector.Cursor, e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		if fn := apis.Callee(info, e); fn != nil {
			switch fn.FullName() {
			case "runtime.NumCPU", "runtime.GOMAXPROCS":
				return true
			}
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "min" {
				for _, arg := range e.Args {
					if fixedCountDepth(info, at, arg, depth+1) || capGetter(info, arg) || isParam(info, arg) {
						return true // min(len(items), maxWorkers), min(n, maxGs()-running), min(workers, len(jobs))
					}
				}
			}
		}
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return fixedCountDepth(info, at, e.Args[0], depth+1) // int(cfg.Workers)
		}
	case *ast.BinaryExpr:
		return fixedCountDepth(info, at, e.X, depth+1) && fixedCountDepth(info, at, e.Y, depth+1)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			return true
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if init := astx.LocalInit(info, at, v); init != nil {
			return fixedCountDepth(info, at, init, depth+1)
		}
	}
	return false
}

// isParam reports whether e names a parameter of the function: in
// min(workers, len(jobs)), the caller's choice of a limit.
func isParam(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Kind() == types.ParamVar
}

// receivesWork reports whether an endless loop takes items from a channel
// (job := <-jobs, case job := <-jobs): then it runs once per message. An
// accept loop, or one reading from anything else, is left alone.
func receivesWork(info *types.Info, body *ast.BlockStmt) bool {
	found, accepts := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, rhs := range n.Rhs {
				if u, ok := ast.Unparen(rhs).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
					found = true
				}
			}
		case *ast.CallExpr:
			if isAccept(info, n) {
				accepts = true
			}
		}
		return true
	})
	return found && !accepts
}

// isAccept reports whether call accepts a network connection: a method
// Accept (or AcceptTCP, AcceptUnix) whose first result is a net.Conn.
func isAccept(info *types.Info, call *ast.CallExpr) bool {
	fn := apis.Callee(info, call)
	if fn == nil {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || sig.Results().Len() == 0 {
		return false
	}
	switch fn.Name() {
	case "Accept", "AcceptTCP", "AcceptUnix":
	default:
		return false
	}
	conn := netConn(fn)
	return conn != nil && types.Implements(sig.Results().At(0).Type(), conn)
}

// netConn finds the net.Conn interface among the packages fn can see.
func netConn(fn *types.Func) *types.Interface {
	seen := make(map[*types.Package]bool)
	var find func(p *types.Package) *types.Interface
	find = func(p *types.Package) *types.Interface {
		if p == nil || seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == "net" {
			if obj, ok := p.Scope().Lookup("Conn").(*types.TypeName); ok {
				iface, _ := obj.Type().Underlying().(*types.Interface)
				return iface
			}
			return nil
		}
		for _, imp := range p.Imports() {
			if i := find(imp); i != nil {
				return i
			}
		}
		return nil
	}
	return find(fn.Pkg())
}

// configRange reports whether a range expression is configuration held by
// the program: a struct field or a package-level variable.
func configRange(info *types.Info, x ast.Expr) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok {
			return sel.Kind() == types.FieldVal
		}
		v, ok := info.Uses[x.Sel].(*types.Var) // pkg.Var
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	}
	return false
}

func startupOnly(sum *summary.Result, at inspector.Cursor) bool {
	for c := range at.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return sum.StartupOnly(c.Node())
	}
	return false
}

// limitedInLoop reports whether the loop body limits how many goroutines
// run: before the site, a semaphore is taken (a send on or receive from a
// channel the goroutine also uses, semaphore.Weighted.Acquire, a rate
// limiter's Wait); or after it, the iteration waits for the goroutine
// (wg.Wait, g.Wait, a receive).
func limitedInLoop(info *types.Info, loop loops.Loop, site ast.Node) bool {
	body := loop.Body()
	if body == nil {
		return false
	}
	goCall := spawnedCall(site)
	limited := false
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || limited || n == site {
			return !limited && n != site
		}
		if lit, ok := n.(*ast.FuncLit); ok && !containsPos(lit, site.Pos()) {
			return false // another goroutine's or callback's body
		}
		before := n.End() <= site.Pos()
		after := n.Pos() >= site.End()
		switch n := n.(type) {
		case *ast.SendStmt:
			if before && usesChan(info, goCall, n.Chan) {
				limited = true
			}
		case *ast.ExprStmt:
			// <-sem: a token taken, its value discarded.
			if u, ok := ast.Unparen(n.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW && before && usesChan(info, goCall, u.X) {
				limited = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && after {
				limited = true // the iteration waits for a result
			}
		case *ast.CallExpr:
			if fn := apis.Callee(info, n); fn != nil {
				name := fn.FullName()
				if before && acquires[name] || after && waits[name] {
					limited = true
				}
			}
		}
		return true
	})
	return limited
}

// acquiresFirst reports whether the goroutine's first act is to take a
// semaphore token (sem <- struct{}{}, sem.Acquire(ctx, 1)): the goroutines
// are cheap and parked, and the work they do — the connections they open —
// is bounded by the semaphore.
func acquiresFirst(info *types.Info, spawned ast.Node) bool {
	lit := literalOf(spawned)
	if lit == nil || len(lit.Body.List) == 0 {
		return false
	}
	isAcquire := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := apis.Callee(info, call)
		return fn != nil && acquires[fn.FullName()]
	}
	switch first := lit.Body.List[0].(type) {
	case *ast.SendStmt: // a token on a chan struct{}, not a result sent out
		ch, ok := info.TypeOf(first.Chan).Underlying().(*types.Chan)
		if !ok {
			return false
		}
		token, ok := ch.Elem().Underlying().(*types.Struct)
		return ok && token.NumFields() == 0
	case *ast.ExprStmt:
		return isAcquire(first.X)
	case *ast.IfStmt: // if err := sem.Acquire(ctx, 1); err != nil { ... }
		if init, ok := first.Init.(*ast.AssignStmt); ok && len(init.Rhs) == 1 {
			return isAcquire(init.Rhs[0])
		}
	}
	return false
}

var acquires = map[string]bool{
	"(*golang.org/x/sync/semaphore.Weighted).Acquire":    true,
	"(*golang.org/x/sync/semaphore.Weighted).TryAcquire": true,
	"(*golang.org/x/time/rate.Limiter).Wait":             true,
	"(*golang.org/x/time/rate.Limiter).WaitN":            true,
	// A sized wait group's Add blocks while its limit of goroutines runs.
	"(*github.com/remeh/sizedwaitgroup.SizedWaitGroup).Add":            true,
	"(*github.com/remeh/sizedwaitgroup.SizedWaitGroup).AddWithContext": true,
}

var waits = map[string]bool{
	"(*sync.WaitGroup).Wait":                   true,
	"(*golang.org/x/sync/errgroup.Group).Wait": true,
}

// spawnedCall returns the call a site starts: the go statement's call, or
// the argument of g.Go / wg.Go.
func spawnedCall(site ast.Node) ast.Node {
	switch n := site.(type) {
	case *ast.GoStmt:
		return n.Call
	case *ast.CallExpr:
		if len(n.Args) == 1 {
			return n.Args[0]
		}
		return n
	}
	return site
}

// usesChan reports whether the goroutine's code mentions the channel ch
// (releases the semaphore), or, when that code is out of sight (go
// worker(x)), takes it as an argument or cannot be seen at all.
func usesChan(info *types.Info, spawned ast.Node, ch ast.Expr) bool {
	obj := objectOf(info, ch)
	if obj == nil {
		return false
	}
	if _, isChan := obj.Type().Underlying().(*types.Chan); !isChan {
		return false
	}
	lit := literalOf(spawned)
	if lit == nil {
		return true // go worker(...): the release is in code we do not see here
	}
	found := false
	ast.Inspect(lit, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if info.Uses[n] == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

func literalOf(n ast.Node) *ast.FuncLit {
	switch n := n.(type) {
	case *ast.FuncLit:
		return n
	case *ast.CallExpr:
		if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
			return lit
		}
	}
	return nil
}

func containsPos(n ast.Node, pos token.Pos) bool {
	return n.Pos() <= pos && pos < n.End()
}

// describeLoop names what the loop iterates over, for messages.
func describeLoop(info *types.Info, loop loops.Loop) string {
	switch n := loop.Node.(type) {
	case *ast.RangeStmt:
		switch t := info.TypeOf(n.X).Underlying().(type) {
		case *types.Slice:
			return "a slice"
		case *types.Map:
			return "a map"
		case *types.Chan:
			return "a channel"
		case *types.Signature:
			return "an iterator"
		case *types.Basic:
			if t.Info()&types.IsInteger != 0 {
				return "a count set at run time"
			}
			return "a string"
		case *types.Pointer:
			return "an array"
		}
	case *ast.ForStmt:
		if n.Cond == nil {
			return "received messages"
		}
		found := ""
		ast.Inspect(n.Cond, func(x ast.Node) bool {
			if call, ok := x.(*ast.CallExpr); ok && apis.IsRowIterator(info, call) && found == "" {
				found = apis.ShortName(apis.Callee(info, call))
			}
			return found == ""
		})
		if found != "" {
			return "the rows of " + found
		}
		return "a count set at run time"
	case *ast.CallExpr:
		if fn := apis.Callee(info, n); fn != nil {
			return "the items of " + apis.ShortName(fn)
		}
	}
	return "data"
}

// rangesOverCode reports whether x is a slice or map of functions (hooks,
// callbacks) or of implementations of an interface (destinations,
// notifiers): the program registers those, their number is not data.
func rangesOverCode(info *types.Info, x ast.Expr) bool {
	t := info.TypeOf(x)
	if t == nil {
		return false
	}
	var elem types.Type
	switch t := t.Underlying().(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Map:
		elem = t.Elem()
	default:
		return false
	}
	switch e := elem.Underlying().(type) {
	case *types.Signature:
		return true
	case *types.Interface:
		// Implementations of a behaviour (destinations, notifiers,
		// plugins) are registered by code; any and error hold data.
		return e.NumMethods() > 0 && !types.Identical(elem, types.Universe.Lookup("error").Type())
	}
	return false
}

// madeWith returns n for make([]T, n), or nil.
func madeWith(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return nil
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "make" {
		return nil
	}
	return call.Args[1]
}

// workerPool reports whether the loop starts a pool: it counts (to
// anything but the length of some data) and each goroutine takes its work
// from a channel (ranges over or receives from one, or is handed one).
func workerPool(info *types.Info, loop loops.Loop, site ast.Node) bool {
	var bound ast.Expr
	switch n := loop.Node.(type) {
	case *ast.ForStmt:
		bound = countBound(n)
	case *ast.RangeStmt:
		if t, ok := info.TypeOf(n.X).Underlying().(*types.Basic); ok && t.Info()&types.IsInteger != 0 {
			bound = n.X
		}
	}
	if bound == nil || mentionsLen(info, bound) {
		return false
	}
	spawned := spawnedCall(site)
	return readsChannel(info, spawned) || !usesLoopVars(info, loop.Node, spawned)
}

// usesLoopVars reports whether the spawned code refers to the loop's
// iteration variables. Goroutines that do not (for i := 0; i < n; i++ { go
// w.runner() }) are n identical workers sharing the work: a pool of n, not
// one goroutine per item.
func usesLoopVars(info *types.Info, loop ast.Node, spawned ast.Node) bool {
	vars := make(map[types.Object]bool)
	define := func(e ast.Expr) {
		if id, ok := e.(*ast.Ident); ok && info.Defs[id] != nil {
			vars[info.Defs[id]] = true
		}
	}
	switch n := loop.(type) {
	case *ast.ForStmt:
		if init, ok := n.Init.(*ast.AssignStmt); ok {
			for _, lhs := range init.Lhs {
				define(lhs)
			}
		}
	case *ast.RangeStmt:
		define(n.Key)
		define(n.Value)
	}
	if len(vars) == 0 || spawned == nil {
		return false
	}
	found := false
	ast.Inspect(spawned, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && vars[info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

func mentionsLen(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
				found = true
			}
		}
		return !found
	})
	return found
}

// readsChannel reports whether the spawned code takes work from a channel:
// a literal that ranges over or receives from a channel variable, or a
// call given a channel.
func readsChannel(info *types.Info, spawned ast.Node) bool {
	isChan := func(e ast.Expr) bool {
		t := info.TypeOf(e)
		if t == nil {
			return false
		}
		_, ok := t.Underlying().(*types.Chan)
		return ok
	}
	if lit := literalOf(spawned); lit != nil {
		found := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.RangeStmt:
				found = found || isChan(n.X)
			case *ast.UnaryExpr:
				if n.Op == token.ARROW {
					if _, isCall := ast.Unparen(n.X).(*ast.CallExpr); !isCall { // not <-ctx.Done()
						found = true
					}
				}
			}
			return !found
		})
		return found
	}
	call, ok := spawned.(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, arg := range call.Args {
		if isChan(arg) {
			return true
		}
	}
	return false
}
