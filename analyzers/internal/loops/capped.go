package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// Capped returns the cap a check before the loop puts on the length of
// what it goes over: an if statement that leaves the function when
// len(items) is above a constant (if len(req.Items) > 20 { return err }),
// the usual validation of a batch a request sends. A loop over such items
// runs at most that many times, however large the input.
func Capped(info *types.Info, l Loop) (int64, bool) {
	items := lengthOf(info, l.Node)
	if items == nil {
		return 0, false
	}
	for c := l.Cursor; c.Valid(); c = c.Parent() {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return 0, false
		case *ast.BlockStmt:
			for _, stmt := range n.List {
				if stmt.Pos() >= l.Node.Pos() {
					break
				}
				if max, ok := rejectsAbove(info, stmt, items); ok {
					return max, true
				}
			}
		}
	}
	return 0, false
}

// lengthOf returns what a loop goes over by its length: the ranged
// expression, or x in for i := 0; i < len(x); i++.
func lengthOf(info *types.Info, loop ast.Node) ast.Expr {
	switch n := loop.(type) {
	case *ast.RangeStmt:
		return n.X
	case *ast.ForStmt:
		if cond, ok := n.Cond.(*ast.BinaryExpr); ok && (cond.Op == token.LSS || cond.Op == token.LEQ) {
			return lenArg(info, cond.Y)
		}
	}
	return nil
}

// lenArg returns x when e is len(x).
func lenArg(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || info.Uses[id] != types.Universe.Lookup("len") {
		return nil
	}
	return call.Args[0]
}

// rejectsAbove returns the constant max when stmt is an if statement that
// returns or panics when len(items) > max (or >= max+1, or max < len).
func rejectsAbove(info *types.Info, stmt ast.Stmt, items ast.Expr) (int64, bool) {
	ifs, ok := stmt.(*ast.IfStmt)
	if !ok || ifs.Init != nil || !leaves(info, ifs.Body) {
		return 0, false
	}
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok {
		return 0, false
	}
	length, bound, op := cond.X, cond.Y, cond.Op
	if lenArg(info, length) == nil {
		length, bound = bound, length
		switch op { // max < len(x) is len(x) > max
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		default:
			return 0, false
		}
	}
	x := lenArg(info, length)
	if x == nil || !sameRef(info, x, items) {
		return 0, false
	}
	tv, ok := info.Types[bound]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	max, ok := constant.Int64Val(tv.Value)
	switch {
	case !ok:
		return 0, false
	case op == token.GTR:
		return max, true
	case op == token.GEQ:
		return max - 1, true
	}
	return 0, false
}

// leaves reports whether body ends by leaving the function: a return or a
// call of panic.
func leaves(info *types.Info, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	switch last := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := last.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := call.Fun.(*ast.Ident)
		return ok && info.Uses[id] == types.Universe.Lookup("panic")
	}
	return false
}

// sameRef reports whether a and b name the same variable or the same
// chain of fields of one (req.Items).
func sameRef(info *types.Info, a, b ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		return ok && info.ObjectOf(a) != nil && info.ObjectOf(a) == info.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && info.ObjectOf(a.Sel) == info.ObjectOf(b.Sel) && sameRef(info, a.X, b.X)
	}
	return false
}
