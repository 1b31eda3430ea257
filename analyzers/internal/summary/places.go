package summary

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/astx"
	"github.com/perflint/perflint/analyzers/internal/skip"
)

// Where code runs, across packages.
//
// A package alone cannot tell where its exported functions run: their
// callers are elsewhere. A loader called only from a command's main, or a
// sync run once at start-up from another package, looks like code that
// may run on any request. So each package of the module records, in its
// Package fact, its calls of the module's exported functions, each with
// where the calling code runs as the package itself tells it (start-up,
// rare, a request, anywhere) or the exported function of its own whose
// callers decide. Once the whole program is in view (a second visit, see
// Revisit), an exported function whose every call in the program comes
// from start-up code is start-up code; from start-up or rare code, rare.
//
// A call through an interface the module declares is a call of every
// method of that name and signature: the method runs where all such calls
// run, and per request where a handler makes one. What static calls do not
// show keeps a function where it was: a function used as a value, a method
// an interface declared outside the module may reach (its callers are
// beyond the module's facts). A function that no code of the program
// calls, when a command of the module is in view, is rare: only tests or
// demos run it, or nothing does.

// A placedCall is one caller's call of an exported function of the module.
type placedCall struct {
	// callee is the callee's types.Func.FullName, or for a method of an
	// interface of the module, dynamicKey of the method's shape.
	callee string
	from   string // the exported function whose callers decide, or ""
	// fromShape is from's methodShape when it is a method: the interface
	// calls that may reach it.
	fromShape string
	place     Place  // where the call runs, when from is ""
	why       string // for Rare; for PerRequest, the handler that runs it
	// once: the call runs once per process (Startup code that runs once,
	// see body.once, calling outside loops), or, with from, outside loops.
	once bool
	// failure: every call of the callee from this caller stands in an
	// error branch (if err != nil { … }): it runs when something failed.
	failure bool
}

// maxOrigins bounds the places one body's calls are traced to: code that
// many entry points reach runs anywhere.
const maxOrigins = 6

// noteExit records a call (at site) or a value use of fn, a function of
// the module another package may call too (see placedCalls).
func (r *Result) noteExit(b *body, fn *types.Func, site *inspector.Cursor) {
	if !fn.Exported() || fn.Pkg() == nil || !r.inModule(fn.Pkg()) || b != nil && b.test {
		return
	}
	if site == nil || b == nil {
		r.valueUses = append(r.valueUses, fn)
		return
	}
	if b.exitSites == nil {
		b.exitSites = make(map[*types.Func][]inspector.Cursor)
	}
	if b.exitSites[fn] == nil {
		b.exits = append(b.exits, fn)
	}
	b.exitSites[fn] = append(b.exitSites[fn], *site)
}

// placedCalls returns the package's calls of exported functions of the
// module, each with where its caller runs as far as the package knows.
// It uses only what the package itself tells, so that every visit of the
// package records the same calls.
func (r *Result) placedCalls(order []*body) []placedCall {
	if r.harness != "" && r.harness != migration {
		return nil // tests and demos say nothing of where production code runs
	}
	var calls []placedCall
	for _, b := range slices.Concat(order, []*body{r.pkgInit}) {
		if len(b.exits) == 0 || b.node != nil && r.testSupport[r.pass.Fset.File(b.node.Pos())] {
			continue
		}
		origins := r.origins(b)
		for _, callee := range b.exits {
			looped := slices.ContainsFunc(b.exitSites[callee], inAnyLoop)
			failure := !slices.ContainsFunc(b.exitSites[callee], func(c inspector.Cursor) bool { return !r.onErrorBranch(c) })
			key := callee.FullName()
			if interfaceOf(callee) != nil {
				key = dynamicKey(methodShape(callee))
			}
			for _, o := range origins {
				o.callee = key
				o.once = o.once && !looped
				o.failure = failure || b.onFailure
				if !slices.Contains(calls, o) {
					calls = append(calls, o)
				}
			}
		}
	}
	for _, callee := range r.valueUses {
		calls = append(calls, placedCall{callee: callee.FullName(), place: Anywhere})
	}
	return calls
}

// origins returns where b runs: the places of the code that calls it in
// the package, up to its exported functions, whose callers decide.
func (r *Result) origins(b *body) []placedCall {
	if r.harness == migration {
		return []placedCall{{place: Rare, why: migration}}
	}
	isMain := r.pass.Pkg.Name() == "main"
	var out []placedCall
	add := func(o placedCall) {
		served := func(c placedCall) bool { return c.place == PerRequest && c.from == "" }
		if !slices.Contains(out, o) && !(served(o) && slices.ContainsFunc(out, served)) {
			out = append(out, o) // one handler names the request path
		}
	}
	seen := map[*body]bool{b: true}
	queue := []*body{b}
	for len(queue) > 0 && len(out) <= maxOrigins {
		a := queue[0]
		queue = queue[1:]
		switch {
		case a.startup:
			add(placedCall{place: Startup, once: a == b && a.once})
		case a.rare != "":
			add(placedCall{place: Rare, why: a.rare})
		case a.reachedFrom != nil:
			add(placedCall{place: PerRequest, why: r.handlerName(a.reachedFrom)})
		case !a.private(isMain) && a.fn != nil:
			add(placedCall{from: a.fn.FullName(), fromShape: shapeIfMethod(a.fn), once: a == b}) // its callers, here and elsewhere, decide
		case a.escapes || len(a.callers) == 0:
			add(placedCall{place: Anywhere})
		default:
			for _, c := range a.callers {
				if !c.test && !seen[c] {
					seen[c] = true
					queue = append(queue, c)
				}
			}
		}
	}
	if len(out) > maxOrigins {
		return []placedCall{{place: Anywhere}}
	}
	return out
}

// handlerName names handler h for another package's findings: a
// literal's name does not say its package.
func (r *Result) handlerName(h *body) string {
	if h.fn != nil {
		return h.describe()
	}
	return r.pass.Pkg.Name() + "." + h.describe()
}

// program is where the exported functions of the module run, from every
// package's placed calls.
type program struct {
	calls map[string][]placedCall // by callee
	// dynamic are the method names called through interfaces declared
	// outside the module, whose calls no fact records.
	dynamic map[string]bool
	// calledByName are the method names called through interfaces of the
	// module, whatever their signature.
	calledByName map[string]bool
	memo         map[string]placed
	// commands: a command of the module is in view, so a function without
	// a call in view has none in the program.
	commands bool
	// imported are the module's packages some package in view imports.
	imported map[string]bool
	// exposed are the module's methods that a package outside it may
	// call through an interface (see exposedMethods).
	exposed map[string]bool
}

type placed struct {
	place Place
	why   string
	once  bool // for Startup: every call runs once per process
}

// noCaller is the place of a function no call has been seen of yet.
const noCaller Place = -1

// programPlaces gathers the placed calls of every package in view.
func (r *Result) programPlaces() *program {
	p := &program{calls: make(map[string][]placedCall), dynamic: make(map[string]bool), calledByName: make(map[string]bool), memo: make(map[string]placed), imported: make(map[string]bool), exposed: make(map[string]bool)}
	for _, pf := range r.pass.AllPackageFacts() {
		pkg, ok := pf.Fact.(*Package)
		if !ok {
			continue
		}
		for _, c := range pkg.calls {
			p.calls[c.callee] = append(p.calls[c.callee], c)
			if shape, ok := strings.CutPrefix(c.callee, dynamicKey("")); ok {
				p.calledByName[shapeName(shape)] = true
			}
		}
		for _, name := range pkg.dynamic {
			p.dynamic[name] = true
		}
		p.commands = p.commands || pkg.program
		for _, path := range pkg.imports {
			p.imported[path] = true
		}
		for _, key := range pkg.exposed {
			p.exposed[key] = true
		}
	}
	return p
}

// moduleImports returns the paths of the module's packages that the
// package's non-test files import.
func (r *Result) moduleImports() []string {
	var paths []string
	for _, imp := range skip.Imports(r.pass) {
		if r.inModule(imp) {
			paths = append(paths, imp.Path())
		}
	}
	return paths
}

// callsOf returns the program's calls that may run the function named
// key, whose methodShape is shape when it is a method: its static calls,
// and the calls of interface methods of that shape.
func (p *program) callsOf(key, shape string) []placedCall {
	if shape == "" {
		return p.calls[key]
	}
	return slices.Concat(p.calls[key], p.calls[dynamicKey(shape)])
}

// where returns where the function named key runs in the program:
// Startup when every call comes from start-up code, Rare when every call
// comes from start-up or rare code, Anywhere otherwise; noCaller when
// commands are in view and no code of the program calls it.
func (p *program) where(key, shape string) placed {
	at := p.walk(key, shape, make(map[string]bool))
	if at.place == noCaller && !p.commands {
		return placed{place: Anywhere} // its callers may be out of view
	}
	return at
}

func (p *program) walk(key, shape string, visiting map[string]bool) placed {
	if v, ok := p.memo[key]; ok {
		return v
	}
	anywhere := placed{place: Anywhere}
	if shape != "" && p.dynamic[shapeName(shape)] {
		return anywhere // an interface call beyond the facts may reach it
	}
	if shape != "" && p.calledByName[shapeName(shape)] && len(p.calls[dynamicKey(shape)]) == 0 {
		// Interface calls of its name whose signature reads otherwise (a
		// generic interface's) may still reach it.
		return anywhere
	}
	visiting[key] = true
	defer delete(visiting, key)
	res, cyclic := placed{place: noCaller}, false
	for _, c := range p.callsOf(key, shape) {
		at := placed{c.place, c.why, c.once}
		if c.from != "" {
			if visiting[c.from] {
				cyclic = true
				continue // a recursion adds no caller
			}
			at = p.walk(c.from, c.fromShape, visiting)
			at.once = at.once && c.once
		}
		switch at.place {
		case noCaller:
			continue // a caller that never runs adds no place
		case Startup:
			if res.place == noCaller {
				res = at
			}
			res.once = res.once && at.once
		case Rare:
			if res.place != Rare {
				res = at
			}
		default:
			p.memo[key] = anywhere
			return anywhere
		}
	}
	if res.place == noCaller && isMethod(key) && p.exposed[key] {
		res = anywhere // code outside the module may call it through an interface
	}

	if !cyclic {
		p.memo[key] = res
	}
	return res
}

// servedBy returns a handler whose requests run the function named key,
// through any chain of exported functions of the program, or "": the
// first by name, so that the finding that names it reads the same
// whatever order the packages' facts come in.
func (p *program) servedBy(key, shape string, visiting map[string]bool) string {
	if visiting[key] {
		return ""
	}
	visiting[key] = true
	best := ""
	for _, c := range p.callsOf(key, shape) {
		h := ""
		switch {
		case c.from == "" && c.place == PerRequest:
			h = c.why
		case c.from != "":
			h = p.servedBy(c.from, c.fromShape, visiting)
		}
		if h != "" && (best == "" || h < best) {
			best = h
		}
	}
	return best
}

// isMethod reports whether key, a types.Func.FullName, names a method.
func isMethod(key string) bool { return strings.HasPrefix(key, "(") }

// shapeIfMethod returns fn's methodShape if it is a method, else "".
func shapeIfMethod(fn *types.Func) string {
	if fn.Signature().Recv() == nil {
		return ""
	}
	return methodShape(fn)
}

// shapeName returns the method name a methodShape starts with.
func shapeName(shape string) string {
	name, _, _ := strings.Cut(shape, "(")
	return name
}

// placeExported gives the package's exported functions the place the
// whole program tells (see program), when the whole program is in view:
// every package's fact, this one's from its first visit among them.
func (r *Result) placeExported(order []*body) {
	isMain := r.pass.Pkg.Name() == "main"
	if r.whole && !isMain && r.inModule(r.pass.Pkg) {
		if prog := r.programPlaces(); prog.commands && !prog.imported[r.pass.Pkg.Path()] {
			// No package of the program imports this one: none of its
			// code runs in a command of the module.
			for _, b := range order {
				if b.rare == "" && !b.test {
					b.rare = uncalled
				}
			}
			return
		}
	}
	var open []*body
	for _, b := range order {
		if b.fn != nil && !b.private(isMain) && !b.definite() && !b.escapes && !b.handler {
			open = append(open, b)
		}
	}
	if len(open) == 0 || !r.whole {
		return
	}
	prog := r.programPlaces()
	changed := false
	var served []*body
	for _, b := range open {
		switch at := prog.where(b.fn.FullName(), shapeIfMethod(b.fn)); at.place {
		case Startup:
			b.startup, b.once, changed = true, at.once, true
		case Rare:
			b.rare, changed = at.why, true
		case noCaller:
			b.rare, changed = uncalled, true
		default:
			served = append(served, b)
		}
	}
	if changed {
		markStartup(order, isMain)
		r.markOnce(order)
		markRare(order, isMain)
	}
	// A function another package's handler calls runs per request, as one
	// this package's handlers run does: one caller on the request path is
	// enough, whatever else calls it.
	for _, b := range served {
		if h := prog.servedBy(b.fn.FullName(), shapeIfMethod(b.fn), make(map[string]bool)); h != "" && b.reachedFrom == nil {
			markServed(b, &body{name: h})
		}
	}
}

// uncalled is why a function no code of the program calls is rare.
const uncalled = "code that no command of the module calls (only tests or demos, if anything)"

// definite reports whether the package itself tells where b runs.
func (b *body) definite() bool { return b.startup || b.rare != "" || b.reachedFrom != nil }

// wholeInView reports whether every package of the program is in view:
// this package's own fact from an earlier visit is, which only a second,
// whole-program visit sees.
func (r *Result) wholeInView() bool {
	for _, pf := range r.pass.AllPackageFacts() {
		if _, ok := pf.Fact.(*Package); ok && pf.Package.Path() == r.pass.Pkg.Path() {
			return true
		}
	}
	return false
}

// inAnyLoop reports whether the call at site stands in a loop.
func inAnyLoop(site inspector.Cursor) bool {
	for range site.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		return true
	}
	return false
}

// markOnFailure marks the bodies that run only when something has failed:
// every call of them stands in an error branch (if err != nil { … }), or
// in code that itself runs only on failure. A cleanup after a failed step
// runs as often as steps fail, which the code does not show. For an
// exported function, every call in the program counts, so it is judged
// only with the whole program in view (whole), after the package has
// recorded its own calls, which say only what the package itself tells.
func (r *Result) markOnFailure(order []*body, whole bool) {
	isMain := r.pass.Pkg.Name() == "main"
	var prog *program
	for changed := true; changed; {
		changed = false
		for _, b := range order {
			if b.onFailure || b.test || b.escapes || b.handler || b.startup {
				continue
			}
			if !b.private(isMain) {
				if !whole || b.fn == nil {
					continue
				}
				if prog == nil {
					prog = r.programPlaces()
				}
				calls := prog.calls[b.fn.FullName()]
				if len(calls) == 0 || slices.ContainsFunc(calls, func(c placedCall) bool { return !c.failure }) {
					continue
				}
				b.onFailure, changed = true, true
				continue
			}
			if r.calledOnFailure(b) {
				b.onFailure, changed = true, true
			}
		}
	}
}

// calledOnFailure reports whether every call of b in the package, outside
// tests, stands in an error branch or in code that runs only on failure.
func (r *Result) calledOnFailure(b *body) bool {
	seen := false
	for _, c := range b.callers {
		if c.test {
			continue
		}
		for i, callee := range c.calls {
			if callee != b {
				continue
			}
			if !c.onFailure && !r.onErrorBranch(c.sites[i]) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// onErrorBranch reports whether the call at site runs only when an error
// is set: in the body of if err != nil, or the else of if err == nil.
func (r *Result) onErrorBranch(site inspector.Cursor) bool {
	info := r.pass.TypesInfo
	for c := range site.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := c.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		bin, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || !errCheck(info, ifs.Cond) {
			continue
		}
		switch {
		case bin.Op == token.NEQ && astx.Contains(ifs.Body, site.Node()):
			return true
		case bin.Op == token.EQL && ifs.Else != nil && astx.Contains(ifs.Else, site.Node()):
			return true
		}
	}
	return false
}
