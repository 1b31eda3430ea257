package summary

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/loops"
)

// What a loop over a parameter goes over is for the callers to tell: a
// repository's loop over ids is hot when a handler passes the rows of a
// query or its decoded request, and cold when every caller passes the
// program's own table. The callers in the package are read at their call
// sites; those in other packages of the module record, in their Package
// fact, the served data they pass to the module's exported functions, read
// once the whole program is in view.

// An argEvidence is served data one package passes as an argument of an
// exported function of the module.
type argEvidence struct {
	callee string // types.Func.FullName
	index  int    // the parameter's index
	what   string // what the data is, for messages
	source loops.Source
}

// maxParamDepth bounds how far ParamEvidence follows a parameter passed on
// from caller to caller.
const maxParamDepth = 3

// ParamEvidence returns what the callers of fn (a declaration of the
// package) pass as its parameter v, when they say more than "a
// parameter": served data if any caller passes it (the loop is hot for
// that caller), or the program's own data if every caller does and no
// other package can call fn.
// A literal's loop over a parameter of the declaration around it (a
// transaction's callback) is judged by that declaration's callers.
func (r *Result) ParamEvidence(fn ast.Node, v *types.Var) (loops.Evidence, bool) {
	return r.paramEvidence(r.declaration(fn), v, 0)
}

// declaration returns the body of fn, or for a literal the body of the
// declaration around it, whose parameters the literal reads.
func (r *Result) declaration(fn ast.Node) *body {
	b := r.bodies[fn]
	if b != nil && b.fn == nil && b.outerDecl != nil {
		return r.bodies[b.outerDecl]
	}
	return b
}

func (r *Result) paramEvidence(b *body, v *types.Var, depth int) (loops.Evidence, bool) {
	if b == nil || b.fn == nil || v == nil || depth > maxParamDepth {
		return loops.Evidence{}, false
	}
	i := paramIndex(b.fn, v)
	if i < 0 {
		return loops.Evidence{}, false
	}
	if ev, ok := rpcInput(b, v); ok {
		return ev, true
	}
	best, seen, allProgram := loops.Evidence{}, false, true
	consider := func(ev loops.Evidence, by string) {
		seen = true
		if ev.Source != loops.Program {
			allProgram = false
		}
		if hotter(ev, best) {
			best = ev
			if best.By == "" {
				best.By = by // the outermost caller is the one to name
			}
		}
	}
	for _, c := range b.callers {
		if c.test {
			continue
		}
		for j, callee := range c.calls {
			call, ok := c.sites[j].Node().(*ast.CallExpr)
			if callee != b || !ok || i >= len(call.Args) || call.Ellipsis.IsValid() && i == len(call.Args)-1 {
				continue
			}
			ev := loops.OfArg(r.pass.TypesInfo, c.sites[j], call.Args[i], r.fetches)
			if in, ok := c.rpcArg(ev); ok {
				ev = in
			} else if ev.Source == loops.Param && ev.Param != nil {
				if up, ok := r.paramEvidence(c, ev.Param, depth+1); ok {
					ev = up
				}
			}
			consider(ev, c.describe())
		}
	}
	if !b.private(r.pass.Pkg.Name() == "main") {
		allProgram = false // callers elsewhere may pass anything
		for _, a := range r.args[b.fn.FullName()] {
			if a.index == i {
				consider(loops.Evidence{Source: a.source, What: a.what}, "")
			}
		}
	}
	switch {
	case best.Source == loops.Served || best.Source == loops.Decoded:
		return best, true
	case seen && allProgram:
		return best, true
	}
	return loops.Evidence{}, false
}

// RPCInput returns the evidence for v, a parameter of fn, when fn is an
// RPC method and v its request message (see rpcInput).
func (r *Result) RPCInput(fn ast.Node, v *types.Var) (loops.Evidence, bool) {
	return rpcInput(r.declaration(fn), v)
}

// rpcInput returns the evidence for v, a parameter of b: the request
// message of an RPC method (gRPC, Connect, Twirp) or a resolver's
// arguments is what the client sent, like a decoded HTTP body. The
// framework calls the method, so no caller in the program says so.
func rpcInput(b *body, v *types.Var) (loops.Evidence, bool) {
	if b == nil || !b.service || b.fn == nil || paramIndex(b.fn, v) < 0 || apis.IsContext(v.Type()) {
		return loops.Evidence{}, false
	}
	return loops.Evidence{Source: loops.Served, What: "the request message an RPC client sent", Param: v}, true
}

// rpcArg returns the evidence for an argument b passes whose own evidence
// is one of b's parameters, or a field of one: b's request message when b
// is an RPC method.
func (b *body) rpcArg(ev loops.Evidence) (loops.Evidence, bool) {
	if ev.Source != loops.Param {
		return loops.Evidence{}, false
	}
	if ev.Param != nil {
		return rpcInput(b, ev.Param)
	}
	return rpcInput(b, ev.Holder)
}

// hotter reports whether a says a loop is hotter than b: served data,
// then decoded data, then anything else, then the program's own data.
func hotter(a, b loops.Evidence) bool {
	rank := func(e loops.Evidence) int {
		switch e.Source {
		case loops.Served:
			return 3
		case loops.Decoded:
			return 2
		case loops.Program:
			return 0
		}
		return 1
	}
	if b.Source == loops.Unknown && b.What == "" {
		return true
	}
	return rank(a) > rank(b)
}

func paramIndex(fn *types.Func, v *types.Var) int {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if params.At(i) == v {
			if fn.Signature().Variadic() && i == params.Len()-1 {
				return -1
			}
			return i
		}
	}
	return -1
}

// fetches reports whether call returns served rows: a round-trip or a
// function that makes one or returns a list.
func (r *Result) fetches(call *ast.CallExpr) bool {
	if _, ok := r.Effect(call, Query); ok {
		return true
	}
	_, ok := r.Effect(call, List)
	return ok
}

// servedArgs returns the served data the package passes to the module's
// exported functions of other packages, for their loops (see
// ParamEvidence).
func (r *Result) servedArgs(order []*body) []argEvidence {
	var out []argEvidence
	for _, b := range order {
		if b.test {
			continue
		}
		for _, fn := range b.exits {
			if fn.Pkg() == r.pass.Pkg || interfaceOf(fn) != nil {
				continue
			}
			for _, site := range b.exitSites[fn] {
				out = append(out, r.argsAt(b, fn, site)...)
			}
		}
	}
	return out
}

// argsAt returns the served data the call at site, in caller, passes to fn.
func (r *Result) argsAt(caller *body, fn *types.Func, site inspector.Cursor) []argEvidence {
	call, ok := site.Node().(*ast.CallExpr)
	if !ok {
		return nil
	}
	var out []argEvidence
	params := fn.Signature().Params()
	for i, arg := range call.Args {
		if i >= params.Len() || fn.Signature().Variadic() && i >= params.Len()-1 || !iterable(params.At(i).Type()) {
			continue
		}
		ev := loops.OfArg(r.pass.TypesInfo, site, arg, r.fetches)
		if in, ok := caller.rpcArg(ev); ok {
			ev = in
		}
		if ev.Source == loops.Served || ev.Source == loops.Decoded {
			out = append(out, argEvidence{callee: fn.FullName(), index: i, what: ev.What, source: ev.Source})
		}
	}
	return out
}

// iterable reports whether a loop can go over a value of type t.
func iterable(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Map, *types.Array, *types.Chan:
		return true
	}
	return false
}

// programArgs returns the served arguments every package in view passes,
// by callee; nil until the whole program is in view.
func (r *Result) programArgs() map[string][]argEvidence {
	if !r.whole {
		return nil
	}
	args := make(map[string][]argEvidence)
	for _, pf := range r.pass.AllPackageFacts() {
		if pkg, ok := pf.Fact.(*Package); ok {
			for _, a := range pkg.args {
				args[a.callee] = append(args[a.callee], a)
			}
		}
	}
	return args
}
