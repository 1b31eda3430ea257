// Package summary defines the analyzer that summarizes what each function
// does when it is called, transitively: builds a connection pool, performs a
// database round-trip, logs at info level, returns every row of an unbounded
// query (List: unlike the others it flows only through calls whose result
// the function returns, see package listflow). The summaries are exported as
// facts, so that a loop or a handler in one package is reported at its call
// of a function of another package that does the costly thing, with the
// chain of calls in the message.
//
// Within one package the same call graph answers two more questions the
// analyzers ask: is a function on the request path (reachable from an HTTP
// handler), and does it run only at start-up (main, init, package variable
// initializers, sync.Once, and functions only they call)?
//
// It works on the syntax tree and types only; no SSA, so that the facts are
// cheap to compute for every dependency.
package summary

import (
	"cmp"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
	"github.com/perflint/perflint/analyzers/internal/ctxscope"
	"github.com/perflint/perflint/analyzers/internal/listflow"
	"github.com/perflint/perflint/analyzers/internal/loops"
)

// Effect is a costly thing a function may do when called.
type Effect int

const (
	Pool    Effect = iota // builds a connection pool
	Query                 // performs a database or cache round-trip
	InfoLog               // writes a log line at debug or info level
	List                  // returns every row of a query with no bound (see package listflow)
	numEffects
)

var effectNames = [numEffects]string{"pool", "query", "log", "list"}

func (e Effect) String() string { return effectNames[e] }

// Fact records, for each effect a function has, the chain of calls from the
// function to the call that has it, e.g.
// "store.CustomerByID → (*sql.DB).QueryRowContext".
type Fact struct {
	Chains [numEffects]string
	// Roots names, for each effect, the function of the module whose own
	// code has it (the one that calls the pool's constructor): every
	// chain through it is one cause, whatever path leads there.
	Roots [numEffects]string
	// Looped marks the effects the function has only inside loops of its
	// own: those loops are reported where they are, so a caller's loop or
	// handler adds nothing but a duplicate.
	Looped [numEffects]bool
	// Cond marks the effects the function has only on a branch that
	// tests one of its parameters (a transport built when the options
	// carry none): whether a call has them depends on its arguments.
	Cond [numEffects]bool
	// Maybe marks the effects the function has only when a cache lookup
	// before them misses, or through only some of the implementations of
	// an interface it calls: possible, not certain.
	Maybe [numEffects]bool
	// Recursive marks a function that calls itself once per item of a
	// loop of its own (a tree loader): that self-call is where its cost is
	// reported, once, not at each caller's loop.
	Recursive bool
	// Drops marks a function that builds its pool and throws it away on
	// every call (neither returned nor stored): reported at the
	// construction, not at its callers.
	Drops bool
	// RootDrops says the root of the pool chain (see Roots) drops the
	// pool it builds on every call: the finding is there, not at its
	// callers. Kept says a function of the chain, the root or one on the
	// way to it, stores the pool (or what holds it) where it outlives the
	// call (a field, a package variable, a map): the pool is kept and
	// shared, and a call rebuilds it only when asked to.
	RootDrops, Kept bool
	// PoolNeeds is what the function's pool needs of its arguments (see
	// Need): a call that leaves the needed field zero builds none.
	PoolNeeds Need
	// Memoizes marks a function that calls the function it is given only
	// when a lookup of an earlier result misses (see memoizes): a
	// constructor passed to it runs once per key, not once per call.
	Memoizes bool
	// Defers marks a function that keeps the functions it is given for
	// later — sends them on a channel, stores them, hands them to a
	// goroutine — and never calls them itself (a job queue's Dispatch):
	// a literal passed to it runs later, not where it is written.
	Defers bool
	// Starts marks a function that runs the functions it is given only in
	// goroutines it starts and does not wait for (a "safe go" helper that
	// adds a recover): a literal passed to it runs detached from its
	// caller, after the caller may have returned.
	Starts bool
	// Served marks a function its own package runs per request (a
	// handler, or code one runs): the costs it adds to each request are
	// reported there, so a caller in another package would only repeat
	// them.
	Served bool
	// Serves marks a function that serves requests until its server stops
	// (http.ListenAndServe, (*grpc.Server).Serve, itself or through its
	// callees): a command-line action that runs one starts the service.
	Serves bool
	// Detaches marks a function that returns a context built from
	// context.Background() and from no caller's context (a helper that
	// copies a request's values onto a background context): work given
	// its result is detached from the caller (see ctxscope.FromBackground).
	Detaches bool

	// open are the calls through interface methods of the module the
	// function makes, itself or through its callees (see dynamic.go).
	// They are not serialized: a driver that passes facts between
	// processes sees one package at a time, where most cannot resolve.
	open []openCall
}

func (*Fact) AFact() {}

func (f *Fact) String() string {
	var parts []string
	for e, chain := range f.Chains {
		if chain != "" {
			part := effectNames[e] + ": " + chain
			if f.Looped[e] {
				part += " (in its loops)"
			}
			switch {
			case Effect(e) == Pool && f.PoolNeeds.Self:
				part += fmt.Sprintf(" (when argument %d is set)", f.PoolNeeds.Param)
			case Effect(e) == Pool && f.PoolNeeds.Field != "":
				part += fmt.Sprintf(" (when argument %d sets %s)", f.PoolNeeds.Param, f.PoolNeeds.Field)
			}
			parts = append(parts, part)
		}
	}
	return strings.Join(parts, "; ")
}

// Config holds the users' extensions to the API tables, set by flags.
var Config apis.Config

// Analyzer computes the summaries. Its flags extend the API tables for every
// perflint analyzer.
var Analyzer = &analysis.Analyzer{
	Name:       "summary",
	Doc:        "summarize what calling each function costs (pools, round-trips, logs) for the perflint analyzers",
	URL:        "https://github.com/perflint/perflint",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	FactTypes:  []analysis.Fact{(*Fact)(nil), (*Package)(nil), (*Interfaces)(nil)},
	ResultType: reflect.TypeOf((*Result)(nil)),
	Flags:      flags(),
}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("summary", flag.ExitOnError)
	fs.Var(&Config.Queries, "queries", "comma-separated functions or methods that perform a database or cache round-trip, as types.Func.FullName spells them: (*example.com/db.Store).Get,example.com/db.Exec")
	fs.Var(&Config.Pools, "pools", "comma-separated functions that build a connection pool")
	fs.Var(&Config.Loggers, "loggers", "comma-separated functions that write an info-level log line")
	return *fs
}

// body is one function body of the package: a declared function or method,
// or a function literal.
type body struct {
	node    ast.Node // *ast.FuncDecl or *ast.FuncLit; nil for package initialization
	name    string   // short name of a declared function; "" for literals
	chains  [numEffects]string
	roots   [numEffects]string // see Fact.Roots
	calls   []*body            // bodies run by this one, in source order
	callers []*body
	sites   []inspector.Cursor // the call of each of calls

	// perCall marks the effects this body has outside loops of its own:
	// once per call, not once per item of something it iterates.
	perCall [numEffects]bool
	// cond marks the effects whose chain starts under a branch on a
	// parameter (see Fact.Cond).
	cond [numEffects]bool
	// maybe marks the effects whose chain holds only on a cache miss or
	// for some implementations (see Fact.Maybe).
	maybe [numEffects]bool
	// from is, per effect, 1 + the index in calls of the callee whose
	// chain this body took, or 0.
	from [numEffects]int
	// serves: serves requests until its server stops (see Fact.Serves).
	serves bool
	// recursive: calls itself inside a loop of its own.
	recursive bool
	// memoizes: calls its function parameters only on a miss (see Fact).
	memoizes bool
	// defers: keeps its function parameters for later (see Fact).
	defers bool
	// starts: runs its function parameters in goroutines it does not wait
	// for (see Fact.Starts).
	starts bool
	// dropsPool: every pool the body builds itself stays in it (see
	// dropped); keepsPool: one is returned, stored or passed on;
	// storesPool: one is stored where it outlives the call (see stored).
	dropsPool, keepsPool, storesPool bool
	// ownPool: the first pool chain found is the body's own construction.
	ownPool bool
	// poolNeed: what its own pool constructions, and the callees of other
	// packages that bring a pool, need of its arguments (see Need);
	// poolNeedSet once one is seen, poolNeedMixed when two differ.
	poolNeed                   Need
	poolNeedSet, poolNeedMixed bool
	// factRoot: what the fact of the callee its pool chain comes from (in
	// another package) says of that chain's root (see Fact.RootDrops).
	factRoot poolRoot

	// callsParams are the indexes of its function parameters it calls
	// itself: a function passed there runs during the call.
	callsParams []int

	// listCalls are the bodies whose result this one returns: List flows
	// only through them, not through every call.
	listCalls []*body
	// open are its calls through interface methods of the module, its
	// own and its callees' (see openCall).
	open []openCall

	handler     bool
	onFailure   bool        // runs only when something has failed (see markOnFailure)
	service     bool        // a method of a generated RPC service interface (gRPC, Connect, Twirp) or a resolver
	escapes     bool        // a declared function used as a value
	reachedFrom *body       // the handler whose requests run this body (of another package when it has no node)
	startup     bool        // runs only at start-up
	once        bool        // start-up code that runs once: no loop on any path to it
	rare        string      // why it runs once per command or deploy, or ""
	test        bool        // declared in a _test.go file: runs only under go test
	outer       string      // for literals: the enclosing declaration's name
	outerDecl   ast.Node    // for literals: the enclosing declaration
	fn          *types.Func // for declarations: the function
	detaches    bool        // see Fact.Detaches; set when facts are exported

	// exits are the exported functions of the module it calls (see
	// placedCalls), in order, and the calls of each.
	exits     []*types.Func
	exitSites map[*types.Func][]inspector.Cursor
}

// Result answers the analyzers' questions about the package's functions.
type Result struct {
	pass   *analysis.Pass
	ins    *inspector.Inspector
	bodies map[ast.Node]*body
	funcs  map[*types.Func]*body
	lits   map[*types.Var]*ast.FuncLit // local variables holding a function literal

	res *resolver  // what calls through interfaces cost; built on first use
	mu  sync.Mutex // guards res

	detached      map[*types.Func]bool // memo of Detaches; false while one is being decided
	sitesInLoop   map[int32]bool       // memo of siteInLoop
	sitesAfterHit map[int32]bool       // memo of siteAfterHit

	harness string // why the whole package runs only under tests or by hand, or ""
	// valueUses are the module's exported functions the package uses as
	// values; dynamic the names of the interface methods it calls.
	valueUses []*types.Func
	dynamic   []string
	// dynamicSites are its calls of interface methods that take a
	// context, by the body making them (see contextArgs).
	dynamicSites map[*body][]inspector.Cursor
	pkgInit      *body // package initialization: variables' initializers
	// args are the served arguments the program passes to the module's
	// exported functions, by callee (see ParamEvidence); whole is set
	// when every package of the program is in view.
	args  map[string][]argEvidence
	whole bool
	// testSupport holds the non-test files that import a test framework:
	// helpers for other packages' tests, kept beside production code.
	testSupport map[*token.File]bool
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	r := &Result{
		pass:   pass,
		ins:    ins,
		bodies: make(map[ast.Node]*body),
		funcs:  make(map[*types.Func]*body),
		lits:   make(map[*types.Var]*ast.FuncLit),

		detached:      make(map[*types.Func]bool),
		sitesInLoop:   make(map[int32]bool),
		sitesAfterHit: make(map[int32]bool),
	}
	r.pkgInit = &body{startup: true}
	r.harness = r.harnessPackage()
	order := r.collectBodies(ins)
	r.collectClosureVars(ins)
	r.collectMemoizers(ins)
	r.collectCalls(ins)
	r.collectLists(order)
	r.propagate(order)
	r.propagatePerCall(order)
	r.propagateOpen(order)
	startServices(order)
	r.markRequestPath(order)
	markStartup(order, pass.Pkg.Name() == "main")
	r.markOnce(order)
	markRare(order, pass.Pkg.Name() == "main")
	r.whole = r.wholeInView()
	if r.whole && r.harness == "" && pass.Pkg.Name() == "main" && r.runByGenerate() {
		r.harness = generateTool
	}
	r.markOnFailure(order, false)
	calls := r.placedCalls(order)
	r.placeExported(order)
	r.markOnFailure(order, r.whole)
	r.args = r.programArgs()
	if !r.whole {
		r.exportInterfaces()
	}
	r.exportFacts(order, calls)
	return r, nil
}

// collectBodies records every function body, in source order.
func (r *Result) collectBodies(ins *inspector.Inspector) []*body {
	var order []*body
	isMain := r.pass.Pkg.Name() == "main"
	var services []*types.Interface
	servicesKnown := false
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		b := &body{node: cur.Node(), test: r.inTestFile(cur.Node())}
		var sig *types.Signature
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			fn, _ := r.pass.TypesInfo.Defs[n.Name].(*types.Func)
			if fn == nil || n.Body == nil {
				continue
			}
			b.name, b.fn = apis.ShortName(fn), fn
			sig = fn.Type().(*types.Signature)
			b.callsParams = r.calledParams(sig, cur)
			r.funcs[fn] = b
			if n.Recv == nil && (n.Name.Name == "init" || isMain && n.Name.Name == "main") {
				b.startup = true
			}
			if n.Recv != nil && n.Name.IsExported() {
				if !servicesKnown {
					services, servicesKnown = r.serviceInterfaces(), true
				}
				b.handler = serviceMethod(fn, services)
				b.service = b.handler
			}
		case *ast.FuncLit:
			sig, _ = r.pass.TypesInfo.TypeOf(n).(*types.Signature)
			for outer := range cur.Enclosing((*ast.FuncDecl)(nil)) {
				b.outer, b.outerDecl = outer.Node().(*ast.FuncDecl).Name.Name, outer.Node()
				break
			}
		}
		if sig != nil && !b.handler {
			_, b.handler = apis.HandlerFramework(sig)
		}
		r.bodies[b.node] = b
		order = append(order, b)
	}
	return order
}

// collectClosureVars records the variables that hold a function literal, so
// that calling one runs the literal's body: fetch := func(id int) {...}.
func (r *Result) collectClosureVars(ins *inspector.Inspector) {
	for lhs, rhs := range astx.Bindings(ins.Root()) {
		id, ok := lhs.(*ast.Ident)
		lit, isLit := ast.Unparen(rhs).(*ast.FuncLit)
		if !ok || !isLit {
			continue
		}
		if v, ok := r.pass.TypesInfo.ObjectOf(id).(*types.Var); ok {
			if _, seen := r.lits[v]; !seen {
				r.lits[v] = lit
			}
		}
	}
}

// collectCalls records each body's own effects and the bodies it runs.
func (r *Result) collectCalls(ins *inspector.Inspector) {
	info := r.pass.TypesInfo
	called := make(map[*ast.Ident]bool)
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.FuncLit)(nil)) {
		caller := r.pkgInit
		for encl := range cur.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			caller = r.bodies[encl.Node()]
			break
		}
		if caller == nil {
			continue // a function declared without a body
		}
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			if why := r.rareAction(cur); why != "" {
				r.bodies[n].rare = why
			}
			if call, ok := cur.Parent().Node().(*ast.CallExpr); ok && r.memoizing(call) {
				r.bodies[n].startup = true // built once, like sync.OnceValue's
				continue
			}
			if r.RunsLater(n, cur.Parent().Node()) {
				continue // run by a worker, not by the caller
			}
			switch apis.HowLitRuns(info, n, cur.Parent().Node()) {
			case apis.RunsHere, apis.RunsPerItem:
				// The site is inside the literal, so that a literal run per
				// item counts as a loop of the caller.
				link(caller, r.bodies[n], cur.Child(n.Body))
			case apis.RunsOnceAtAll:
				r.bodies[n].startup = true
			}
		case *ast.CompositeLit:
			if p, ok := Config.PoolAt(info, n); ok {
				r.setPrimitive(caller, Pool, p.What, cur)
			}
			r.markCLIFuncs(n)
		case *ast.CallExpr:
			if id := calleeIdent(n); id != nil {
				called[id] = true
			}
			r.collectCall(caller, n, cur)
		}
	}
	// Declared functions used as values may run anywhere: they are not
	// start-up code however their direct callers look.
	for id, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && !called[id] {
			if b := r.funcs[fn]; b != nil {
				b.escapes = true
			}
			r.noteExit(nil, fn, nil)
		}
	}
}

func (r *Result) collectCall(caller *body, call *ast.CallExpr, cur inspector.Cursor) {
	if fn := apis.Callee(r.pass.TypesInfo, call); fn != nil {
		if apis.Serves(fn) {
			caller.serves = true
		}
		if interfaceOf(fn) != nil {
			if fn.Pkg() != nil && r.inModule(fn.Pkg()) {
				r.noteExit(caller, fn, &cur) // placed like a static call
			} else if !slices.Contains(r.dynamic, fn.Name()) {
				r.dynamic = append(r.dynamic, fn.Name())
			}
			if ctxscope.TakesContext(fn) {
				if r.dynamicSites == nil {
					r.dynamicSites = make(map[*body][]inspector.Cursor)
				}
				r.dynamicSites[caller] = append(r.dynamicSites[caller], cur)
			}
		} else {
			r.noteExit(caller, fn, &cur)
		}
	}
	for e := range numEffects {
		if name, ok := primitive(r.pass.TypesInfo, call, e); ok {
			r.setPrimitive(caller, e, name, cur)
		}
	}
	if target := r.bodyCalled(call); target != nil {
		if target == caller && r.inLoop(cur) {
			caller.recursive = true
		}
		link(caller, target, cur)
		r.linkPassedFuncs(caller, target, call, cur)
		return
	}
	if m := r.moduleInterfaceMethod(call); m != nil {
		r.linkImplementations(caller, m, cur)
		caller.addOpen(openCall{method: m, perCall: !r.inLoop(cur), cond: r.OnBranch(cur), maybe: r.afterHit(cur)})
	}
	if fn, fact, ok := r.calleeFact(call); ok {
		caller.serves = caller.serves || fact.Serves
		for e, chain := range fact.Chains {
			if chain != "" && Effect(e) != List && !tableDecides(fn, Effect(e)) {
				if Effect(e) == Pool {
					if unmet(r.pass.TypesInfo, call, fact.PoolNeeds) {
						continue // the arguments leave the pool's guard closed
					}
					r.noteNeed(caller, r.siteNeed(caller, cur, fact.PoolNeeds))
				}
				if caller.chains[e] == "" {
					caller.roots[e] = cmp.Or(fact.Roots[e], fn.FullName())
					if Effect(e) == Pool {
						caller.factRoot = poolRoot{drops: fact.RootDrops, kept: fact.Kept || r.Stored(cur)}
					}
				}
				r.setEffect(caller, Effect(e), Join(apis.ShortName(fn), chain), cur, !fact.Looped[e], fact.Cond[e], fact.Maybe[e])
			}
		}
		for _, o := range fact.open {
			caller.addOpen(o.through(apis.ShortName(fn), r.inLoop(cur), r.OnBranch(cur), r.afterHit(cur)))
		}
	}
}

// calleeFact returns what call costs when it runs code of another package:
// a function's fact, with its open calls resolved, or for a call through an
// interface method of the module, what the visible implementations of
// other packages cost.
func (r *Result) calleeFact(call *ast.CallExpr) (*types.Func, *Fact, bool) {
	fn := apis.Callee(r.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return nil, nil, false
	}
	// The analyzers may ask from several goroutines (go vet runs them
	// in parallel); the resolver fills its maps as it goes.
	r.mu.Lock()
	defer r.mu.Unlock()
	if m := r.moduleInterfaceMethod(call); m != nil {
		f, ok := r.resolver().interfaceFact(m)
		return m, f, ok
	}
	if fn.Pkg() == r.pass.Pkg {
		return nil, nil, false
	}
	f, ok := r.resolver().importedFact(fn)
	if ok && (tableDecides(fn, Query) || tableDecides(fn, Pool)) {
		g := *f
		for e := range numEffects {
			if tableDecides(fn, Effect(e)) {
				g.Chains[e] = ""
			}
		}
		f = &g
	}
	return fn, f, ok
}

// tableDecides reports whether fn belongs to a library whose calls with
// effect e the apis tables list one by one: what its body does then says
// nothing (a driver's internals, an SDK's presign client calling its own
// constructor).
func tableDecides(fn *types.Func, e Effect) bool {
	switch e {
	case Query:
		return apis.DBPackage(fn)
	case Pool:
		return apis.PoolPackage(fn)
	}
	return false
}

// bodyCalled returns the body of this package that call runs: a declared
// function or method called statically, or a local variable holding a
// literal. Immediately called literals are linked by collectCalls.
func (r *Result) bodyCalled(call *ast.CallExpr) *body {
	info := r.pass.TypesInfo
	if fn := apis.Callee(info, call); fn != nil {
		return r.funcs[fn]
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			if lit := r.lits[v]; lit != nil {
				return r.bodies[lit]
			}
		}
	}
	return nil
}

// calledParams returns the indexes of the function parameters of sig that
// the function at fn calls, except where the call only fills a cache on a
// miss (a factory a cache getter runs once per key: see LazyInit).
func (r *Result) calledParams(sig *types.Signature, fn inspector.Cursor) []int {
	info := r.pass.TypesInfo
	var funcs []*types.Var
	for v := range sig.Params().Variables() {
		if _, ok := v.Type().Underlying().(*types.Signature); ok {
			funcs = append(funcs, v)
		}
	}
	if len(funcs) == 0 {
		return nil
	}
	var called []int
	for cur := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		if !ok {
			continue
		}
		v, _ := info.Uses[id].(*types.Var)
		for i := range sig.Params().Len() {
			if v != nil && v == sig.Params().At(i) && !slices.Contains(called, i) && !r.LazyInit(cur) {
				called = append(called, i)
			}
		}
	}
	return called
}

// linkPassedFuncs links caller to the functions of the package it passes
// by name (s.insert, loadAll) to a parameter that callee calls: they run
// during the call, as a literal passed there would (withTx(ctx, s.insert)).
func (r *Result) linkPassedFuncs(caller, callee *body, call *ast.CallExpr, cur inspector.Cursor) {
	for _, b := range r.passedBodies(callee, call) {
		link(caller, b, cur)
	}
}

// passedBodies returns the functions of the package that call passes by
// name to a parameter callee calls.
func (r *Result) passedBodies(callee *body, call *ast.CallExpr) []*body {
	if len(callee.callsParams) == 0 {
		return nil // a literal, or a function calling no parameter
	}
	sig := callee.fn.Signature()
	var out []*body
	for _, i := range callee.callsParams {
		if i >= len(call.Args) || sig.Variadic() && i == sig.Params().Len()-1 {
			continue
		}
		if b := r.funcs[funcValue(r.pass.TypesInfo, call.Args[i])]; b != nil {
			out = append(out, b)
		}
	}
	return out
}

// funcValue returns the declared function or method that e names as a
// value (f, pkg.F, x.M), or nil.
func funcValue(info *types.Info, e ast.Expr) *types.Func {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[e].(*types.Func)
		return originOf(fn)
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() != types.MethodVal {
				return nil
			}
			fn, _ := sel.Obj().(*types.Func)
			return originOf(fn)
		}
		fn, _ := info.Uses[e.Sel].(*types.Func)
		return originOf(fn)
	}
	return nil
}

func originOf(fn *types.Func) *types.Func {
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun
	case *ast.SelectorExpr:
		return fun.Sel
	case *ast.IndexExpr: // generic instantiation f[T](...)
		return calleeIdent(&ast.CallExpr{Fun: fun.X})
	case *ast.IndexListExpr:
		return calleeIdent(&ast.CallExpr{Fun: fun.X})
	}
	return nil
}

// primitive reports whether call has effect e by itself, and names it.
func primitive(info *types.Info, call *ast.CallExpr, e Effect) (string, bool) {
	switch e {
	case Pool:
		if p, ok := Config.PoolAt(info, call); ok {
			return p.What, true
		}
	case Query:
		if fn, ok := Config.RoundTrip(info, call); ok {
			return apis.ShortName(fn), true
		}
	case InfoLog:
		if level := Config.LogLevel(info, call); level == apis.Debug || level == apis.Info {
			return apis.ShortName(apis.Callee(info, call)), true
		}
	}
	return "", false
}

// setPrimitive gives b effect e through a known API at cur (a pool
// constructor, a round-trip, a log call), noting whether it runs only on a
// branch and, for a pool, whether b keeps it.
func (r *Result) setPrimitive(b *body, e Effect, name string, cur inspector.Cursor) {
	if e == Pool {
		r.notePoolSite(b, cur)
		r.notePoolNeed(b, cur)
	}
	if b.chains[e] == "" {
		b.roots[e] = r.rootName(b)
		b.ownPool = b.ownPool || e == Pool
	}
	r.setEffect(b, e, name, cur, true, r.OnBranch(cur), false)
}

// rootName names b as the root of an effect (see Fact.Roots).
func (r *Result) rootName(b *body) string {
	if b.fn != nil {
		return b.fn.FullName()
	}
	return r.pass.Pkg.Path() + "." + b.describe()
}

// setEffect gives b effect e through the call at cur, per call of b when
// the effect is per call of the callee and cur is not in a loop of b. The
// first chain found is kept, and with it whether it holds only on a branch
// or maybe (see Fact.Maybe).
func (r *Result) setEffect(b *body, e Effect, chain string, cur inspector.Cursor, perCall, cond, maybe bool) {
	if e == Pool && (r.LazyInit(cur) || r.ConnectionTest(cur) || r.DefaultReplaced(cur)) {
		return // built once per holder, kept in it; only a connection test; or never used
	}
	if b.chains[e] == "" {
		b.cond[e] = cond
		b.maybe[e] = maybe || r.afterHit(cur)
	}
	setOnce(&b.chains[e], chain)
	if perCall && !b.perCall[e] && !r.inLoop(cur) {
		b.perCall[e] = true
	}
}

// siteInLoop is inLoop for the call sites of bodies, which the fixed
// points ask about again and again.
func (r *Result) siteInLoop(site inspector.Cursor) bool {
	return memoAt(r.sitesInLoop, site, r.inLoop)
}

// memoAt answers question about site once.
func memoAt(memo map[int32]bool, site inspector.Cursor, question func(inspector.Cursor) bool) bool {
	v, ok := memo[site.Index()]
	if !ok {
		v = question(site)
		memo[site.Index()] = v
	}
	return v
}

func (r *Result) inLoop(cur inspector.Cursor) bool {
	_, ok := loops.Find(r.pass.TypesInfo, cur, nil)
	return ok
}

func link(caller, callee *body, site inspector.Cursor) {
	if callee == nil || caller == callee {
		return
	}
	caller.calls = append(caller.calls, callee)
	caller.sites = append(caller.sites, site)
	callee.callers = append(callee.callers, caller)
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// OnBranch reports whether the construct at cur runs only on a branch of
// its function — under an if, a switch case or a select case that is not
// an error check (if opts.Transport == nil { … }, if streaming { … }):
// whether a call has the effect depends on what it is given.
func (r *Result) OnBranch(cur inspector.Cursor) bool {
	info := r.pass.TypesInfo
	for c := range cur.Parent().Enclosing() {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if !astx.Contains(n.Cond, cur.Node()) && !(n.Init != nil && astx.Contains(n.Init, cur.Node())) && !errCheck(info, n.Cond) {
				return true
			}
		case *ast.CaseClause, *ast.CommClause:
			return true
		}
	}
	return false
}

// errCheck reports whether cond compares an error with nil.
func errCheck(info *types.Info, cond ast.Expr) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	return ok && (apis.IsError(info.TypeOf(bin.X)) || apis.IsError(info.TypeOf(bin.Y)))
}

// propagate gives each body the effects of the bodies it runs, to a fixed
// point, keeping the first chain found (bodies and calls in source order).
func (r *Result) propagate(order []*body) {
	for changed := true; changed; {
		changed = false
		for _, b := range order {
			for e := range numEffects {
				if b.chains[e] != "" {
					continue
				}
				calls := b.calls
				if e == List {
					calls = b.listCalls
				}
				for i, c := range calls {
					if c.chains[e] != "" && !(e == Pool && (r.LazyInit(b.sites[i]) || r.ConnectionTest(b.sites[i]) || r.DefaultReplaced(b.sites[i]) || r.unmetAt(b.sites[i], r.poolNeed(c)))) {
						b.chains[e] = Join(c.name, c.chains[e])
						b.roots[e] = c.roots[e]
						b.cond[e] = c.cond[e]
						b.maybe[e] = c.maybe[e] || e != List && r.siteAfterHit(b.sites[i])
						b.from[e] = i + 1
						changed = true
						break
					}
				}
			}
		}
	}
	spreadMaybe(order)
}

// spreadMaybe makes an effect uncertain (maybe) where another callee of the
// same call site has it only uncertainly: the implementations of an
// interface method called there, one of them a caching decorator that may
// be the one wired in. Then up to the callers that took the chain.
func spreadMaybe(order []*body) {
	for changed := true; changed; {
		changed = false
		for _, b := range order {
			for e := range numEffects {
				i := b.from[e] - 1
				if i < 0 || b.maybe[e] || e == List {
					continue
				}
				for j, c := range b.calls {
					if c.maybe[e] && c.chains[e] != "" && b.sites[j] == b.sites[i] {
						b.maybe[e], changed = true, true
						break
					}
				}
			}
		}
	}
}

// maxChain is the most links a chain shows; longer ones elide the middle.
const maxChain = 5

// Join prepends name to chain ("" names a literal and adds nothing).
func Join(name, chain string) string {
	if name == "" {
		return chain
	}
	links := strings.Split(chain, " → ")
	if len(links) >= maxChain {
		links = []string{links[0], "…", links[len(links)-1]}
		if links[0] == "…" {
			links = links[1:]
		}
	}
	return name + " → " + strings.Join(links, " → ")
}

// collectLists gives each body the List effect when it returns every row
// of an unbounded fetch of its own, or of another package's function whose
// fact says it returns a list; and records the bodies of this package whose
// result it returns, for propagate.
func (r *Result) collectLists(order []*body) {
	info := r.pass.TypesInfo
	imported := func(call *ast.CallExpr) bool {
		_, ok := r.importedList(call)
		return ok
	}
	// Cheap exit: with no fetch of its own and no imported list, no body
	// of the package can return one (most packages: std, helpers).
	any := false
	for _, b := range order {
		if b.node != nil && len(listflow.Sources(info, b.node, imported)) > 0 {
			any = true
			break
		}
	}
	if !any {
		return
	}
	returnsList := func(call *ast.CallExpr) bool {
		if r.bodyCalled(call) != nil {
			return firstResultIsSlice(info, call)
		}
		return imported(call)
	}
	for _, b := range order {
		if b.node == nil {
			continue
		}
		for _, src := range listflow.Sources(info, b.node, returnsList) {
			if !src.Flow(info, b.node).Returns(b.node) {
				continue
			}
			switch {
			case !src.Returned:
				setOnce(&b.chains[List], src.What)
			case r.bodyCalled(src.Call) != nil:
				if c := r.bodyCalled(src.Call); c != b {
					b.listCalls = append(b.listCalls, c)
				}
			default:
				if chain, ok := r.importedList(src.Call); ok {
					setOnce(&b.chains[List], chain)
				}
			}
		}
	}
}

// importedList returns the List chain of another package's function (or
// of the implementations of an interface method) that call runs.
func (r *Result) importedList(call *ast.CallExpr) (string, bool) {
	if fn, f, ok := r.calleeFact(call); ok && f.Chains[List] != "" {
		return Join(apis.ShortName(fn), f.Chains[List]), true
	}
	return "", false
}

func firstResultIsSlice(info *types.Info, call *ast.CallExpr) bool {
	t := info.TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok {
		if tuple.Len() == 0 {
			return false
		}
		t = tuple.At(0).Type()
	}
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

// markRequestPath marks the bodies that HTTP handlers of this package run.
func (r *Result) markRequestPath(order []*body) {
	for _, h := range order {
		if !h.handler || h.test {
			continue // a handler of a test file serves only the test
		}
		if h.reachedFrom == nil {
			markServed(h, h)
		}
	}
}

// markServed marks b, and the bodies it runs, as run by handler h's
// requests; start-up code stays start-up code.
func markServed(b, h *body) {
	b.reachedFrom = h
	queue := []*body{b}
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		for _, c := range b.calls {
			if c.reachedFrom == nil && !c.startup {
				c.reachedFrom = h
				queue = append(queue, c)
			}
		}
	}
}

// inTestFile reports whether n is in a _test.go file.
func (r *Result) inTestFile(n ast.Node) bool {
	return strings.HasSuffix(r.pass.Fset.File(n.Pos()).Name(), "_test.go")
}

// rareAction returns why the function literal or value at cur, a field of
// a framework's literal, runs rarely (see rareFuncs), or "".
func (r *Result) rareAction(cur inspector.Cursor) string {
	kv, ok := cur.Parent().Node().(*ast.KeyValueExpr)
	if !ok || kv.Value != cur.Node() {
		return ""
	}
	lit, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
	if !ok {
		return ""
	}
	return rareFunc(r.pass.TypesInfo, lit, kv)
}

// markCLIFuncs marks the declared functions a command-line framework's
// literal names as actions (RunE: runServe) as rare, and what a wrapper
// builds an action from (RunE: withClient(func(...) {...})): the literals
// it is given and the literals it returns run when the command does.
func (r *Result) markCLIFuncs(lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		var id *ast.Ident
		switch v := ast.Unparen(kv.Value).(type) {
		case *ast.Ident:
			id = v
		case *ast.SelectorExpr:
			id = v.Sel
		case *ast.CallExpr:
			if why := rareFunc(r.pass.TypesInfo, lit, kv); why != "" {
				r.markWrappedAction(v, why)
			}
		}
		if id == nil {
			continue
		}
		if fn, ok := r.pass.TypesInfo.Uses[id].(*types.Func); ok && r.funcs[fn] != nil {
			if why := rareFunc(r.pass.TypesInfo, lit, kv); why != "" {
				r.funcs[fn].rare = why
			}
		}
	}
}

// markWrappedAction marks as rare the function literals call is given and
// those its callee, a function of the package, returns: call builds a
// command's action.
func (r *Result) markWrappedAction(call *ast.CallExpr, why string) {
	for _, arg := range call.Args {
		if fl, ok := ast.Unparen(arg).(*ast.FuncLit); ok && r.bodies[fl] != nil {
			r.bodies[fl].rare = why
		}
	}
	fn := apis.Callee(r.pass.TypesInfo, call)
	b := r.funcs[fn]
	if fn == nil || b == nil {
		return
	}
	ast.Inspect(b.node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its own returns are not the wrapper's
		case *ast.ReturnStmt:
			for _, res := range n.Results {
				if fl, ok := ast.Unparen(res).(*ast.FuncLit); ok && r.bodies[fl] != nil {
					r.bodies[fl].rare = why
				}
			}
		}
		return true
	})
}

// cliActionWhy is why a command's action runs rarely.
const cliActionWhy = "a command-line action"

// markRare marks the bodies that only rare code runs (see Place), as
// markStartup does for start-up code; CLI actions given as declared
// functions (RunE: runServe) are rare too.
func markRare(order []*body, isMain bool) {
	for changed := true; changed; {
		changed = false
		for _, b := range order {
			if b.rare != "" || b.startup || b.handler || len(b.callers) == 0 || !b.private(isMain) {
				continue
			}
			why := ""
			for _, c := range b.callers {
				if c.test {
					continue
				}
				if c.rare == "" && !c.startup {
					why = ""
					break
				}
				why = cmp.Or(why, c.rare)
			}
			if why != "" {
				b.rare = why
				changed = true
			}
		}
	}
}

// startServices gives each body that runs a serving call, itself or
// through the bodies it runs, the mark serves; a command-line action that
// serves is the service's start-up, not a one-off command: the service
// command of a program is its daemon.
func startServices(order []*body) {
	for changed := true; changed; {
		changed = false
		for _, b := range order {
			if b.serves {
				continue
			}
			for _, c := range b.calls {
				if c.serves {
					b.serves, changed = true, true
					break
				}
			}
		}
	}
	for _, b := range order {
		if b.serves && b.rare == cliActionWhy {
			b.rare, b.startup = "", true
		}
	}
}

// markStartup marks the bodies that only start-up code runs: those whose
// every caller is start-up code, when nothing else can call them (they are
// unexported or in package main, and never used as a value).
func markStartup(order []*body, isMain bool) {
	for changed := true; changed; {
		changed = false
		for _, b := range order {
			if b.startup || b.rare != "" || b.handler || b.escapes || len(b.callers) == 0 || !b.private(isMain) {
				continue // a command's action is rare whoever builds it
			}
			all, seen := true, false
			for _, c := range b.callers {
				if c.test {
					continue // tests call anything; they say nothing of production
				}
				all, seen = all && c.startup, true
			}
			all = all && seen
			if all {
				b.startup = true
				changed = true
			}
		}
	}
}

// markOnce marks the start-up code that runs once per process: the roots
// (main, init, what sync.Once runs) and what only such code calls, outside
// loops. A worker started at start-up runs once; what its loop calls does
// not.
func (r *Result) markOnce(order []*body) {
	for changed := true; changed; {
		changed = false
		for _, b := range order {
			if !b.startup || b.once {
				continue
			}
			all := true
			for _, c := range b.callers {
				if !c.test {
					all = all && c.once && !r.callsInLoop(c, b)
				}
			}
			if b.once = all; b.once {
				changed = true
			}
		}
	}
}

// callsInLoop reports whether caller calls callee at a site in a loop,
// any loop: one paced by a timer or waiting for events runs it again and
// again too.
func (r *Result) callsInLoop(caller, callee *body) bool {
	for i, c := range caller.calls {
		if c != callee {
			continue
		}
		if inAnyLoop(caller.sites[i]) {
			return true
		}
	}
	return false
}

// private reports whether only this package can run b.
func (b *body) private(isMain bool) bool {
	switch n := b.node.(type) {
	case *ast.FuncLit:
		return true
	case *ast.FuncDecl:
		return isMain || !n.Name.IsExported()
	}
	return false
}

func (r *Result) exportFacts(order []*body, calls []placedCall) {
	for fn, b := range r.funcs {
		b.detaches = r.Detaches(fn)
		if b.chains != ([numEffects]string{}) || len(b.open) > 0 || b.memoizes || b.defers || b.starts || b.serves || b.detaches {
			r.pass.ExportObjectFact(fn, r.factOf(b))
		}
	}
	open, entries := 0, 0
	isMain := r.pass.Pkg.Name() == "main"
	for _, b := range order {
		if len(b.open) > 0 && !b.startup && !b.test && (b.reachedFrom != nil || slices.ContainsFunc(b.open, inLoops)) {
			open++
		}
		if b.fn != nil && !b.test && !b.private(isMain) && !b.definite() {
			entries++
		}
	}
	// A second visit keeps the first's package fact, which the other
	// packages of the program read as they are visited again.
	if r.inModule(r.pass.Pkg) && !r.whole {
		r.pass.ExportPackageFact(&Package{Open: open, Entries: entries, calls: calls, dynamic: r.dynamic, args: r.servedArgs(order), contexts: r.contextArgs(order),
			program: isMain && r.harness == "", imports: r.moduleImports(), exposed: r.exposedMethods(), generates: r.generatedCommands()})
	}
}

// looped returns the effects b has only inside loops of its own.
func (b *body) looped() [numEffects]bool {
	var l [numEffects]bool
	for e := range numEffects {
		l[e] = e != List && b.chains[e] != "" && !b.perCall[e]
	}
	return l
}

// propagatePerCall marks the effects each body has once per call: through
// a call, outside its own loops, of a body that has them once per call.
func (r *Result) propagatePerCall(order []*body) {
	inLoop := r.siteInLoop
	for changed := true; changed; {
		changed = false
		for _, b := range order {
			for i, c := range b.calls {
				for e := range numEffects {
					if e != List && c.perCall[e] && !b.perCall[e] && !inLoop(b.sites[i]) {
						b.perCall[e] = true
						changed = true
					}
				}
			}
		}
	}
}

// RecursiveLoader reports whether the function call runs calls itself per
// item of a loop of its own: its self-call is the one finding for its cost.
func (r *Result) RecursiveLoader(call *ast.CallExpr) bool {
	_, f, ok := r.callSummary(call)
	return ok && f.Recursive
}

// notePoolSite records whether the pool built at cur, in b, stays in b.
func (r *Result) notePoolSite(b *body, cur inspector.Cursor) {
	if r.dropped(cur) {
		b.dropsPool = true
	} else {
		b.keepsPool = true
		b.storesPool = b.storesPool || r.Stored(cur)
	}
}

// A poolRoot is what becomes of the pool of a chain: its root drops it,
// or a function of the chain keeps it (see Fact.RootDrops).
type poolRoot struct{ drops, kept bool }

// poolRoot follows b's pool chain to its root: b itself when its own code
// builds the pool, else the callee the chain comes from, whose result b
// may store (depth bounds a cycle).
func (r *Result) poolRoot(b *body, depth int) poolRoot {
	switch {
	case b.chains[Pool] == "" || depth > 32:
		return poolRoot{}
	case b.ownPool:
		return poolRoot{drops: b.drops(), kept: b.storesPool}
	case b.from[Pool] > 0:
		i := b.from[Pool] - 1
		root := r.poolRoot(b.calls[i], depth+1)
		root.kept = root.kept || r.Stored(b.sites[i])
		return root
	}
	return b.factRoot
}

// PoolRoot says what becomes of the pool of the chain the function call
// runs: dropped by its root, or kept by a function of the chain (see
// Fact.RootDrops).
func (r *Result) PoolRoot(call *ast.CallExpr) (drops, kept bool) {
	if b := r.bodyCalled(call); b != nil {
		root := r.poolRoot(b, 0)
		return root.drops, root.kept
	}
	_, f, ok := r.callSummary(call)
	return ok && f.RootDrops, ok && f.Kept
}

// drops reports whether b builds its pool itself and throws it away on
// every call: every pool it builds stays in it, and no pool comes from a
// callee.
func (b *body) drops() bool {
	return b.dropsPool && !b.keepsPool && b.perCall[Pool]
}

// Drops reports whether fn (a declaration or literal of the package)
// builds a pool and throws it away on every call.
func (r *Result) Drops(fn ast.Node) bool {
	b := r.bodies[fn]
	return b != nil && b.drops()
}

// SelfCall reports whether the call at cur calls the function it is in.
func (r *Result) SelfCall(cur inspector.Cursor) bool {
	call, ok := cur.Node().(*ast.CallExpr)
	fn := EnclosingFunc(cur)
	return ok && fn != nil && r.bodyCalled(call) == r.bodies[fn] && r.bodies[fn] != nil
}

// Served reports whether the function call runs is served per request by
// its own package, which reports what it costs (see Fact.Served).
func (r *Result) Served(call *ast.CallExpr) bool {
	_, f, ok := r.callSummary(call)
	return ok && f.Served
}

// Root returns the function whose own code gives the function call runs
// effect e (see Fact.Roots), or "".
func (r *Result) Root(call *ast.CallExpr, e Effect) string {
	if _, ok := primitive(r.pass.TypesInfo, call, e); ok {
		return ""
	}
	_, f, ok := r.callSummary(call)
	if !ok {
		return ""
	}
	return f.Roots[e]
}

// Conditional reports whether the function call runs has effect e only on
// a branch that tests its arguments: the effect is possible, not certain.
func (r *Result) Conditional(call *ast.CallExpr, e Effect) bool {
	_, f, ok := r.callSummary(call)
	return ok && f.Cond[e]
}

// Maybe reports whether the function call runs has effect e only when a
// cache lookup misses, or in only some of the implementations an interface
// call may reach (see Fact.Maybe).
func (r *Result) Maybe(call *ast.CallExpr, e Effect) bool {
	_, f, ok := r.callSummary(call)
	return ok && f.Maybe[e]
}

// OnlyInItsLoops reports whether the function call runs has effect e only
// inside loops of its own: once per item it iterates, not once per call.
// Those loops are reported where they are; the call adds only a duplicate.
func (r *Result) OnlyInItsLoops(call *ast.CallExpr, e Effect) bool {
	_, f, ok := r.callSummary(call)
	return ok && f.Looped[e]
}

// Effect returns the chain through which call has effect e: the call itself
// when it is one of the known APIs, or a function of this package or another
// whose summary has the effect. Immediately called literals are not
// reported here: their own calls are.
func (r *Result) Effect(call *ast.CallExpr, e Effect) (string, bool) {
	if name, ok := primitive(r.pass.TypesInfo, call, e); ok {
		return name, true
	}
	name, f, ok := r.callSummary(call)
	if !ok || f.Chains[e] == "" || e == Pool && unmet(r.pass.TypesInfo, call, f.PoolNeeds) {
		return r.passedEffect(call, e)
	}
	return Join(name, f.Chains[e]), true
}

// passedEffect returns the chain of effect e through a function of the
// package that call passes by name to a parameter its callee calls.
func (r *Result) passedEffect(call *ast.CallExpr, e Effect) (string, bool) {
	callee := r.bodyCalled(call)
	if callee == nil {
		return "", false
	}
	for _, b := range r.passedBodies(callee, call) {
		if b.chains[e] != "" {
			return Join(callee.name, Join(b.name, b.chains[e])), true
		}
	}
	return "", false
}

// callSummary returns what the function call runs costs, and its name for
// chains ("" for a literal): a body of the package, another package's
// function (its fact), or an interface method of the module (its visible
// implementations, the package's own and others').
func (r *Result) callSummary(call *ast.CallExpr) (string, *Fact, bool) {
	if b := r.bodyCalled(call); b != nil {
		return b.name, r.factOf(b), true
	}
	fn, f, ok := r.calleeFact(call)
	if m := r.moduleInterfaceMethod(call); m != nil {
		f, ok = r.withLocalImplementations(m, f, ok)
	}
	if !ok {
		return "", nil, false
	}
	return apis.ShortName(fn), f, true
}

// factOf returns b's summary as its fact would say it.
func (r *Result) factOf(b *body) *Fact {
	root := r.poolRoot(b, 0)
	return &Fact{Chains: b.chains, Roots: b.roots, Looped: b.looped(), Cond: b.cond, Maybe: b.maybe, Recursive: b.recursive, Drops: b.drops(), RootDrops: root.drops, Kept: root.kept, PoolNeeds: r.poolNeed(b), Memoizes: b.memoizes, Defers: b.defers, Starts: b.starts, Served: b.servedHere() && !b.test, Serves: b.serves, Detaches: b.detaches, open: b.open}
}

// Handler returns the HTTP handler that runs fn (a *ast.FuncDecl or
// *ast.FuncLit of this package) on the request path, and its name.
func (r *Result) Handler(fn ast.Node) (name string, ok bool) {
	b := r.bodies[fn]
	if b == nil || !b.servedHere() {
		return "", false
	}
	return b.reachedFrom.describe(), true
}

// servedHere reports whether a handler of this package runs b: a body
// that only another package's handlers run is on the request path (see
// Where), but its findings there are that package's to report.
func (b *body) servedHere() bool { return b.reachedFrom != nil && b.reachedFrom.node != nil }

// RequestPath returns the handler, of this package or another, whose
// requests run fn.
func (r *Result) RequestPath(fn ast.Node) (name string, ok bool) {
	b := r.bodies[fn]
	if b == nil || b.reachedFrom == nil {
		return "", false
	}
	return b.reachedFrom.describe(), true
}

// Name names the function fn for messages.
func (r *Result) Name(fn ast.Node) string {
	if b := r.bodies[fn]; b != nil {
		return b.describe()
	}
	return "package initialization"
}

// StartupOnly reports whether fn runs only while the process starts.
func (r *Result) StartupOnly(fn ast.Node) bool {
	b := r.bodies[fn]
	return b != nil && b.startup
}

// RunsOnce reports whether fn is start-up code that runs once per process:
// no loop stands on any path from main or init to it.
func (r *Result) RunsOnce(fn ast.Node) bool {
	b := r.bodies[fn]
	return b != nil && b.once
}

// OnFailure reports whether fn runs only when something has failed: every
// call of it stands in an error branch (see markOnFailure).
func (r *Result) OnFailure(fn ast.Node) bool {
	b := r.bodies[fn]
	return b != nil && b.onFailure
}

// ServiceMethod reports whether fn is a method of a generated RPC service
// interface (gRPC, Connect, Twirp) or a GraphQL resolver: what it returns
// is the response.
func (r *Result) ServiceMethod(fn ast.Node) bool {
	b := r.bodies[fn]
	return b != nil && b.service
}

// IsHandler reports whether fn has an HTTP handler's signature.
func (r *Result) IsHandler(fn ast.Node) bool {
	b := r.bodies[fn]
	return b != nil && b.handler
}

func (b *body) describe() string {
	if b.name != "" {
		return b.name
	}
	if b.outer != "" {
		return fmt.Sprintf("func literal in %s", b.outer)
	}
	return "func literal"
}

// EnclosingFunc returns the innermost function declaration or literal
// around cur — the body whose questions Result answers — or nil at package
// level.
func EnclosingFunc(cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c.Node()
	}
	return nil
}

// OuterDecl returns the declared function around cur, through any literals,
// or nil at package level.
func OuterDecl(cur inspector.Cursor) *ast.FuncDecl {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return c.Node().(*ast.FuncDecl)
	}
	return nil
}
