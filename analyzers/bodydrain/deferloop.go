package bodydrain

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
	"github.com/perflint/perflint/analyzers/internal/loops"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/internal/confidence"
)

// deferredInLoop returns the statement that defers closing the body of the
// response expr yields, when it stands in a loop of expr's function around
// expr and the iteration goes on after it: deferred calls run only when the
// function returns, so every iteration's body stays open until then, and
// in an endless loop for ever. It returns the loop too.
func deferredInLoop(pass *analysis.Pass, expr *ast.CallExpr) (*ast.DeferStmt, ast.Stmt) {
	info := pass.TypesInfo
	at, ok := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root().FindNode(expr)
	if !ok {
		return nil, nil
	}
	as, ok := at.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
		return nil, nil
	}
	resp := astx.LocalVar(info, as.Lhs[0])
	if resp == nil {
		return nil, nil
	}
	loop, ok := ownLoop(at)
	if !ok {
		return nil, nil
	}
	for d := range loop.Preorder((*ast.DeferStmt)(nil)) {
		stmt := d.Node().(*ast.DeferStmt)
		// A function literal's own defer runs when the literal returns.
		if !astx.InOwnLoop(d) || !closesBodyOf(info, stmt.Call, resp) || loops.LeavesAfter(d, loops.Loop{Node: loop.Node()}.Body()) {
			continue
		}
		return stmt, loop.Node().(ast.Stmt)
	}
	return nil, nil
}

// ownLoop returns the innermost loop around cur in cur's function.
func ownLoop(cur inspector.Cursor) (inspector.Cursor, bool) {
	for p := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return p, true
		}
		return inspector.Cursor{}, false
	}
	return inspector.Cursor{}, false
}

// closesBodyOf reports whether call is resp.Body.Close().
func closesBodyOf(info *types.Info, call *ast.CallExpr, resp *types.Var) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" {
		return false
	}
	body, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	return ok && body.Sel.Name == "Body" && astx.LocalVar(info, body.X) == resp
}

// endless reports whether loop runs until something breaks out of it: a
// for without a condition, or an event loop (a range over a channel).
func endless(info *types.Info, loop ast.Stmt) bool {
	if f, ok := loop.(*ast.ForStmt); ok && f.Cond == nil {
		return true
	}
	return loops.EventLoop(info, loop)
}

// reportDeferredInLoop reports the response at expr whose body a defer in
// its loop closes, judged by the loop: in an endless one the bodies are
// never closed and the deferred calls pile up for ever.
func reportDeferredInLoop(pass *analysis.Pass, expr *ast.CallExpr, fn ast.Node, sum rank.Pass) bool {
	def, loop := deferredInLoop(pass, expr)
	if def == nil {
		return false
	}
	j := rank.Judgment{Level: confidence.Medium, Why: "the bodies stay open until the loop ends; how long it runs is not shown"}
	if endless(pass.TypesInfo, loop) {
		j = rank.Judgment{Level: confidence.High, Why: "the loop runs until the process stops: its bodies are never closed"}
	}
	d := analysis.Diagnostic{
		Pos: expr.Pos(), End: expr.End(),
		Message: apis.CalleeName(pass.TypesInfo, expr) + ": the response body is closed by a defer inside the loop, which runs only when the function returns: every iteration's body stays open until then, with its connection unless the body was read to its end, and the deferred calls pile up; close the body at the end of each iteration (or move the iteration into a function of its own, whose defer runs each time)",
		Related: []analysis.RelatedInformation{{Pos: def.Pos(), Message: "the deferred Close"}, {Pos: loop.Pos(), Message: "the loop"}},
	}
	rank.Report(pass, d, rank.Where(sum, fn, j))
	return true
}
