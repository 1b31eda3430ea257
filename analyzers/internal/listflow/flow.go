package listflow

import (
	"go/ast"
	"go/types"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

// Flow is the set of local variables and calls that carry a value through
// one function body.
type Flow struct {
	info  *types.Info
	vars  map[*types.Var]bool
	calls map[*ast.CallExpr]bool
}

// Flow follows the list src obtains through fn's body (nested literals
// included: they share its variables).
func (src *Source) Flow(info *types.Info, fn ast.Node) *Flow {
	return NewFlow(info, fn, src.vars, src.calls)
}

// NewFlow follows the values held by vars and produced by calls through
// fn's body. The maps are copied.
func NewFlow(info *types.Info, fn ast.Node, vars map[*types.Var]bool, calls map[*ast.CallExpr]bool) *Flow {
	f := &Flow{info: info, vars: make(map[*types.Var]bool), calls: make(map[*ast.CallExpr]bool)}
	for v := range vars {
		f.vars[v] = true
	}
	for c := range calls {
		f.calls[c] = true
	}
	if body := funcBody(fn); body != nil {
		f.spread(body)
	}
	return f
}

// spread marks, to a fixed point, the variables assigned from a carrying
// expression (y := toDTO(x); resp.Items = x; b, _ := json.Marshal(x)) and
// those a range over a carrying value appends to.
func (f *Flow) spread(body *ast.BlockStmt) {
	for changed := true; changed; {
		changed = false
		mark := func(lhs ast.Expr) {
			// Only the body's own variables: marking a receiver or a
			// package variable (s.cache = users) would taint every use.
			if v := rootVar(f.info, lhs); v != nil && !f.vars[v] && isLocal(v, body) {
				f.vars[v] = true
				changed = true
			}
		}
		ast.Inspect(body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						if f.Carries(n.Rhs[i]) {
							mark(n.Lhs[i])
						}
					}
				} else if len(n.Rhs) == 1 && f.Carries(n.Rhs[0]) {
					mark(n.Lhs[0]) // b, err := json.Marshal(x)
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) && f.Carries(n.Values[i]) || len(n.Values) == 1 && i == 0 && f.Carries(n.Values[0]) {
						mark(id)
					}
				}
			case *ast.RangeStmt:
				if f.Carries(n.X) {
					for _, v := range appendedIn(f.info, body, n.Body) {
						if !f.vars[v] {
							f.vars[v] = true
							changed = true
						}
					}
				}
			}
			return true
		})
	}
}

// Carries reports whether e holds the value (or a wrapper of it: a struct,
// a map, a conversion, a marshaled form). len(x), cap(x), x[i] and a
// bounded slice x[:n] do not.
func (f *Flow) Carries(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := f.info.ObjectOf(e).(*types.Var)
		return ok && f.vars[v]
	case *ast.CallExpr:
		if f.calls[e] {
			return true
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := f.info.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "append", "copy":
				default:
					return false // len, cap, min, max, ...
				}
			}
		}
		for _, a := range e.Args {
			if f.Carries(a) {
				return true
			}
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			if _, isPkg := f.info.Uses[ident(sel.X)].(*types.PkgName); !isPkg {
				return f.Carries(sel.X) // users.ToResponse()
			}
		}
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if f.Carries(el) {
				return true
			}
		}
	case *ast.UnaryExpr:
		return f.Carries(e.X)
	case *ast.StarExpr:
		return f.Carries(e.X)
	case *ast.SelectorExpr:
		return f.Carries(e.X)
	case *ast.TypeAssertExpr:
		return f.Carries(e.X)
	case *ast.SliceExpr:
		return e.High == nil && f.Carries(e.X)
	}
	return false
}

// Returns reports whether fn returns the value.
func (f *Flow) Returns(fn ast.Node) bool { return f.Returned(fn) != nil }

// Returned returns the first return statement of fn's own (not of a nested
// literal) that returns the value: one with a carrying result, or any,
// when a named result carries it. It returns nil if there is none.
func (f *Flow) Returned(fn ast.Node) *ast.ReturnStmt {
	body := funcBody(fn)
	if body == nil {
		return nil
	}
	named := false
	ftype := astx.FuncType(fn)
	if ftype != nil && ftype.Results != nil {
		for _, field := range ftype.Results.List {
			for _, name := range field.Names {
				if v, ok := f.info.Defs[name].(*types.Var); ok && f.vars[v] {
					named = true
				}
			}
		}
	}
	var found *ast.ReturnStmt
	inspectOwn(body, func(n ast.Node) {
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || found != nil {
			return
		}
		if named && len(ret.Results) == 0 {
			found = ret
		}
		for _, r := range ret.Results {
			if !apis.IsError(f.info.TypeOf(r)) && f.Carries(r) {
				found = ret // not err := db.Select(ctx, &rows, …): an error holds no list
			}
		}
	})
	return found
}

// rootVar returns the variable an assignment target writes into: v, v.f,
// v[i], *v.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return identVar(info, x)
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

func ident(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}
