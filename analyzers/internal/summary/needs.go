package summary

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/astx"
)

// A Need is what a function's pool needs of its arguments: the pool is
// built only past a guard that returns early when the field Field of
// parameter Param is zero (if !opts.BlockPrivate { return plain }). A
// call whose argument is a literal leaving that field zero builds no
// pool. The zero Need (Field "") needs nothing.
type Need struct {
	Param int
	Field string
}

// poolNeed is what every pool b builds needs of its arguments: the guard
// of its own constructions, when they all share one and no callee brings
// a pool of its own.
func (r *Result) poolNeed(b *body) Need {
	if !b.ownPool || b.poolNeedMixed || b.poolFromFact {
		return Need{}
	}
	for _, c := range b.calls {
		if c.chains[Pool] != "" {
			return Need{}
		}
	}
	return b.poolNeed
}

// notePoolNeed records the guard of the pool construction at cur in b.
func (r *Result) notePoolNeed(b *body, cur inspector.Cursor) {
	need := r.guardedBy(b, cur)
	switch {
	case !b.poolNeedSet:
		b.poolNeed, b.poolNeedSet = need, true
	case need != b.poolNeed:
		b.poolNeedMixed = true
	}
}

// guardedBy returns the Need of the construction at cur: the first
// statement before it, in a block of b's declared function, of the form
// `if <param>.<field> is zero { …; return }`.
func (r *Result) guardedBy(b *body, cur inspector.Cursor) Need {
	if b.fn == nil {
		return Need{}
	}
	info := r.pass.TypesInfo
	for c := range cur.Enclosing() {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return Need{}
		case *ast.BlockStmt:
			for _, stmt := range before(n, cur.Node()) {
				ifs, ok := stmt.(*ast.IfStmt)
				if !ok || ifs.Init != nil || !endsInReturn(ifs.Body) {
					continue
				}
				if need, ok := zeroTest(info, b.fn, ifs.Cond); ok {
					return need
				}
			}
		}
	}
	return Need{}
}

// zeroTest reports whether cond holds when a field of a parameter of fn
// is zero (!p.F, p.F == nil, p.F == "", p.F == 0, p.F == false), and which.
func zeroTest(info *types.Info, fn *types.Func, cond ast.Expr) (Need, bool) {
	var operand ast.Expr
	switch c := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if c.Op != token.NOT {
			return Need{}, false
		}
		operand = c.X
	case *ast.BinaryExpr:
		if c.Op != token.EQL {
			return Need{}, false
		}
		switch {
		case isZeroValue(info, c.Y):
			operand = c.X
		case isZeroValue(info, c.X):
			operand = c.Y
		default:
			return Need{}, false
		}
	default:
		return Need{}, false
	}
	sel, ok := ast.Unparen(operand).(*ast.SelectorExpr)
	if !ok {
		return Need{}, false
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return Need{}, false
	}
	v := astx.LocalVar(info, sel.X)
	if v == nil || v.Kind() != types.ParamVar {
		return Need{}, false
	}
	i := paramIndex(fn, v)
	if i < 0 {
		return Need{}, false
	}
	return Need{Param: i, Field: sel.Sel.Name}, true
}

// isZeroValue reports whether e is nil or a constant zero value (false,
// "", 0).
func isZeroValue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	if tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Bool:
		return !constant.BoolVal(tv.Value)
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) == 0
	}
	return false
}

// unmet reports whether call's arguments fail need: the argument is a
// struct literal (or its address) that leaves the needed field zero.
func unmet(info *types.Info, call *ast.CallExpr, need Need) bool {
	if need.Field == "" || need.Param >= len(call.Args) || call.Ellipsis.IsValid() {
		return false
	}
	lit := astx.StructLit(info, call.Args[need.Param])
	if lit == nil {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false // positional: every field is set
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == need.Field {
			return isZeroValue(info, kv.Value)
		}
	}
	return true
}

// unmetAt is unmet for the call at site, if it is one.
func (r *Result) unmetAt(site inspector.Cursor, need Need) bool {
	call, ok := site.Node().(*ast.CallExpr)
	return ok && unmet(r.pass.TypesInfo, call, need)
}

// NeverNeeded reports whether the pool construction at cur stands past a
// guard on an argument (see Need) that no call lets through: its function
// is not exported nor used as a value, and every call of it in the
// package leaves the guarded field zero.
func (r *Result) NeverNeeded(cur inspector.Cursor) bool {
	fn := EnclosingFunc(cur)
	b := r.bodies[fn]
	if b == nil || b.fn == nil || b.fn.Exported() || b.escapes {
		return false
	}
	need := r.guardedBy(b, cur)
	if need.Field == "" {
		return false
	}
	calls, ok := astx.CallsOf(r.pass.TypesInfo, r.ins.Root(), b.fn)
	if !ok || len(calls) == 0 {
		return false
	}
	for _, call := range calls {
		if !r.unmetAt(call, need) {
			return false
		}
	}
	return true
}
