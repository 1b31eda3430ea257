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
// parameter Param is zero (if !opts.BlockPrivate { return plain }), or,
// with Self, when the parameter itself is (if !streaming { return
// cached(…) }); or only through a call that passes the parameter on to
// such a function. A call whose argument leaves it zero (a literal
// without the field, a constant false or nil) builds no pool. The zero
// Need needs nothing.
type Need struct {
	Param int
	Field string
	Self  bool
}

// none reports whether n needs nothing: every call builds the pool.
func (n Need) none() bool { return n.Field == "" && !n.Self }

// poolNeed is what every pool b builds needs of its arguments: the need
// of each of its pool sources — its own constructions, the callees that
// bring one — when they all agree.
func (r *Result) poolNeed(b *body) Need { return r.poolNeedDepth(b, 0, make(map[*body]Need)) }

// maxNeedDepth bounds how far poolNeed follows in-package callees that
// pass a parameter on; deeper, the pool is taken as built on every call.
const maxNeedDepth = 4

// poolNeedDepth is poolNeed with each body judged once (memo), which also
// ends a cycle: a body met again while judged needs nothing.
func (r *Result) poolNeedDepth(b *body, depth int, memo map[*body]Need) Need {
	if need, ok := memo[b]; ok {
		return need
	}
	memo[b] = Need{}
	if b.poolNeedMixed || depth > maxNeedDepth {
		return Need{}
	}
	need, set := b.poolNeed, b.poolNeedSet
	for i, c := range b.calls {
		if c.chains[Pool] == "" {
			continue
		}
		cn := r.poolNeedDepth(c, depth+1, memo)
		if call, ok := b.sites[i].Node().(*ast.CallExpr); ok && r.bodyCalled(call) != c {
			cn = Need{} // a function passed by name: its arguments are not this call's
		}
		if r.unmetAt(b.sites[i], cn) {
			continue // this call leaves the callee's guard closed
		}
		n := r.siteNeed(b, b.sites[i], cn)
		if set && n != need {
			return Need{}
		}
		need, set = n, true
	}
	memo[b] = need
	return need
}

// declFunc returns the declared function whose parameters b sees: its
// own, or, for a literal, the declaration's around it.
func (r *Result) declFunc(b *body) *types.Func {
	if b.fn != nil {
		return b.fn
	}
	if decl, ok := b.outerDecl.(*ast.FuncDecl); ok {
		fn, _ := r.pass.TypesInfo.Defs[decl.Name].(*types.Func)
		return fn
	}
	return nil
}

// ParamConditional reports whether the pool the call at cur brings is
// built only when an argument of the declared function around it asks
// for one (a guard on a parameter before it, or a parameter passed on to
// a callee that needs it set): the callers decide, and those that pass
// the zero value build none.
func (r *Result) ParamConditional(cur inspector.Cursor) bool {
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	b := r.bodies[EnclosingFunc(cur)]
	_, f, ok := r.callSummary(call)
	if b == nil || !ok {
		return false
	}
	return !r.siteNeed(b, cur, f.PoolNeeds).none()
}

// notePoolNeed records the guard of the pool construction at cur in b.
func (r *Result) notePoolNeed(b *body, cur inspector.Cursor) {
	r.noteNeed(b, r.guardedBy(b, cur))
}

// noteNeed records need as that of one of b's pool sources.
func (r *Result) noteNeed(b *body, need Need) {
	switch {
	case !b.poolNeedSet:
		b.poolNeed, b.poolNeedSet = need, true
	case need != b.poolNeed:
		b.poolNeedMixed = true
	}
}

// siteNeed is the need, in b's terms, of the pool that the call at site
// brings when its callee needs callee: a guard before the site; else the
// callee's need, when the argument it looks at is b's own parameter,
// passed on as is.
func (r *Result) siteNeed(b *body, site inspector.Cursor, callee Need) Need {
	if need := r.guardedBy(b, site); !need.none() {
		return need
	}
	call, ok := site.Node().(*ast.CallExpr)
	if !ok {
		return callee // a literal run here: its need is in the terms of the declaration around it
	}
	fn := r.declFunc(b)
	if callee.none() || fn == nil || callee.Param >= len(call.Args) || call.Ellipsis.IsValid() {
		return Need{}
	}
	v := astx.LocalVar(r.pass.TypesInfo, call.Args[callee.Param])
	if v == nil || v.Kind() != types.ParamVar {
		return Need{}
	}
	i := paramIndex(fn, v)
	if i < 0 {
		return Need{}
	}
	return Need{Param: i, Field: callee.Field, Self: callee.Self}
}

// guardedBy returns the Need of the construction at cur: the first
// statement before it, in a block of b's declared function, of the form
// `if <param>.<field> is zero { …; return }`.
func (r *Result) guardedBy(b *body, cur inspector.Cursor) Need {
	fn := r.declFunc(b)
	if fn == nil {
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
				if need, ok := zeroTest(info, fn, ifs.Cond); ok {
					return need
				}
			}
		}
	}
	return Need{}
}

// zeroTest reports whether cond holds when a parameter of fn, or a field
// of one, is zero (!p, p == nil, !p.F, p.F == nil, p.F == "", p.F == 0,
// p.F == false), and which.
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
	if v := astx.LocalVar(info, operand); v != nil && v.Kind() == types.ParamVar {
		if i := paramIndex(fn, v); i >= 0 {
			return Need{Param: i, Self: true}, true
		}
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
	if need.none() || need.Param >= len(call.Args) || call.Ellipsis.IsValid() {
		return false
	}
	if need.Self {
		return isZeroValue(info, call.Args[need.Param])
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

// NeverNeeded reports whether the pool built at cur — by a construction
// past a guard on an argument, or a call that passes an argument on to a
// callee that needs it set (see Need) — is one no call asks for: the
// declared function around it is not exported nor used as a value, and
// every call of it in the package leaves that argument zero.
func (r *Result) NeverNeeded(cur inspector.Cursor) bool {
	b := r.bodies[EnclosingFunc(cur)]
	if b == nil {
		return false
	}
	fn := r.declFunc(b)
	decl := r.funcs[fn]
	if fn == nil || decl == nil || fn.Exported() || decl.escapes {
		return false
	}
	need := r.guardedBy(b, cur)
	if call, ok := cur.Node().(*ast.CallExpr); ok && need.none() {
		if _, f, ok := r.callSummary(call); ok {
			need = r.siteNeed(b, cur, f.PoolNeeds)
		}
	}
	if need.none() {
		return false
	}
	calls, ok := astx.CallsOf(r.pass.TypesInfo, r.ins.Root(), fn)
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
