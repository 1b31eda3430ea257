package ctxscope

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

const gormPkg = "gorm.io/gorm"

type binding int

const (
	unbound binding = iota // no context was set on the chain
	bound                  // WithContext or Session{Context: ...} on the chain
	unknown                // the chain starts somewhere we cannot see
)

// GormUnbound reports whether the call at cur is a gorm round-trip (Find,
// First, Create, Exec, ...) on a *gorm.DB that no WithContext(ctx) or
// Session(&gorm.Session{Context: ctx}) bound to a context, and returns the
// expression the chain starts from, after which .WithContext(ctx) belongs.
// A chain that starts at a parameter, or at a call of some other function
// returning a *gorm.DB, may already carry a context: it is not reported.
// A struct field or package variable that holds the *gorm.DB is unbound.
func (s *Scope) GormUnbound(cur inspector.Cursor) (ast.Expr, bool) {
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok {
		return nil, false
	}
	fn, ok := (&apis.Config{}).RoundTrip(s.info, call)
	if !ok || !isGormDBMethod(fn) {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	var body ast.Node
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		body = fc.Node()
	}
	if body == nil {
		return nil, false
	}
	root, b := s.gormChain(sel.X, body, make(map[*types.Var]bool))
	return root, b == unbound && root != nil
}

func isGormDBMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && fn.Pkg() != nil && fn.Pkg().Path() == gormPkg && apis.IsNamed(recv.Type(), gormPkg, "DB")
}

// gormChain follows a *gorm.DB expression back to where it comes from.
func (s *Scope) gormChain(x ast.Expr, body ast.Node, seen map[*types.Var]bool) (ast.Expr, binding) {
	for {
		x = ast.Unparen(x)
		switch e := x.(type) {
		case *ast.CallExpr:
			fn := apis.Callee(s.info, e)
			if fn == nil || !isGormDBMethod(fn) {
				return nil, unknown
			}
			if fn.Name() == "WithContext" || (fn.Name() == "Session" && sessionHasContext(e)) {
				return nil, bound
			}
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil, unknown
			}
			x = sel.X
		case *ast.SelectorExpr:
			if s.info.Selections[e] != nil || isPackageVar(s.info.Uses[e.Sel]) {
				return e, unbound // a struct field or another package's variable
			}
			return nil, unknown
		case *ast.Ident:
			v, ok := s.info.Uses[e].(*types.Var)
			if !ok {
				return nil, unknown
			}
			if isPackageVar(v) {
				return e, unbound
			}
			if isParam(v, body) || seen[v] {
				return nil, unknown
			}
			seen[v] = true
			return e, s.localBinding(v, body, seen)
		default:
			return nil, unknown
		}
	}
}

// localBinding combines what every assignment to the local v says.
func (s *Scope) localBinding(v *types.Var, body ast.Node, seen map[*types.Var]bool) binding {
	result := unbound
	assigned := false
	note := func(rhs ast.Expr) {
		assigned = true
		if _, b := s.gormChain(rhs, body, seen); b > result {
			result = b
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && s.info.ObjectOf(id) == v {
					if len(n.Lhs) == len(n.Rhs) {
						note(n.Rhs[i])
					} else {
						result = unknown
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if s.info.Defs[id] == v && i < len(n.Values) && len(n.Names) == len(n.Values) {
					note(n.Values[i])
				}
			}
		}
		return true
	})
	if !assigned {
		return unknown
	}
	return result
}

func sessionHasContext(call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	arg := ast.Unparen(call.Args[0])
	if u, ok := arg.(*ast.UnaryExpr); ok {
		arg = u.X
	}
	lit, ok := arg.(*ast.CompositeLit)
	if !ok {
		return true // a Session built elsewhere may carry one
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Context" {
				return true
			}
		}
	}
	return false
}

func isPackageVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// isParam reports whether v is a parameter of body or of a function
// literal inside it (a Transaction callback's tx).
func isParam(v *types.Var, body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if ft := astx.FuncType(n); ft != nil {
			for _, fl := range []*ast.FieldList{ft.Params, ft.Results} {
				if fl == nil {
					continue
				}
				for _, f := range fl.List {
					for _, name := range f.Names {
						if name.Pos() == v.Pos() {
							found = true
						}
					}
				}
			}
		}
		return !found
	})
	return found
}
