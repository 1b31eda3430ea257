package loops

import (
	"go/ast"
	"go/types"
)

// OverRegistry reports whether a range loop goes over a registry of code:
// a collection kept in a field or a package variable (not a parameter, not
// a query's result) whose element the body runs, through a func-typed field
// (for _, m := range r.migrations.Items() { …; m.Up(tx) }) or as a func.
// Its trip count is the number of registrations the program makes
// (migrations, hooks, plugins), not the size of any data.
func OverRegistry(info *types.Info, l Loop) bool {
	r, ok := l.Node.(*ast.RangeStmt)
	if !ok || r.Value == nil && r.Key == nil || !heldByProgram(info, r.X) {
		return false
	}
	elem := rangeVar(info, r)
	if elem == nil {
		return false
	}
	runs := false
	ast.Inspect(r.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || runs {
			return !runs
		}
		switch fun := ast.Unparen(call.Fun).(type) {
		case *ast.Ident: // for _, hook := range hooks { hook(ctx) }
			runs = info.Uses[fun] == elem
		case *ast.SelectorExpr: // m.Up(tx), with Up a field of func type
			if sel, ok := info.Selections[fun]; ok && sel.Kind() == types.FieldVal {
				id, ok := ast.Unparen(fun.X).(*ast.Ident)
				runs = ok && info.Uses[id] == elem
			}
		}
		return !runs
	})
	return runs
}

// rangeVar returns the variable of a range loop that holds the element: the
// value, or the key of a range over a slice of one value only.
func rangeVar(info *types.Info, r *ast.RangeStmt) types.Object {
	if id, ok := r.Value.(*ast.Ident); ok && id.Name != "_" {
		return info.Defs[id]
	}
	return nil
}

// heldByProgram reports whether x is rooted in a method's receiver or a
// package-level variable, through fields and method calls without
// arguments (r.list.Items()): state the program keeps, not a parameter.
func heldByProgram(info *types.Info, x ast.Expr) bool {
	for {
		switch e := ast.Unparen(x).(type) {
		case *ast.CallExpr:
			if len(e.Args) > 0 {
				return false
			}
			x = e.Fun
		case *ast.SelectorExpr:
			if v, ok := info.Uses[e.Sel].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				return true // pkg.Registry
			}
			x = e.X
		case *ast.Ident:
			v, ok := info.Uses[e].(*types.Var)
			if !ok {
				return false
			}
			return v.Kind() == types.RecvVar || v.Kind() == types.PackageVar
		default:
			return false
		}
	}
}
