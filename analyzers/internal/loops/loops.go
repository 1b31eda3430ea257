// Package loops answers "does this code run once per iteration of a loop
// whose trip count depends on data?" for the perflint analyzers.
//
// A node is in a loop when it is in the body of a for or range statement of
// its own function, or in a function literal that runs in place inside such
// a body (called, deferred, started with go, or passed to a callee that runs
// it), or in a literal passed to an iterating callee (sync.Map.Range,
// pgx.ForEachRow, lo.ForEach). A literal created in a loop but kept for
// later — a route registered with a handler, a time.AfterFunc — is not.
//
// A loop is hot unless its trip count is small and fixed: a range over a
// composite literal of at most MaxSmall elements, a fixed-size array, a
// small integer constant, or a three-clause for loop with a small constant
// bound (bounded retries); or unless it is paced by a timer (a polling loop
// that sleeps or waits on a ticker each round). A range over the files of an
// embed.FS is not hot either: their number is fixed by the build.
package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
)

// MaxSmall is the largest trip count of a loop that is not hot.
const MaxSmall = 8

// Loop is a loop found around a node.
type Loop struct {
	Node   ast.Node         // *ast.ForStmt, *ast.RangeStmt, or the iterating *ast.CallExpr
	Cursor inspector.Cursor // at Node
}

// Body returns the block that runs once per iteration: the statement's
// body, or the body of the literal an iterating callee runs.
func (l Loop) Body() *ast.BlockStmt {
	switch n := l.Node.(type) {
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	case *ast.CallExpr:
		for _, arg := range n.Args {
			if lit, ok := arg.(*ast.FuncLit); ok {
				return lit.Body
			}
		}
	}
	return nil
}

// Find returns the innermost hot loop that runs cur once per iteration,
// within cur's function, for which accept (if not nil) returns true.
func Find(info *types.Info, cur inspector.Cursor, accept func(Loop) bool) (Loop, bool) {
	for c := cur; ; {
		p := c.Parent()
		if !p.Valid() {
			return Loop{}, false
		}
		var loop *Loop
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.File, nil:
			return Loop{}, false // package-level code runs once
		case *ast.FuncLit:
			switch apis.HowLitRuns(info, n, p.Parent().Node()) {
			case apis.RunsPerItem:
				call := p.Parent()
				loop = &Loop{call.Node(), call}
			case apis.RunsHere:
			default:
				return Loop{}, false
			}
		case *ast.RangeStmt:
			if c.ParentEdgeKind() == edge.RangeStmt_Body && Hot(info, n) && !smallLocalRange(info, p, n) && !overEmbeddedFiles(info, p, n) && !pageOfOne(info, p, n) {
				loop = &Loop{n, p}
			}
		case *ast.ForStmt:
			if c.ParentEdgeKind() == edge.ForStmt_Body && Hot(info, n) {
				loop = &Loop{n, p}
			}
		}
		if loop != nil && (accept == nil || accept(*loop)) {
			return *loop, true
		}
		c = p
	}
}

// Hot reports whether a for or range statement's trip count depends on data.
func Hot(info *types.Info, loop ast.Stmt) bool {
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		return !smallRange(info, loop.X) && !ticks(info.TypeOf(loop.X)) && !Paced(info, loop.Body)
	case *ast.ForStmt:
		return !smallCount(info, loop) && !Paced(info, loop.Body)
	}
	return false
}

// smallRange reports whether ranging over x takes a small fixed number of
// iterations.
func smallRange(info *types.Info, x ast.Expr) bool {
	x = ast.Unparen(x)
	if lit, ok := x.(*ast.CompositeLit); ok {
		return len(lit.Elts) <= MaxSmall
	}
	if id, ok := x.(*ast.Ident); ok {
		if smallLiteralVar(info, id) != nil {
			return true
		}
	}
	tv, ok := info.Types[x]
	if !ok {
		return false
	}
	if tv.Value != nil { // range over a constant integer or string
		if n, ok := constant.Int64Val(constant.ToInt(tv.Value)); ok {
			return n <= MaxSmall
		}
		return tv.Value.Kind() == constant.String && len(constant.StringVal(tv.Value)) <= MaxSmall
	}
	t := tv.Type.Underlying()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem().Underlying()
	}
	_, isArray := t.(*types.Array)
	return isArray
}

// smallLiteralVar returns the composite literal of at most MaxSmall
// elements that initializes a package-level variable (var regions =
// []string{"eu", "us"}), or nil.
func smallLiteralVar(info *types.Info, id *ast.Ident) *ast.CompositeLit {
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	for _, init := range info.InitOrder {
		if len(init.Lhs) == 1 && init.Lhs[0] == v {
			if lit, ok := ast.Unparen(init.Rhs).(*ast.CompositeLit); ok && len(lit.Elts) <= MaxSmall {
				return lit
			}
		}
	}
	return nil
}

// smallCount reports whether a three-clause loop counts to a small
// constant: for i := 0; i < 3; i++ (bounded retries, fixed shards).
func smallCount(info *types.Info, loop *ast.ForStmt) bool {
	cond, ok := loop.Cond.(*ast.BinaryExpr)
	if !ok || loop.Post == nil {
		return false
	}
	var bound ast.Expr
	switch cond.Op {
	case token.LSS, token.LEQ, token.NEQ:
		bound = cond.Y
	case token.GTR, token.GEQ:
		bound = cond.X
	default:
		return false
	}
	tv, ok := info.Types[bound]
	if !ok || tv.Value == nil {
		return false
	}
	n, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return ok && n <= MaxSmall
}

// Paced reports whether a loop body waits on a timer each round (a polling
// or retry-with-backoff loop): its rate is set by the clock, not by data.
func Paced(info *types.Info, body *ast.BlockStmt) bool {
	paced := false
	ast.Inspect(body, func(n ast.Node) bool {
		if paced {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if fn := apis.Callee(info, n); fn != nil && timerCalls[fn.FullName()] {
				paced = true
			}
		case *ast.UnaryExpr:
			// <-ticker.C, <-timer.C, <-time.After(d), and the ticks of any
			// clock or jittered ticker: a channel of time.Time.
			paced = n.Op == token.ARROW && ticks(info.TypeOf(n.X))
		}
		return true
	})
	return paced
}

// ticks reports whether t is a channel of time.Time: what it delivers is
// the clock's beat.
func ticks(t types.Type) bool {
	ch, ok := types.Unalias(t).Underlying().(*types.Chan)
	return ok && ch.Dir() != types.SendOnly && apis.IsNamed(ch.Elem(), "time", "Time")
}

var timerCalls = map[string]bool{
	"time.Sleep": true,
	"time.After": true,
	"time.Tick":  true,
}
