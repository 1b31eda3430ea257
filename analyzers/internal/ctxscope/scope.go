// Package ctxscope knows what a "context in scope" is and which calls have a
// twin that takes a context: the shared knowledge behind ctxflow, and for
// any analyzer that asks whether a call could have been bounded by the
// request's deadline.
//
// A context is in scope at a node when an enclosing function has a named
// context.Context parameter, an *http.Request parameter (r.Context()), a
// gin/echo/fiber request context parameter, or a local variable derived
// from one of these. A parameter named _ is not in scope. A function
// literal started by a go statement, handed to a call that keeps it for
// later (time.AfterFunc, a route registration), or given to a helper that
// runs it in a goroutine it does not wait for (see New), runs detached
// from the function around it: the contexts of the enclosing functions are not in
// scope inside it, only its own parameters.
package ctxscope

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

// Kind tells where a context in scope comes from.
type Kind int

const (
	Param     Kind = iota // a context.Context parameter
	Derived               // a local variable derived from a context in scope
	Request               // an *http.Request parameter
	Framework             // a gin, echo or fiber request context parameter
)

// Context is a context in scope at some position.
type Context struct {
	Expr string     // Go source that yields it there: ctx, r.Context(), c.Request.Context()
	Var  *types.Var // the variable it comes from
	Kind Kind       // where it comes from
	Pos  token.Pos  // where Var is declared
}

// Scope answers "is a context in scope here" for one package, caching the
// derived variables of each function it has looked at.
type Scope struct {
	info    *types.Info
	derived map[ast.Node]map[*types.Var]bool // per outermost function
	// startsDetached says whether a call runs the function literals given
	// to it in goroutines it does not wait for (a "safe go" helper); nil:
	// none does.
	startsDetached func(*ast.CallExpr) bool
}

// New returns a Scope for the package described by info. startsDetached
// (may be nil) says which calls run the literals given to them in
// goroutines of their own, detached from the function around them.
func New(info *types.Info, startsDetached func(*ast.CallExpr) bool) *Scope {
	return &Scope{info: info, derived: make(map[ast.Node]map[*types.Var]bool), startsDetached: startsDetached}
}

// At returns the context in scope at cur's node, preferring the innermost:
// a derived local visible there (the one declared last), then the
// parameters of the innermost function, then those of the functions around
// it (up to a detached literal, whose outer scope does not count).
func (s *Scope) At(cur inspector.Cursor) (Context, bool) {
	chain := s.funcChain(cur)
	if len(chain) == 0 {
		return Context{}, false
	}
	pos := cur.Node().Pos()
	root := chain[len(chain)-1]
	var best Context
	found := false
	for v := range s.derivedIn(root.Node()) {
		if v.Pos() < best.Pos || !s.visible(v, pos) {
			continue
		}
		best, found = Context{Expr: v.Name(), Var: v, Kind: Derived, Pos: v.Pos()}, true
	}
	if found {
		return best, true
	}
	for _, fc := range chain {
		for _, p := range s.params(fc.Node()) {
			if c, ok := s.paramContext(p); ok && s.visible(p, pos) {
				return c, true
			}
		}
	}
	return Context{}, false
}

// funcChain returns the functions enclosing cur, innermost first, ending at
// the function declaration or at the first detached literal.
func (s *Scope) funcChain(cur inspector.Cursor) []inspector.Cursor {
	var chain []inspector.Cursor
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if fc == cur {
			continue
		}
		chain = append(chain, fc)
		if _, ok := fc.Node().(*ast.FuncLit); ok && (Detached(s.info, fc) || s.started(fc)) {
			break
		}
	}
	return chain
}

// Detached reports whether the function literal at lit runs apart from the
// function around it: started by a go statement (go func(){...}() or
// go run(func(){...})), or handed to a call that keeps it for later.
func Detached(info *types.Info, lit inspector.Cursor) bool {
	p := lit.Parent()
	call, ok := p.Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	if _, ok := p.Parent().Node().(*ast.GoStmt); ok {
		return true
	}
	return apis.HowLitRuns(info, lit.Node(), call) == apis.RunsLater
}

// started reports whether the function literal at lit is given to a call
// that runs it in a goroutine of its own (see New).
func (s *Scope) started(lit inspector.Cursor) bool {
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	return ok && call.Fun != lit.Node() && s.startsDetached != nil && s.startsDetached(call)
}

// InGoroutine reports whether cur's node is inside a function literal
// started by a go statement, or given to a call that starts it in a
// goroutine of its own (see New), before any enclosing function
// declaration.
func (s *Scope) InGoroutine(cur inspector.Cursor) bool {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if _, ok := fc.Node().(*ast.FuncDecl); ok {
			return false
		}
		if fc == cur {
			continue
		}
		if _, ok := fc.Parent().Parent().Node().(*ast.GoStmt); ok {
			if call, ok := fc.Parent().Node().(*ast.CallExpr); ok && call.Fun == fc.Node() {
				return true
			}
		}
		if s.started(fc) {
			return true
		}
	}
	return false
}

func (s *Scope) params(fn ast.Node) []*types.Var {
	ft := astx.FuncType(fn)
	if ft == nil || ft.Params == nil {
		return nil
	}
	var vars []*types.Var
	if decl, ok := fn.(*ast.FuncDecl); ok && decl.Recv != nil {
		// A beego controller's receiver holds the request it serves.
		for _, field := range decl.Recv.List {
			for _, name := range field.Names {
				if v, ok := s.info.Defs[name].(*types.Var); ok && apis.BeegoController(v.Type()) {
					vars = append(vars, v)
				}
			}
		}
	}
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			if v, ok := s.info.Defs[name].(*types.Var); ok && v.Name() != "_" {
				vars = append(vars, v)
			}
		}
	}
	return vars
}

// paramContext tells how a parameter provides the request's context.
func (s *Scope) paramContext(p *types.Var) (Context, bool) {
	t := p.Type()
	switch {
	case apis.IsContext(t):
		return Context{Expr: p.Name(), Var: p, Kind: Param, Pos: p.Pos()}, true
	case apis.IsRequest(t):
		return Context{Expr: p.Name() + ".Context()", Var: p, Kind: Request, Pos: p.Pos()}, true
	}
	if fw, ok := apis.RequestContext(t); ok {
		if expr := frameworkContext(fw, p); expr != "" {
			return Context{Expr: expr, Var: p, Kind: Framework, Pos: p.Pos()}, true
		}
	}
	if EmbedsContext(t) {
		return Context{Expr: p.Name(), Var: p, Kind: Param, Pos: p.Pos()}, true
	}
	if p.Kind() == types.RecvVar && apis.BeegoController(t) {
		return Context{Expr: p.Name() + ".Ctx.Request.Context()", Var: p, Kind: Framework, Pos: p.Pos()}, true
	}
	return Context{}, false
}

// EmbedsContext reports whether t (or what it points to) is an interface
// or a struct of the program that embeds context.Context: an application's
// own context (type Context interface { context.Context; UserID() int64 })
// carries the request's cancellation and deadline wherever it goes.
func EmbedsContext(t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if _, named := types.Unalias(t).(*types.Named); !named {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Interface:
		for i := range u.NumEmbeddeds() {
			if apis.IsContext(u.EmbeddedType(i)) {
				return true
			}
		}
	case *types.Struct:
		for i := range u.NumFields() {
			if f := u.Field(i); f.Embedded() && apis.IsContext(f.Type()) {
				return true
			}
		}
	}
	return false
}

// frameworkContext returns the expression that yields the request's
// context.Context from a framework's request context named by p.
func frameworkContext(fw apis.Framework, p *types.Var) string {
	switch fw {
	case apis.Gin:
		return p.Name() + ".Request.Context()"
	case apis.Echo:
		return p.Name() + ".Request().Context()"
	case apis.Fiber:
		// fiber v2 keeps the user's context in UserContext; v3 renamed it Context.
		for _, m := range []string{"UserContext", "Context"} {
			obj, _, _ := types.LookupFieldOrMethod(p.Type(), true, nil, m)
			if fn, ok := obj.(*types.Func); ok {
				if res := fn.Signature().Results(); res.Len() == 1 && apis.IsContext(res.At(0).Type()) {
					return p.Name() + "." + m + "()"
				}
			}
		}
	}
	return ""
}

// visible reports whether v can be named at pos (declared before it, and
// not shadowed).
func (s *Scope) visible(v *types.Var, pos token.Pos) bool {
	if v.Parent() == nil || v.Pos() >= pos {
		return false
	}
	inner := v.Parent().Innermost(pos)
	if inner == nil {
		return false
	}
	_, obj := inner.LookupParent(v.Name(), pos)
	return obj == v
}

// derivedIn returns the local context variables of fn (and the literals in
// it) that are derived from a context in scope: assigned from an
// expression that mentions a context parameter, a request, a framework
// context, or another derived variable.
func (s *Scope) derivedIn(fn ast.Node) map[*types.Var]bool {
	if d, ok := s.derived[fn]; ok {
		return d
	}
	sources := make(map[*types.Var]bool)
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			for _, p := range s.params(n) {
				if _, ok := s.paramContext(p); ok {
					sources[p] = true
				}
			}
		}
		return true
	})
	d := s.derive(fn, sources)
	s.derived[fn] = d
	return d
}

// DerivedFrom returns the local context variables of fn (and the literals in
// it) derived from sources: ctx2, cancel := context.WithTimeout(ctx, d)
// makes ctx2 derived from ctx, and so on transitively. The sources are
// not in the result.
func DerivedFrom(info *types.Info, fn ast.Node, sources map[*types.Var]bool) map[*types.Var]bool {
	return (&Scope{info: info}).derive(fn, sources)
}

// derive returns the local context variables of fn assigned, directly or
// through one another, from an expression that mentions a source.
func (s *Scope) derive(fn ast.Node, sources map[*types.Var]bool) map[*types.Var]bool {
	type assign struct {
		lhs []*types.Var
		rhs []ast.Expr
	}
	var assigns []assign
	add := func(lhs []ast.Expr, rhs []ast.Expr) {
		a := assign{rhs: rhs}
		for _, l := range lhs {
			if v := s.contextVar(l); v != nil {
				a.lhs = append(a.lhs, v)
			}
		}
		if len(a.lhs) > 0 {
			assigns = append(assigns, a)
		}
	}
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			add(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			names := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				names[i] = id
			}
			add(names, n.Values)
		}
		return true
	})
	derived := make(map[*types.Var]bool)
	for changed := true; changed; {
		changed = false
		for _, a := range assigns {
			if !s.mentions(a.rhs, sources, derived) {
				continue
			}
			for _, v := range a.lhs {
				if !derived[v] && !sources[v] {
					derived[v], changed = true, true
				}
			}
		}
	}
	return derived
}

// contextVar returns the local variable of type context.Context that e
// names, or nil.
func (s *Scope) contextVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := s.info.ObjectOf(id)
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Name() == "_" || !apis.IsContext(v.Type()) {
		return nil
	}
	if v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil // a field or a package variable
	}
	return v
}

func (s *Scope) mentions(exprs []ast.Expr, sources, derived map[*types.Var]bool) bool {
	found := false
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			if found {
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := s.info.Uses[id].(*types.Var); ok && (sources[v] || derived[v]) {
					found = true
				}
			}
			return true
		})
	}
	return found
}
