package logloop

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
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

// indirect makes calls of functions that log at info level (through the
// summary facts) count as log calls.
var indirect bool

// debug makes debug-level calls not behind a level check count.
var debug = true

var Analyzer = &analysis.Analyzer{
	Name:     "logloop",
	Doc:      doc.Extract(docSource, "logloop"),
	URL:      "https://github.com/perflint/perflint#logloop",
	Requires: []*analysis.Analyzer{inspect.Analyzer, summary.Analyzer},
	Run:      run,
	Flags:    flags(),
}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("logloop", flag.ExitOnError)
	fs.BoolVar(&indirect, "indirect", false, "also report calls, inside a loop, of functions that log at debug or info level (through helpers and other packages)")
	fs.BoolVar(&debug, "debug", true, "report debug-level log calls that are not behind a level check (they build their arguments on every iteration)")
	return *fs
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	var guards guardVars     // computed on the first log call in a loop
	var memory memoryLoggers // likewise
	for _, f := range skip.Files(pass) {
		file, _ := ins.Root().FindNode(f)
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			checkCall(pass, sum, &guards, &memory, ins, cur)
		}
	}
	return nil, nil
}

// guardVars are the variables and fields that hold the answer of a level
// check (debug := logger.Enabled(ctx, slog.LevelDebug)): a test of one is
// a level check.
type guardVars struct {
	done bool
	vars map[types.Object]bool
}

func (g *guardVars) has(pass *analysis.Pass, ins *inspector.Inspector, obj types.Object) bool {
	if !g.done {
		g.done = true
		g.vars = make(map[types.Object]bool)
		mark := func(lhs ast.Expr, rhs ast.Expr) {
			if !checksLevel(pass.TypesInfo, rhs) {
				return
			}
			switch l := ast.Unparen(lhs).(type) {
			case *ast.Ident:
				g.vars[pass.TypesInfo.ObjectOf(l)] = true
			case *ast.SelectorExpr:
				g.vars[pass.TypesInfo.ObjectOf(l.Sel)] = true
			}
		}
		for lhs, rhs := range astx.Bindings(ins.Root()) {
			mark(lhs, rhs)
		}
		for cur := range ins.Root().Preorder((*ast.KeyValueExpr)(nil)) {
			n := cur.Node().(*ast.KeyValueExpr) // Options{Verbose: logger.Enabled(...)}
			if id, ok := n.Key.(*ast.Ident); ok {
				mark(id, n.Value)
			}
		}
	}
	return obj != nil && g.vars[obj]
}

// checkCall reports the call at cur if it writes a debug or info log line
// once per iteration of a loop over data, on a path that stays in the loop
// and is not guarded by a level check or a sampling test.
func checkCall(pass *analysis.Pass, sum *summary.Result, guards *guardVars, memory *memoryLoggers, ins *inspector.Inspector, cur inspector.Cursor) {
	info := pass.TypesInfo
	call := cur.Node().(*ast.CallExpr)
	level := summary.Config.LogLevel(info, call)
	chain := ""
	switch level {
	case apis.Debug:
		if !debug || freeWhenOff(info, call) {
			return
		}
	case apis.Info:
	case apis.NotLog:
		if !indirect || apis.Callee(info, call) == nil {
			return
		}
		c, ok := sum.Effect(call, summary.InfoLog)
		if !ok {
			return
		}
		chain, level = c, apis.Info
	default:
		return // warnings and errors are rare; Fatal and Panic leave the loop
	}
	fn := summary.EnclosingFunc(cur)
	if fn == nil || sum.StartupOnly(fn) || skip.TestHelper(info, summary.OuterDecl(cur)) {
		return
	}
	// An event loop ends the search: a line per event is like a line per
	// request, even when workers serving events are started in a loop.
	loop, ok := loops.Find(info, cur, func(l loops.Loop) bool { return !loops.OverRegistry(info, l) && !sum.LaterBetween(cur, l.Node) })
	if !ok || loops.EventLoop(info, loop.Node) || overErrors(info, loop.Node) {
		return
	}
	if memory.writesToMemory(pass, ins, call) {
		return
	}
	isGuard := func(obj types.Object) bool { return guards.has(pass, ins, obj) }
	if levelChecked(info, cur, isGuard) || flagGuarded(info, cur, loop.Node) || rareBranch(info, cur, loop.Node) || leavesLoop(info, cur, loop.Node) {
		return
	}
	name := apis.CalleeName(info, call)
	via := ""
	if chain != "" {
		via = " (" + chain + ")"
	}
	var msg string
	if level == apis.Debug {
		msg = fmt.Sprintf("debug log %s inside a loop%s builds its arguments on every iteration even when debug is off, and writes a line per item when it is on; guard it with a level check outside the hot path, or log one summary line after the loop", name, via)
	} else {
		msg = fmt.Sprintf("%s inside a loop%s writes a log line per iteration: I/O and allocation per item slow the loop and flood the logs; log one summary line with counts after the loop, or log per item at debug level behind a level check", name, via)
	}
	rank.Report(pass, analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: msg,
		Related: []analysis.RelatedInformation{{Pos: loop.Node.Pos(), End: loop.Node.End(), Message: "the loop"}},
	}, besideIO(sum, loop.Node, capped(rank.InLoop(rank.Pass{Info: info, Sum: sum}, loop, fn))))
}

// besideIO lowers j to low when the loop makes a round-trip or an
// outbound request per item anyway: the log line is noise beside that
// (and the round-trip is queryloop's finding).
func besideIO(sum *summary.Result, loop ast.Node, j rank.Judgment) rank.Judgment {
	if j.Level == confidence.Low {
		return j
	}
	io := false
	ast.Inspect(loop, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !io {
			_, io = sum.Effect(call, summary.Query)
		}
		return !io
	})
	if !io {
		return j
	}
	return rank.Judgment{Level: confidence.Low, Why: j.Why + "; each iteration makes a round-trip, beside which a log line is noise"}
}

// freeWhenOff reports whether a debug-level call costs next to nothing
// while debug is off: a leveled logger's chain of typed fields
// (zerolog's log.Debug().Str("k", v).Msg("m"), zap's
// logger.Debug("m", zap.String("k", v))) whose arguments are all values
// at hand — no formatting, no call to build one. zerolog returns a nil
// event and zap checks the level before using a field.
func freeWhenOff(info *types.Info, call *ast.CallExpr) bool {
	fn := apis.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "github.com/rs/zerolog":
		if fn.Name() != "Msg" && fn.Name() != "Send" {
			return false // Msgf boxes its arguments into interfaces
		}
		for c := call; c != nil; {
			if !allAtHand(info, c.Args) {
				return false
			}
			sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
			if !ok {
				return false
			}
			next, ok := ast.Unparen(sel.X).(*ast.CallExpr)
			if !ok {
				return true // the logger itself: log.Debug(), l.Trace()
			}
			if f := apis.Callee(info, next); f == nil || f.Pkg() == nil || f.Pkg().Path() != fn.Pkg().Path() {
				return false
			}
			c = next
		}
	case "go.uber.org/zap":
		if fn.Name() != "Debug" || len(call.Args) == 0 || !atHand(info, call.Args[0]) {
			return false
		}
		for _, a := range call.Args[1:] {
			field, ok := ast.Unparen(a).(*ast.CallExpr)
			if !ok {
				return false // a field built elsewhere: what it holds is not in view
			}
			f := apis.Callee(info, field)
			if f == nil || f.Pkg() == nil || f.Pkg().Path() != "go.uber.org/zap" || !typedField[f.Name()] || !allAtHand(info, field.Args) {
				return false
			}
		}
		return true
	}
	return false
}

// typedField are zap's field constructors that store their value as is.
var typedField = map[string]bool{"String": true, "Int": true, "Int64": true, "Int32": true, "Uint": true, "Uint64": true,
	"Bool": true, "Float64": true, "Duration": true, "Time": true}

func allAtHand(info *types.Info, args []ast.Expr) bool {
	for _, a := range args {
		if !atHand(info, a) {
			return false
		}
	}
	return true
}

// atHand reports whether x is a value at hand: a constant, a variable, or
// a field of one — nothing is computed or boxed to pass it.
func atHand(info *types.Info, x ast.Expr) bool {
	if tv, ok := info.Types[x]; ok && tv.Value != nil {
		return true
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return atHand(info, x.X)
	}
	return false
}

// capped keeps a log finding at medium at most: a line per item costs far
// less than a round-trip per item, and whether the loop is long enough for
// it to matter is seldom in the code.
func capped(j rank.Judgment) rank.Judgment {
	if j.Level > confidence.Medium {
		return rank.Judgment{Level: confidence.Medium, Why: j.Why + "; a log line per item costs less than a round-trip"}
	}
	return j
}

// overErrors reports whether the loop ranges over errors (for _, err :=
// range errs): a line per error is an error report, rare by nature,
// whatever the level of the call that writes it.
func overErrors(info *types.Info, loop ast.Node) bool {
	rng, ok := loop.(*ast.RangeStmt)
	if !ok || rng.Value == nil {
		return false
	}
	t := info.TypeOf(rng.Value)
	return t != nil && types.Implements(t, errorIface) && types.IsInterface(t)
}

// levelChecked reports whether an if or switch around cur, in its function,
// asks the logger whether a level is enabled, or samples (i%1000 == 0).
func levelChecked(info *types.Info, cur inspector.Cursor, isGuard func(types.Object) bool) bool {
	for c := cur; c.Valid(); c = c.Parent() {
		p := c.Parent()
		var tests []ast.Node
		switch n := p.Node().(type) {
		case *ast.FuncDecl:
			return false
		case *ast.IfStmt:
			if c.Node() == n.Body {
				tests = append(tests, n.Cond)
				if n.Init != nil {
					tests = append(tests, n.Init)
				}
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				tests = append(tests, e)
			}
		}
		for _, t := range tests {
			if checksLevel(info, t) || samples(t) || testsGuard(info, t, isGuard) {
				return true
			}
		}
	}
	return false
}

// flagGuarded reports whether the log is in the body of an if that tests
// only a switch set outside the loop: a constant (if traceAlloc, if
// false), or a bool parameter, package variable or field of something
// declared outside the loop (if logErr, if s.verbose). Such a switch is a
// verbosity setting, off unless someone is debugging.
func flagGuarded(info *types.Info, cur inspector.Cursor, loop ast.Node) bool {
	for c := cur; c.Valid() && c.Node() != loop; c = c.Parent() {
		ifs, ok := c.Parent().Node().(*ast.IfStmt)
		if !ok || c.Node() != ifs.Body {
			continue
		}
		if tv, ok := info.Types[ifs.Cond]; ok && tv.Value != nil {
			return true
		}
		x := ast.Unparen(ifs.Cond)
		if !isBool(info.TypeOf(x)) {
			continue
		}
		for {
			sel, ok := x.(*ast.SelectorExpr)
			if !ok {
				break
			}
			x = ast.Unparen(sel.X)
		}
		id, ok := x.(*ast.Ident)
		if !ok {
			continue
		}
		if obj := info.Uses[id]; obj != nil && (obj.Pos() < loop.Pos() || obj.Pos() >= loop.End()) && !assignedIn(info, loop, obj) {
			return true
		}
	}
	return false
}

// assignedIn reports whether loop assigns obj (found = true).
func assignedIn(info *types.Info, loop ast.Node, obj types.Object) bool {
	assigned := false
	ast.Inspect(loop, func(n ast.Node) bool {
		if a, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range a.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.ObjectOf(id) == obj {
					assigned = true
				}
			}
		}
		return !assigned
	})
	return assigned
}

func isBool(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

// checksLevel reports whether x calls a level check.
func checksLevel(info *types.Info, x ast.Node) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && apis.IsLevelCheck(info, call) {
			found = true
		}
		return !found
	})
	return found
}

// testsGuard reports whether x reads a variable or field holding a level
// check's answer.
func testsGuard(info *types.Info, x ast.Node, isGuard func(types.Object) bool) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && isGuard(info.Uses[id]) {
			found = true
		}
		return !found
	})
	return found
}

// samples reports whether x tests a remainder (i%1000 == 0): a progress
// line every so many items.
func samples(x ast.Node) bool {
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.REM || b.Op == token.AND) {
			found = true
		}
		return !found
	})
	return found
}

// rareBranch reports whether cur, within loop, is on an error path: the
// body of an if that tests an error for failure (err != nil, errors.Is),
// the else of one that tests it for success, or a case that tests one.
// Errors are rare; logging them, then continuing with the next item, is
// worth its cost.
func rareBranch(info *types.Info, cur inspector.Cursor, loop ast.Node) bool {
	for c := cur; c.Valid() && c.Node() != loop; c = c.Parent() {
		p := c.Parent()
		switch n := p.Node().(type) {
		case *ast.IfStmt:
			if c.Node() == n.Body && testsError(info, n.Cond, true) {
				return true
			}
			if c.Node() == n.Else && testsError(info, n.Cond, false) {
				return true
			}
		case *ast.CaseClause:
			for _, e := range n.List {
				if testsError(info, e, true) {
					return true
				}
			}
		}
	}
	return false
}

// testsError reports whether cond tests an error for failure (failed) or
// for success (!failed).
func testsError(info *types.Info, cond ast.Expr, failed bool) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.BinaryExpr:
			op := token.NEQ
			if !failed {
				op = token.EQL
			}
			if n.Op == op && (isError(info, n.X) && isNil(info, n.Y) || isError(info, n.Y) && isNil(info, n.X)) {
				found = true
			}
			// len(errs) > 0 (or == 0 for the other branch) on a collection
			// of errors: an error report.
			if failed && (n.Op == token.GTR || n.Op == token.NEQ) || !failed && n.Op == token.EQL {
				found = found || lenOfErrors(info, n.X) && isZero(info, n.Y)
			}
		case *ast.CallExpr:
			// errors.Is(err, ErrX), os.IsNotExist(err): a predicate on an error.
			if failed && isBoolCall(info, n) {
				for _, a := range n.Args {
					if isError(info, a) {
						found = true
					}
				}
			}
		}
		return true
	})
	return found
}

// lenOfErrors reports whether x is len(c) for a slice, array or map of
// errors.
func lenOfErrors(info *types.Info, x ast.Expr) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok {
		return false
	} else if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "len" {
		return false
	}
	var elem types.Type
	switch t := info.TypeOf(call.Args[0]).Underlying().(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Array:
		elem = t.Elem()
	case *types.Map:
		elem = t.Elem()
	default:
		return false
	}
	return apis.IsError(elem)
}

func isZero(info *types.Info, x ast.Expr) bool {
	tv, ok := info.Types[x]
	return ok && tv.Value != nil && tv.Value.String() == "0"
}

func isBoolCall(info *types.Info, call *ast.CallExpr) bool {
	t := info.TypeOf(call)
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.Bool
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isError(info *types.Info, x ast.Expr) bool {
	t := info.TypeOf(x)
	if t == nil || isNil(info, x) {
		return false
	}
	if _, ok := t.Underlying().(*types.Interface); !ok {
		return false // a concrete type that happens to implement error
	}
	return types.Implements(t, errorIface)
}

func isNil(info *types.Info, x ast.Expr) bool {
	tv, ok := info.Types[x]
	return ok && tv.IsNil()
}

// leavesLoop reports whether the statements that follow the log call, in
// each block from the call's up to the loop body, leave the loop: a
// return, a break that targets the loop or an outer one, a goto, a panic or
// an exit (log.Fatal, os.Exit). Such a line is written once, not per item.
func leavesLoop(info *types.Info, cur inspector.Cursor, loop ast.Node) bool {
	for c := cur; c.Valid() && c.Node() != loop; c = c.Parent() {
		p := c.Parent()
		var list []ast.Stmt
		switch n := p.Node().(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		default:
			continue
		}
		breakable, inLit := between(p, loop)
		after := false
		for _, s := range list {
			if s == c.Node() {
				after = true
				continue
			}
			if after && terminates(info, s, breakable, inLit) {
				return true
			}
		}
	}
	return false
}

// between reports what stands between cur and the loop around it: a
// switch, select or inner loop (which catches an unlabeled break), a
// function literal (whose return only ends the literal: the next iteration
// or callback follows).
func between(cur inspector.Cursor, loop ast.Node) (breakable, inLit bool) {
	for c := cur; c.Valid() && c.Node() != loop; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
			breakable = true
		case *ast.FuncLit:
			inLit = true
		}
	}
	return breakable, inLit
}

// terminates reports whether s leaves the loop around it.
func terminates(info *types.Info, s ast.Stmt, breakable, inLit bool) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return !inLit
	case *ast.BranchStmt:
		switch s.Tok {
		case token.GOTO:
			return !inLit
		case token.BREAK:
			return !inLit && (s.Label != nil || !breakable)
		}
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
				return true
			}
		}
		fn := apis.Callee(info, call)
		return fn != nil && apis.NoReturn(fn)
	}
	return false
}
