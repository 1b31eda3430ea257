package ctxflow

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/ctxscope"
	"github.com/perflint/perflint/analyzers/internal/summary"
)

// ReachesIO marks a function whose context parameter reaches a call that
// blocks on I/O and gives up when the context ends: a query, a request sent
// with it, a dial, a wait on ctx.Done(), or a function with this fact.
// Only such a function is the context-taking half of a pair worth
// reporting: a logger's InfoWithContext, which only reads values from its
// context, has no fact, and calling Info instead loses nothing.
type ReachesIO struct {
	Via  string // the chain to the call: store.fetch → (*sql.DB).QueryRowContext
	Kind IOKind // the weightiest I/O the context reaches
}

// IOKind tells what the I/O a context reaches costs when it is left
// without the context, from the least to the most.
type IOKind int

const (
	// BindsStatement: binding a prepared statement to a transaction
	// (Tx.StmtContext), which prepares it again only on a connection that
	// has not seen it; the statement's own call takes the context.
	BindsStatement IOKind = iota
	// Queries: a query of the service's own database or cache, most often
	// short.
	Queries
	// Blocks: a request, a dial, a lookup, a command, a wait.
	Blocks
)

// reached is how a context reaches I/O: the chain and the kind.
type reached struct {
	via  string
	kind IOKind
}

// note keeps io if r is empty or io is weightier.
func (r *reached) note(io reached) {
	if r.via == "" || io.kind > r.kind {
		*r = io
	}
}

func (*ReachesIO) AFact() {}

func (f *ReachesIO) String() string { return "context reaches " + f.Via }

// KeepsContext marks a function that keeps its context parameter beyond
// the call, in a field of an object (fs.ctx = ctx, or a context derived
// from it), itself or through a function it hands the context to: the
// context sets how long that object lives (a session, a connection's read
// loop), not how long this call may wait. Its context-less sibling
// (Connect beside ConnectContext) is the right call where the object must
// outlive the request.
type KeepsContext struct{}

func (*KeepsContext) AFact() {}

func (*KeepsContext) String() string { return "keeps its context" }

// reach answers whether the context parameter of a function of the package
// or of a dependency reaches cancellable I/O.
type reach struct {
	pass  *analysis.Pass
	local map[*types.Func]reached       // the package's functions that reach I/O, with the chain
	kept  map[*types.Func]bool          // the package's functions that keep their context (KeepsContext)
	impls map[*types.Func][]*types.Func // the implementations of an interface method, once looked up
}

// ctxFunc is a function of the package with a context parameter: the
// calls its context (or one derived from it) is passed to, and whether it
// reaches I/O by itself.
type ctxFunc struct {
	fn    *types.Func
	calls []*ast.CallExpr // calls given the context whose callee may have the fact
	own   reached         // a call known to block on the context, if any (own.via != "")
	keeps bool            // it stores the context in a field itself
}

// newReach computes and exports the ReachesIO facts of the package's
// functions, propagating through calls of the package to a fixed point.
func newReach(pass *analysis.Pass, ins *inspector.Inspector) *reach {
	r := &reach{pass: pass, local: make(map[*types.Func]reached), kept: make(map[*types.Func]bool), impls: make(map[*types.Func][]*types.Func)}
	var funcs []*ctxFunc
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		if f := r.scan(cur); f != nil {
			funcs = append(funcs, f)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, f := range funcs {
			if _, done := r.local[f.fn]; done {
				continue
			}
			if io, ok := r.firstIO(f); ok {
				r.local[f.fn], changed = io, true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, f := range funcs {
			if !r.kept[f.fn] && (f.keeps || slices.ContainsFunc(f.calls, r.handsToKeeper)) {
				r.kept[f.fn], changed = true, true
			}
		}
	}
	for _, f := range funcs { // source order
		if io, ok := r.local[f.fn]; ok {
			pass.ExportObjectFact(f.fn, &ReachesIO{Via: io.via, Kind: io.kind})
		}
		if r.kept[f.fn] {
			pass.ExportObjectFact(f.fn, new(KeepsContext))
		}
	}
	r.exportInterfaceFacts()
	return r
}

// scan collects what the declared function at cur does with its context
// parameters and the contexts derived from them, or returns nil when it
// has none.
func (r *reach) scan(cur inspector.Cursor) *ctxFunc {
	info := r.pass.TypesInfo
	fd := cur.Node().(*ast.FuncDecl)
	fn, _ := info.Defs[fd.Name].(*types.Func)
	if fn == nil || fd.Body == nil {
		return nil
	}
	ctxs := contextVars(info, fn, fd)
	if len(ctxs) == 0 {
		return nil
	}
	f := &ctxFunc{fn: fn}
	for c := range cur.Preorder((*ast.Ident)(nil)) {
		if v, ok := info.Uses[c.Node().(*ast.Ident)].(*types.Var); ok && ctxs[v] {
			f.use(info, c)
		}
	}
	return f
}

// contextVars returns fn's named context parameters and the local
// contexts derived from them (ctx2, cancel := context.WithTimeout(ctx, d)).
func contextVars(info *types.Info, fn *types.Func, fd *ast.FuncDecl) map[*types.Var]bool {
	ctxs := make(map[*types.Var]bool)
	params := fn.Signature().Params()
	for i := range params.Len() {
		if p := params.At(i); apis.IsContext(p.Type()) && p.Name() != "_" && p.Name() != "" {
			ctxs[p] = true
		}
	}
	if len(ctxs) == 0 {
		return nil
	}
	for v := range ctxscope.DerivedFrom(info, fd, ctxs) {
		ctxs[v] = true
	}
	return ctxs
}

// use records a use of one of f's contexts at cur: a wait on it or a call
// known to block on it settles the question; a call of any other function
// given it is kept for the fixed point.
func (f *ctxFunc) use(info *types.Info, cur inspector.Cursor) {
	if name, ok := waitsOn(info, cur); ok {
		f.own.note(reached{name, Blocks})
	}
	if storedInReceiver(info, f.fn, cur) {
		f.keeps = true
	}
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun == cur.Node() {
		return
	}
	callee := apis.Callee(info, call)
	if callee != nil && callee.Pkg() != nil && apis.ContextPackage(callee.Pkg().Path()) && storedInReceiver(info, f.fn, cur.Parent()) {
		f.keeps = true // fs.ctx, fs.cancel = context.WithCancel(ctx)
	}
	switch {
	case callee == nil || callee.Pkg() == nil || apis.ContextPackage(callee.Pkg().Path()):
		// A function value reaches nothing we can see; deriving a context
		// (WithTimeout) is followed by contextVars, and AfterFunc by waitsOn.
	case apis.ContextIO(callee) || isRoundTrip(info, call):
		f.own.note(reached{apis.ShortName(callee), kindOf(info, callee, call)})
	default:
		f.calls = append(f.calls, call)
	}
}

// isRoundTrip reports whether call is a database round-trip by the tables,
// the user's own query functions included.
func isRoundTrip(info *types.Info, call *ast.CallExpr) bool {
	_, ok := summary.Config.RoundTrip(info, call)
	return ok
}

// waitsOn reports whether the context named at cur is waited on or its
// deadline applied: ctx.Done() (a channel whose only use is to wait for
// cancellation, in a select or a receive), ctx.Deadline() (set on a
// connection or a timer), or context.AfterFunc(ctx, stop).
func waitsOn(info *types.Info, cur inspector.Cursor) (string, bool) {
	var call *ast.CallExpr
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr:
		call, _ = cur.Parent().Parent().Node().(*ast.CallExpr)
		if call == nil || call.Fun != p {
			return "", false
		}
	case *ast.CallExpr:
		call = p
	default:
		return "", false
	}
	fn := apis.Callee(info, call)
	if fn == nil {
		return "", false
	}
	switch fn.FullName() {
	case "(context.Context).Done", "(context.Context).Deadline", "context.AfterFunc":
		return apis.ShortName(fn), true
	}
	return "", false
}

// firstIO returns how f's context reaches I/O, if it does: by its own
// blocking call or through a call whose callee reaches I/O, the weightiest
// kind, and the first of that kind in source order.
func (r *reach) firstIO(f *ctxFunc) (reached, bool) {
	best := f.own
	for _, call := range f.calls {
		if best.via != "" && best.kind == Blocks {
			break
		}
		callee := apis.Callee(r.pass.TypesInfo, call)
		if io, ok := r.reaches(callee); ok {
			io.via = summary.Join(apis.ShortName(callee), io.via)
			best.note(io)
		}
	}
	return best, best.via != ""
}

// kindOf tells what the context-taking call costs without its context.
func kindOf(info *types.Info, fn *types.Func, call *ast.CallExpr) IOKind {
	switch {
	case apis.BindsStatement(fn):
		return BindsStatement
	case (apis.DBPackage(fn) || call != nil && isRoundTrip(info, call)) && !strings.HasPrefix(fn.Name(), "Ping"):
		return Queries
	}
	return Blocks
}

// reaches returns the chain by which fn's context reaches I/O: from this
// package's analysis, from fn's fact, or for an interface method from an
// implementation in this package. A dependency's function without the
// fact does not reach I/O: every driver computes the facts of every
// dependency, and the package that declares an interface exports the fact
// for the methods its own implementations give one.
func (r *reach) reaches(fn *types.Func) (reached, bool) {
	if fn == nil {
		return reached{}, false
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		if io, ok := r.local[fn]; ok {
			return io, true
		}
	} else if f := new(ReachesIO); r.pass.ImportObjectFact(fn, f) {
		return reached{f.Via, f.Kind}, true
	}
	return r.implementationReaches(fn)
}

// implementationReaches reports whether fn is an interface method that a
// concrete type of this package implements with a method that reaches
// I/O: the evidence that a context given to the interface can cancel
// something.
func (r *reach) implementationReaches(fn *types.Func) (reached, bool) {
	impls, ok := r.impls[fn]
	if !ok {
		impls = apis.Implementations(r.pass.Pkg, fn)
		r.impls[fn] = impls
	}
	for _, impl := range impls {
		if io, ok := r.reaches(impl); ok {
			io.via = summary.Join(apis.ShortName(impl), io.via)
			return io, true
		}
	}
	return reached{}, false
}

// exportInterfaceFacts gives the context-taking methods of the package's
// interfaces the fact an implementation here earns them, so that callers
// in other packages need not see the implementation: a driver that reads
// export data (go vet) does not see unexported types.
func (r *reach) exportInterfaceFacts() {
	scope := r.pass.Pkg.Scope()
	for _, name := range scope.Names() { // sorted
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for m := range iface.ExplicitMethods() {
			if !ctxscope.TakesContext(m) {
				continue
			}
			if io, ok := r.implementationReaches(m); ok {
				r.pass.ExportObjectFact(m, &ReachesIO{Via: io.via, Kind: io.kind})
			}
		}
	}
}

// givenTo returns the function the new context at cur is handed to
// directly (f(context.TODO(), …)) when its context reaches no I/O that
// honours cancellation, by its facts: a static call of a function whose
// every dependency is analyzed, so the missing fact is evidence. Interface
// methods and function values may reach what is not in view.
func (r *reach) givenTo(cur inspector.Cursor) (*types.Func, bool) {
	info := r.pass.TypesInfo
	call, ok := cur.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun == cur.Node() {
		return nil, false
	}
	callee := apis.Callee(info, call)
	if callee == nil || callee.Pkg() == nil || interfaceMethod(callee) || apis.ContextIO(callee) || isRoundTrip(info, call) {
		return nil, false
	}
	if apis.ContextPackage(callee.Pkg().Path()) || returnsContext(callee) {
		// WithTimeout(context.Background(), d), trace.ContextWithSpan(…):
		// the new context goes on, wherever the result is used.
		return nil, false
	}
	if _, ok := r.reaches(callee); ok {
		return nil, false
	}
	return callee, true
}

// returnsContext reports whether fn returns a context.
func returnsContext(fn *types.Func) bool {
	res := fn.Signature().Results()
	for i := range res.Len() {
		if t := res.At(i).Type(); apis.IsContext(t) || ctxscope.EmbedsContext(t) {
			return true
		}
	}
	return false
}

// interfaceMethod reports whether fn is a method of an interface.
func interfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// storedInReceiver reports whether the expression at cur is assigned to a
// field of fn's receiver (fs.ctx = ctx): the object outlives the call. A
// context stored in a new value the function returns (a request, a
// command) travels with that value instead.
func storedInReceiver(info *types.Info, fn *types.Func, cur inspector.Cursor) bool {
	recv := fn.Signature().Recv()
	sel, ok := ast.Unparen(assignedTo(cur)).(*ast.SelectorExpr)
	if recv == nil || !ok || !isField(info, sel) {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && info.Uses[id] == recv
}

// handsToKeeper reports whether call, given a context of the function,
// calls one that keeps it (see KeepsContext).
func (r *reach) handsToKeeper(call *ast.CallExpr) bool {
	return r.keeps(apis.Callee(r.pass.TypesInfo, call))
}

// keeps reports whether fn keeps its context beyond the call, by this
// package's analysis or by its fact.
func (r *reach) keeps(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		return r.kept[fn]
	}
	return r.pass.ImportObjectFact(fn, new(KeepsContext))
}

// cancels reports whether the context of a call's twin can cancel
// something, and what: the twin is known to block on I/O, or its context
// reaches I/O by its fact.
func (r *reach) cancels(t ctxscope.Twin) (IOKind, bool) {
	if t.Known() {
		if t.Fn == nil {
			return kindOf(r.pass.TypesInfo, t.Of, nil), true // Begin/BeginTx, net.Dial/DialContext
		}
		return kindOf(r.pass.TypesInfo, t.Fn, nil), true
	}
	io, ok := r.reaches(t.Fn)
	return io.kind, ok
}
