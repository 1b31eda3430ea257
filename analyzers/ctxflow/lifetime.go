package ctxflow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/astx"
	"github.com/perflint/perflint/analyzers/internal/ctxscope"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/confidence"
)

// lifetimes tells a caller's context from an object's own. A context
// parameter whose every call fills it from a context the program keeps for
// its lifetime (a struct field, a package variable, context.Background(),
// or something derived from them: tracer.Start(c.ctx, …)) is that
// lifetime's: dropping it cancels nothing a caller waits on, and ends only
// when the object stops. A private function's calls are all in the
// package; an exported function's calls in other packages are read from
// their Package facts once the whole program is in view
// (summary.LifetimeContext).
type lifetimes struct {
	info   *types.Info
	sum    *summary.Result
	ins    *inspector.Inspector
	params map[*types.Var]paramOf // the declared functions' parameters; built on first use
}

// paramOf is the declared function a parameter belongs to, and its index.
type paramOf struct {
	fn    *types.Func
	index int
}

// maxHops bounds how many private functions a context is followed through.
const maxHops = 3

// lower makes j low when ctx is a lifetime context (see lifetimes).
func (l *lifetimes) lower(j rank.Judgment, ctx ctxscope.Context, cur inspector.Cursor) rank.Judgment {
	if j.Level == confidence.Low || ctx.Kind != ctxscope.Param {
		return j
	}
	if l.keptByFunction(ctx.Var, cur) {
		return rank.Judgment{Level: confidence.Low, Why: j.Why + "; but the function keeps the context in a field: the object's lifetime context (a Start that stores it), not a caller's", Drop: j.Drop}
	}
	if !l.paramIsLifetime(ctx.Var, 0) {
		return j
	}
	return rank.Judgment{Level: confidence.Low, Why: j.Why + "; but every caller passes a context kept for an object's or the process's lifetime (a field, a package variable, Background), not a caller's", Drop: j.Drop}
}

// keptByFunction reports whether the function around cur stores its
// context parameter p in a field (b.ctx = ctx): it takes the context as
// the object's own, for as long as the object runs.
func (l *lifetimes) keptByFunction(p *types.Var, cur inspector.Cursor) bool {
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		for u := range astx.UsesOf(l.info, decl, p) {
			if storedInField(l.info, u) {
				return true
			}
		}
	}
	return false
}

// paramIsLifetime reports whether every call of the function declaring
// parameter p passes a lifetime context for it.
func (l *lifetimes) paramIsLifetime(p *types.Var, hops int) bool {
	if hops > maxHops {
		return false
	}
	l.index()
	decl, ok := l.params[p]
	fn, index := decl.fn, decl.index
	if !ok {
		return false
	}
	sites, all := astx.CallsOf(l.info, l.ins.Root(), fn)
	if !all {
		return false // also used as a value: its callers are not all seen
	}
	if fn.Exported() && fn.Pkg().Name() != "main" {
		// Its callers in other packages, seen with the whole program in
		// view, must all pass lifetime contexts too.
		lifetime, called := l.sum.LifetimeContext(fn, index)
		if !lifetime || !called && len(sites) == 0 {
			return false
		}
	} else if len(sites) == 0 {
		return false
	}
	for _, site := range sites {
		call := site.Node().(*ast.CallExpr)
		if index >= len(call.Args) || !l.lifetime(site, call.Args[index], hops) {
			return false
		}
	}
	return true
}

// lifetime reports whether e, at site, is a lifetime context.
func (l *lifetimes) lifetime(site inspector.Cursor, e ast.Expr, hops int) bool {
	return ctxscope.Lifetime(l.info, site, e, func(p *types.Var) bool { return l.paramIsLifetime(p, hops+1) }, l.sum.Detaches)
}

// index records whose parameter each parameter of the package's declared
// functions is.
func (l *lifetimes) index() {
	if l.params != nil {
		return
	}
	l.params = make(map[*types.Var]paramOf)
	for cur := range l.ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		fn, _ := l.info.Defs[cur.Node().(*ast.FuncDecl).Name].(*types.Func)
		if fn == nil {
			continue
		}
		params := fn.Signature().Params()
		for i := range params.Len() {
			if !(fn.Signature().Variadic() && i == params.Len()-1) {
				l.params[params.At(i)] = paramOf{fn, i}
			}
		}
	}
}
