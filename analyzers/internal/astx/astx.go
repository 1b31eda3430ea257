// Package astx holds the small syntax-tree walks several analyzers share.
package astx

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ast/inspector"
)

// Bindings yields each one-to-one binding of a name to a value under cur:
// x := v, x = v, var x = v (and each pair of a, b := v, w). Assignments from
// a multi-valued call (a, err := f()) bind no single value and are skipped.
func Bindings(cur inspector.Cursor) iter.Seq2[ast.Expr, ast.Expr] {
	return func(yield func(lhs, rhs ast.Expr) bool) {
		for c := range cur.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			switch n := c.Node().(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					continue
				}
				for i := range n.Lhs {
					if !yield(n.Lhs[i], n.Rhs[i]) {
						return
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) != len(n.Values) {
					continue
				}
				for i := range n.Names {
					if !yield(n.Names[i], n.Values[i]) {
						return
					}
				}
			}
		}
	}
}

// Contains reports whether inner lies within outer.
func Contains(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// FuncAt returns the innermost function (declaration or literal) around cur.
func FuncAt(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c, true
	}
	return inspector.Cursor{}, false
}

// LocalInit returns the value a local variable is defined with (v := x,
// var v = x), or the call whose first result defines it (v, err := f()), in
// the function around at; or nil.
func LocalInit(info *types.Info, at inspector.Cursor, v *types.Var) ast.Expr {
	fn, ok := FuncAt(at)
	if !ok {
		return nil
	}
	// Only a definition's identifier is in Defs: v = x never matches.
	for lhs, rhs := range Bindings(fn) {
		if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] == v {
			return rhs
		}
	}
	for c := range fn.Preorder((*ast.AssignStmt)(nil)) {
		as := c.Node().(*ast.AssignStmt)
		if len(as.Rhs) != 1 || len(as.Lhs) < 2 {
			continue
		}
		if id, ok := as.Lhs[0].(*ast.Ident); ok && info.Defs[id] == v {
			return as.Rhs[0]
		}
	}
	return nil
}

// InOwnLoop reports whether cur stands in a loop of the function it is in
// (a loop around a function literal does not count).
func InOwnLoop(cur inspector.Cursor) bool {
	for p := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
		return false
	}
	return false
}

// LocalVar returns the local variable e names (not a field, not a package
// variable), or nil.
func LocalVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// UsesOf yields the identifiers under root that use obj.
func UsesOf(info *types.Info, root inspector.Cursor, obj types.Object) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for c := range root.Preorder((*ast.Ident)(nil)) {
			if info.Uses[c.Node().(*ast.Ident)] == obj && !yield(c) {
				return
			}
		}
	}
}

// Mentions reports whether an identifier under n uses obj.
func Mentions(info *types.Info, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

// Received returns the channel a select case's communication receives
// from (<-ch, v := <-ch, v, ok = <-ch), or nil for a send or default.
func Received(comm ast.Stmt) ast.Expr {
	var x ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			x = s.Rhs[0]
		}
	}
	if recv, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && recv.Op == token.ARROW {
		return recv.X
	}
	return nil
}

// CallsOf returns the calls of fn (f(x), or recv.f(x)) under root, and
// false when fn is also used as a value there: its callers are then not
// all seen.
func CallsOf(info *types.Info, root inspector.Cursor, fn *types.Func) ([]inspector.Cursor, bool) {
	var calls []inspector.Cursor
	for id := range root.Preorder((*ast.Ident)(nil)) {
		if info.Uses[id.Node().(*ast.Ident)] != fn {
			continue
		}
		at := id
		if sel, ok := id.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id.Node() {
			at = id.Parent()
		}
		call, ok := at.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != at.Node() {
			return nil, false
		}
		calls = append(calls, at.Parent())
	}
	return calls, true
}

// FuncType returns the type of a function declaration or literal, or nil
// for any other node.
func FuncType(fn ast.Node) *ast.FuncType {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Type
	case *ast.FuncLit:
		return fn.Type
	}
	return nil
}

// StructLit returns the struct composite literal e is, or whose address it
// takes (&T{…}); or nil.
func StructLit(info *types.Info, e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	if t := info.TypeOf(lit); t == nil {
		return nil
	} else if _, ok := t.Underlying().(*types.Struct); !ok {
		return nil
	}
	return lit
}
