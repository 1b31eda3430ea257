package summary

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/ctxscope"
)

// A context an exported function is given may be a caller's, which
// cancellation and deadlines reach, or one the program keeps for an
// object's or the process's lifetime (Background, a field, a package
// variable, or derived from one). Dropping a lifetime context cancels
// nothing a caller waits on. The callers of an exported function are in
// other packages: each records, in its Package fact, which kind it passes.

// A contextArg is one call's context argument of an exported function of
// the module; index -1 marks a use of the function as a value, whose
// callers are not seen.
type contextArg struct {
	callee   string // types.Func.FullName
	index    int
	lifetime bool
}

// contextArgs returns the context arguments the package passes to the
// module's exported functions of other packages and to interface methods,
// and its uses of such functions as values.
func (r *Result) contextArgs(order []*body) []contextArg {
	var out []contextArg
	for _, fn := range r.valueUses {
		if fn.Pkg() != r.pass.Pkg && ctxscope.TakesContext(fn) {
			out = append(out, contextArg{callee: fn.FullName(), index: -1})
		}
	}
	for _, site := range r.dynamicSites[nil] { // package-level initializers
		out = append(out, r.passedContexts(site)...)
	}
	for _, b := range order {
		if b.test {
			continue
		}
		for _, site := range r.dynamicSites[b] {
			out = append(out, r.passedContexts(site)...)
		}
		for _, fn := range b.exits {
			if fn.Pkg() == r.pass.Pkg || interfaceOf(fn) != nil || !ctxscope.TakesContext(fn) {
				continue
			}
			for _, site := range b.exitSites[fn] {
				out = append(out, r.passedContexts(site)...)
			}
		}
	}
	return out
}

// dynamicKey is how a call through an interface names its callee: by the
// method's name, which any implementation may answer to.
func dynamicKey(name string) string { return "interface method " + name }

// passedContexts returns the context arguments of the call at site, keyed
// by its callee: its full name, or for an interface method dynamicKey.
func (r *Result) passedContexts(site inspector.Cursor) []contextArg {
	call, ok := site.Node().(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn := apis.Callee(r.pass.TypesInfo, call)
	if fn == nil {
		return nil
	}
	key := fn.FullName()
	if interfaceOf(fn) != nil {
		key = dynamicKey(fn.Name())
	}
	var out []contextArg
	params := fn.Signature().Params()
	for i, arg := range call.Args {
		if i < params.Len() && apis.IsContext(params.At(i).Type()) {
			out = append(out, contextArg{callee: key, index: i, lifetime: ctxscope.Lifetime(r.pass.TypesInfo, site, arg, nil, r.Detaches)})
		}
	}
	return out
}

// LifetimeContext reports whether, with the whole program in view, every
// call of fn (an exported function) from other packages passes a
// lifetime context as its parameter index (there may be none: called
// says whether there is one), and fn is neither used as a value nor a
// method an interface call may reach. Callers in fn's own package are the
// caller's to check.
func (r *Result) LifetimeContext(fn *types.Func, index int) (lifetime, called bool) {
	if !r.whole {
		return false, false
	}
	key, dynamic, seen := fn.FullName(), "", false
	if fn.Signature().Recv() != nil {
		dynamic = dynamicKey(fn.Name())
	}
	for _, pf := range r.pass.AllPackageFacts() {
		pkg, ok := pf.Fact.(*Package)
		if !ok {
			continue
		}
		for _, c := range pkg.contexts {
			if c.callee != key && c.callee != dynamic {
				continue
			}
			if c.index == -1 || c.index == index && !c.lifetime {
				return false, false
			}
			seen = seen || c.index == index
		}
	}
	return true, seen
}

// Detaches reports whether fn returns a context detached from its callers
// (see Fact.Detaches): read from its fact, or decided from its body in
// this package.
func (r *Result) Detaches(fn *types.Func) bool {
	if fn.Pkg() != r.pass.Pkg {
		var f Fact
		return fn.Pkg() != nil && r.pass.ImportObjectFact(fn, &f) && f.Detaches
	}
	if d, ok := r.detached[fn]; ok {
		return d
	}
	r.detached[fn] = false // a recursive helper decides nothing by itself
	d := r.detaches(fn)
	r.detached[fn] = d
	return d
}

// detaches decides Detaches for a function of this package: its first
// result is a context, and every return statement of its own gives one
// that ctxscope.FromBackground accepts.
func (r *Result) detaches(fn *types.Func) bool {
	b := r.funcs[fn]
	res := fn.Signature().Results()
	if b == nil || res.Len() == 0 || !apis.IsContext(res.At(0).Type()) {
		return false
	}
	decl, ok := b.node.(*ast.FuncDecl)
	if !ok || decl.Body == nil {
		return false
	}
	cur, ok := r.ins.Root().FindNode(decl)
	if !ok {
		return false
	}
	returns, all := 0, true
	cur.Inspect([]ast.Node{(*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)}, func(c inspector.Cursor) bool {
		stmt, ok := c.Node().(*ast.ReturnStmt)
		if !ok {
			return false // a literal's returns are its own
		}
		if len(stmt.Results) == 0 || !ctxscope.FromBackground(r.pass.TypesInfo, c, stmt.Results[0], r.Detaches) {
			all = false
		}
		returns++
		return true
	})
	return all && returns > 0
}
