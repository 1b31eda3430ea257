package summary

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
)

// Calls through interfaces.
//
// A layered service calls its repository through an interface
// (h.orders.ByID(ctx, id)): the cost is in the implementations, which live
// in other packages, often ones the caller does not import. A call through
// a method of an interface of the module being analyzed has the effects of
// the implementations the package can see: its own types (linked like
// static calls), the module's types whose methods have facts, and database
// handles of the known drivers (sqlc's DBTX is *sql.DB or *sql.Tx). What it
// cannot see is recorded as an open call on the function's fact, resolved
// by whichever package later sees an implementation. In a driver that
// analyzes the whole program (perflint ./..., see Revisit) every package's
// facts are visible in the second visit, so every open call resolves.
//
// Only interfaces of the analyzed (main) module are followed: the
// internals of dependencies are judged by the API tables, not by which of
// their types happen to satisfy their interfaces.

// An openCall is a call through an interface method of the module.
type openCall struct {
	method  *types.Func // the interface method
	via     string      // the calls leading to it from the function, "" when the function makes it
	perCall bool        // made once per call of the function, not only in its loops
	cond    bool        // made only on a branch that tests a parameter
	maybe   bool        // made only when a cache lookup misses
}

// maxOpen bounds the open calls a function carries: a function reaching
// more interface methods than this is a dispatcher, and the first ones
// found are the ones its messages would name anyway.
const maxOpen = 8

// addOpen records o on b once per method.
func (b *body) addOpen(o openCall) bool {
	if len(b.open) >= maxOpen || slices.ContainsFunc(b.open, func(x openCall) bool { return x.method == o.method }) {
		return false
	}
	b.open = append(b.open, o)
	return true
}

// through returns o as seen by a caller of name at a call site in or out
// of a loop.
func (o openCall) through(name string, inLoop, cond, maybe bool) openCall {
	via := name
	if o.via != "" {
		via = Join(name, o.via)
	}
	if name == "" {
		via = o.via
	}
	return openCall{method: o.method, via: via, perCall: o.perCall && !inLoop, cond: o.cond || cond, maybe: o.maybe || maybe}
}

func inLoops(o openCall) bool { return !o.perCall }

// propagateOpen gives each body the open calls of the bodies it runs, to a
// fixed point.
func (r *Result) propagateOpen(order []*body) {
	for changed := true; changed; {
		changed = false
		for _, b := range order {
			for i, c := range b.calls {
				for _, o := range c.open {
					if b.addOpen(o.through(c.name, r.siteInLoop(b.sites[i]), false, r.siteAfterHit(b.sites[i]))) {
						changed = true
					}
				}
			}
		}
	}
}

// moduleInterfaceMethod returns the interface method call calls when the
// interface belongs to the analyzed module, which is the main module (not
// a versioned dependency).
func (r *Result) moduleInterfaceMethod(call *ast.CallExpr) *types.Func {
	fn := apis.Callee(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || interfaceOf(fn) == nil || !r.inModule(fn.Pkg()) {
		return nil
	}
	return fn
}

func (r *Result) inModule(pkg *types.Package) bool {
	m := r.pass.Module
	if m == nil || m.Path == "" || m.Version != "" {
		return false
	}
	return pkg.Path() == m.Path || strings.HasPrefix(pkg.Path(), m.Path+"/")
}

// interfaceOf returns the interface whose method fn is, or nil.
func interfaceOf(fn *types.Func) *types.Interface {
	recv := fn.Signature().Recv()
	if recv == nil {
		return nil
	}
	iface, _ := recv.Type().Underlying().(*types.Interface)
	return iface
}

// linkImplementations links the call of interface method m at cur to the
// methods of the package's own types that implement it.
func (r *Result) linkImplementations(caller *body, m *types.Func, cur inspector.Cursor) {
	for _, impl := range apis.Implementations(r.pass.Pkg, m) {
		if b := r.funcs[impl]; b != nil && !b.test {
			link(caller, b, cur)
		}
	}
}

// withLocalImplementations adds to f (ok: it holds what other packages'
// implementations cost) what the package's own implementations of m cost.
func (r *Result) withLocalImplementations(m *types.Func, f *Fact, ok bool) (*Fact, bool) {
	var local []*body
	for _, impl := range apis.Implementations(r.pass.Pkg, m) {
		if b := r.funcs[impl]; b != nil && !b.test {
			local = append(local, b)
		}
	}
	if len(local) == 0 {
		return f, ok
	}
	merged := Fact{}
	if ok {
		merged = *f
	}
	r.mu.Lock()
	others := len(r.resolver().implementations(m))
	r.mu.Unlock()
	for e := range numEffects {
		has := 0
		for _, b := range local {
			if b.chains[e] == "" {
				continue
			}
			if has++; merged.Chains[e] == "" {
				merged.Chains[e], merged.Roots[e] = Join(b.name, b.chains[e]), b.roots[e]
				merged.Looped[e], merged.Cond[e], merged.Maybe[e] = b.looped()[e], b.cond[e], b.maybe[e]
			}
			merged.Maybe[e] = merged.Maybe[e] || b.maybe[e] // a caching decorator may be the one wired in
		}
		if has > 0 && has < len(local)+others {
			merged.Maybe[e] = true // some implementations do not have it
		}
	}
	for _, b := range local {
		merged.Drops = merged.Drops || b.drops()
	}
	return &merged, merged.Chains != ([numEffects]string{})
}

// resolver finds what calls through interface methods cost, from the facts
// the package can see. It is built on first use: most packages make no
// call through an interface of the module.
type resolver struct {
	r       *Result
	methods map[string][]*types.Func // the module's methods with a fact, by name
	handles []*types.Package         // database driver packages the package imports, directly or not
	byIface map[*types.Func]*Fact    // per interface method; nil while it is being resolved
	byFunc  map[*types.Func]*Fact    // imported facts with their open calls resolved
}

func (r *Result) resolver() *resolver {
	if r.res == nil {
		r.res = &resolver{r: r, byIface: make(map[*types.Func]*Fact), byFunc: make(map[*types.Func]*Fact)}
	}
	return r.res
}

// importedFact returns fn's fact with its open calls resolved.
func (rs *resolver) importedFact(fn *types.Func) (*Fact, bool) {
	if f, seen := rs.byFunc[fn]; seen {
		return f, f != nil
	}
	rs.byFunc[fn] = nil // a cycle resolves to what is known so far
	var raw Fact
	if !rs.r.pass.ImportObjectFact(fn, &raw) {
		return nil, false
	}
	f := raw
	for _, o := range raw.open {
		if via, ok := rs.interfaceFact(o.method); ok {
			f.addOpenEffects(o, via)
		}
	}
	rs.byFunc[fn] = &f
	return &f, true
}

// addOpenEffects gives f the effects it has through open call o, whose
// implementations have the effects of via.
func (f *Fact) addOpenEffects(o openCall, via *Fact) {
	for e := range numEffects {
		if f.Chains[e] != "" || via.Chains[e] == "" || Effect(e) == List {
			continue
		}
		// The implementation stands for the interface method in the
		// chain: (*service.Orders).Get, not (domain.Orders).Get.
		f.Chains[e], f.Roots[e] = via.Chains[e], via.Roots[e]
		if o.via != "" {
			f.Chains[e] = Join(o.via, f.Chains[e])
		}
		f.Looped[e] = !o.perCall || via.Looped[e]
		f.Cond[e] = o.cond || via.Cond[e]
		f.Maybe[e] = o.maybe || via.Maybe[e]
	}
}

// interfaceFact returns what a call of interface method m costs through
// the implementations visible to the package, other than its own types
// (linked as calls): the module's types with facts, and database handles.
// An effect that only some implementations have holds on a branch (Cond);
// one that each has only in its own loops stays Looped.
func (rs *resolver) interfaceFact(m *types.Func) (*Fact, bool) {
	if f, seen := rs.byIface[m]; seen {
		return f, f != nil
	}
	rs.byIface[m] = nil
	var f Fact
	var has [numEffects]int
	impls := rs.implementations(m)
	for _, impl := range impls {
		implFact, ok := rs.importedFact(impl)
		if !ok {
			continue
		}
		for e := range numEffects {
			if implFact.Chains[e] == "" {
				continue
			}
			if has[e] == 0 {
				f.Chains[e], f.Roots[e] = Join(apis.ShortName(impl), implFact.Chains[e]), cmp.Or(implFact.Roots[e], impl.FullName())
				f.Looped[e], f.Cond[e], f.Maybe[e] = implFact.Looped[e], implFact.Cond[e], implFact.Maybe[e]
			}
			f.Looped[e] = f.Looped[e] && implFact.Looped[e]
			f.Maybe[e] = f.Maybe[e] || implFact.Maybe[e] // a caching decorator may be the one wired in
			has[e]++
		}
		f.Drops = f.Drops || implFact.Drops
	}
	if rt := rs.handleRoundTrip(m); rt != nil && f.Chains[Query] == "" {
		f.Chains[Query] = apis.ShortName(rt)
		has[Query] = len(impls) + 1
	}
	for e := range numEffects {
		f.Maybe[e] = f.Maybe[e] || (has[e] > 0 && has[e] < len(impls))
	}
	if f.Chains == ([numEffects]string{}) {
		return nil, false
	}
	rs.byIface[m] = &f
	return &f, true
}

// implementations returns the methods of the module's other packages
// that implement m, ordered by package and name.
func (rs *resolver) implementations(m *types.Func) []*types.Func {
	if rs.methods == nil {
		rs.methods = rs.moduleMethods()
	}
	iface := interfaceOf(m)
	var impls []*types.Func
	for _, fn := range rs.methods[m.Name()] {
		if apis.ImplementedBy(receiverTypeName(fn), iface, m) == fn {
			impls = append(impls, fn)
		}
	}
	return impls
}

// moduleMethods indexes by name the methods declared in the module's
// packages the pass can see (those that exported a Package fact), other
// than its own: its own types, and an earlier visit's copy of them, are
// linked as calls.
func (rs *resolver) moduleMethods() map[string][]*types.Func {
	methods := make(map[string][]*types.Func)
	self := rs.r.pass.Pkg.Path()
	for _, pf := range rs.r.pass.AllPackageFacts() {
		if _, ok := pf.Fact.(*Package); !ok || pf.Package.Path() == self {
			continue
		}
		scope := pf.Package.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || types.IsInterface(named) {
				continue
			}
			for fn := range named.Methods() {
				methods[fn.Name()] = append(methods[fn.Name()], fn)
			}
		}
	}
	for _, list := range methods {
		slices.SortFunc(list, func(x, y *types.Func) int { return strings.Compare(x.FullName(), y.FullName()) })
	}
	return methods
}

func receiverTypeName(fn *types.Func) types.Object {
	t := fn.Signature().Recv().Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if named, ok := t.(*types.Named); ok {
		return named.Obj()
	}
	return nil
}

// handleRoundTrip returns the round-trip method of a database handle of a
// known driver that implements m (QueryContext of an interface *sql.DB and
// *sql.Tx satisfy), or nil.
func (rs *resolver) handleRoundTrip(m *types.Func) *types.Func {
	if rs.handles == nil {
		rs.handles = databasePackages(rs.r.pass.Pkg)
	}
	iface := interfaceOf(m)
	var found *types.Func
	for _, pkg := range rs.handles {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			if !token.IsExported(name) {
				continue
			}
			impl := apis.ImplementedBy(scope.Lookup(name), iface, m)
			if impl == nil || !Config.IsRoundTrip(impl) {
				continue
			}
			if name == "DB" || name == "Pool" {
				return impl // the handle messages should name
			}
			if found == nil {
				found = impl
			}
		}
	}
	return found
}

// databasePackages returns the database driver packages pkg imports,
// directly or not, in import order (an empty, non-nil slice for none).
func databasePackages(pkg *types.Package) []*types.Package {
	found := []*types.Package{}
	seen := make(map[*types.Package]bool)
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if apis.IsDBPackage(imp) {
				found = append(found, imp)
			}
			walk(imp)
		}
	}
	walk(pkg)
	return found
}

// Package is the fact of every package of the analyzed module: its types
// are where calls through the module's interfaces may land. Open counts
// its functions that call interface methods of the module where what they
// cost decides a finding (in a loop, on the request path), and whose
// implementations may be in packages it cannot see. Entries counts its
// exported functions whose place only their callers in other packages
// tell (see places.go).
type Package struct {
	Open, Entries int

	// calls are its calls of the module's exported functions, with where
	// they run; dynamic the names of the interface methods it calls. Not
	// serialized, like Fact.open.
	calls   []placedCall
	dynamic []string
	args    []argEvidence
	// contexts are the contexts it passes to the module's exported
	// functions of other packages: lifetime ones or not (see
	// LifetimeContext).
	contexts []contextArg
	// program: it is a command of the module that runs in production (a
	// main package, not a test harness, an example or a dev tool).
	program bool
	// imports are the module's packages its non-test files import: a
	// package no other imports runs in no command (see placeExported).
	imports []string
	// exposed are its methods a package outside the module may call
	// through an interface of its own (see exposedMethods).
	exposed []string
	// generates are the module's commands its //go:generate go run
	// directives run (see generatedCommands).
	generates []string
}

func (*Package) AFact() {}

func (p *Package) String() string {
	if p.Open == 0 {
		return "module"
	}
	return fmt.Sprintf("module, %d open", p.Open)
}

// Revisit reports whether a package's findings may change once every
// package of the program is known: it has open calls, or it has findings
// and exported functions whose callers elsewhere may all be start-up or
// rare code, or findings and no importer among the analyzed packages
// (only tests use it: see placeExported), or it is a command with findings
// (a go generate directive elsewhere may run it: see generate.go). Whole-program drivers analyze
// such packages again with every package's facts in view.
func Revisit(pkg *types.Package, packageFact func(analysis.Fact) bool, findings int, imported bool) bool {
	var p Package
	return packageFact(&p) && (p.Open > 0 || findings > 0 && (p.Entries > 0 || !imported && !p.program || p.program))
}
