// Package closers defines the analyzer that learns which functions close or
// drain the HTTP response, or the body, they are given: drainAndClose(resp),
// closeBody(resp.Body), a discard helper that reads a reader to EOF. The
// knowledge is exported as facts, so that bodydrain, which works on SSA and
// may declare no facts of its own, can tell that a response handed to such a
// helper in another package is closed (or drained) there.
//
// It works on the syntax tree and types only, flow-insensitively: a
// function closes parameter i if its body (or a function literal it runs in
// place, or a function it passes the parameter to) closes it on any path.
// Helpers are short; that is the precision they need.
package closers

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

// Fact records which parameters (by index, receiver excluded) a function
// closes and which it reads to EOF. A parameter is an *http.Response (its
// Body is meant) or a reader.
type Fact struct {
	ClosesParams []int
	DrainsParams []int
	KeepsParams  []int // stored in a struct, map, slice or global, returned, or sent: now owned elsewhere
	// ReturnsClosed: the function closes the body of the response it
	// returns (it returns it for its status and headers): the caller
	// has nothing to close.
	ReturnsClosed bool
	// Unpooled: every response it returns is parsed off a connection the
	// code holds (http.ReadResponse, or a function that is Unpooled), none
	// sent through a client or a transport: no pool connection waits on
	// its body.
	Unpooled bool
}

func (*Fact) AFact() {}

func (f *Fact) String() string {
	var parts []string
	if len(f.ClosesParams) > 0 {
		parts = append(parts, "closes "+ints(f.ClosesParams))
	}
	if len(f.DrainsParams) > 0 {
		parts = append(parts, "drains "+ints(f.DrainsParams))
	}
	if len(f.KeepsParams) > 0 {
		parts = append(parts, "keeps "+ints(f.KeepsParams))
	}
	if f.ReturnsClosed {
		parts = append(parts, "returns a closed response")
	}
	if f.Unpooled {
		parts = append(parts, "returns a response read off a held connection")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

func ints(list []int) string {
	s := make([]string, len(list))
	for i, n := range list {
		s[i] = fmt.Sprint(n)
	}
	return strings.Join(s, ",")
}

// Analyzer computes the facts. Its Result answers for the package itself.
var Analyzer = &analysis.Analyzer{
	Name:       "closers",
	Doc:        "record which functions close or drain the HTTP response or body they are given, for bodydrain",
	URL:        "https://github.com/perflint/perflint",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	Run:        run,
	FactTypes:  []analysis.Fact{(*Fact)(nil)},
	ResultType: reflect.TypeOf((*Result)(nil)),
}

// Result tells what a function of the package or of its dependencies does
// with its parameters.
type Result struct {
	pass  *analysis.Pass
	local map[*types.Func]*Fact
}

// Closes reports whether fn closes its parameter i.
func (r *Result) Closes(fn *types.Func, i int) bool {
	f := r.fact(fn)
	return f != nil && slices.Contains(f.ClosesParams, i)
}

// Drains reports whether fn reads its parameter i to EOF.
func (r *Result) Drains(fn *types.Func, i int) bool {
	f := r.fact(fn)
	return f != nil && slices.Contains(f.DrainsParams, i)
}

// Keeps reports whether fn takes ownership of its parameter i: stores it
// where it outlives the call (a struct, a map, a global), returns it or
// sends it on a channel.
func (r *Result) Keeps(fn *types.Func, i int) bool {
	f := r.fact(fn)
	return f != nil && slices.Contains(f.KeepsParams, i)
}

// Known reports whether fn's body was analyzed (in this package or through
// a fact), so that "does not close" is knowledge rather than ignorance.
func (r *Result) Known(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		_, ok := r.local[fn]
		return ok
	}
	return r.pass.ImportObjectFact(fn, new(Fact))
}

func (r *Result) fact(fn *types.Func) *Fact {
	if fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		return r.local[fn]
	}
	var f Fact
	if r.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// ReturnsClosed reports whether fn closes the body of the response it
// returns.
func (r *Result) ReturnsClosed(fn *types.Func) bool {
	f := r.fact(fn)
	return f != nil && f.ReturnsClosed
}

// Unpooled reports whether every response fn returns is parsed off a
// connection the code holds, not sent through a pool (see Fact.Unpooled).
func (r *Result) Unpooled(fn *types.Func) bool {
	if fn != nil && fn.FullName() == "net/http.ReadResponse" {
		return true
	}
	f := r.fact(fn)
	return f != nil && f.Unpooled
}

// unpooled reports whether fd returns a response and every call in its
// body that yields one is Unpooled: what it returns was read off a
// connection, not sent through a client.
func (r *Result) unpooled(fd *ast.FuncDecl, fn *types.Func) bool {
	if !returnsResponse(fn.Signature()) {
		return false
	}
	info := r.pass.TypesInfo
	some, all := false, true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !all || !yieldsResponse(info.TypeOf(call)) {
			return all
		}
		some = true
		all = r.Unpooled(apis.Callee(info, call))
		return all
	})
	return some && all
}

// returnsResponse reports whether sig returns an *http.Response.
func returnsResponse(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if IsResponse(v.Type()) {
			return true
		}
	}
	return false
}

// yieldsResponse reports whether t, a call's type, is or holds an
// *http.Response.
func yieldsResponse(t types.Type) bool {
	if tuple, ok := t.(*types.Tuple); ok {
		for v := range tuple.Variables() {
			if IsResponse(v.Type()) {
				return true
			}
		}
		return false
	}
	return t != nil && IsResponse(t)
}

// returnsClosed reports whether fd returns a response variable whose Body
// it closes itself (defer resp.Body.Close()).
func returnsClosed(info *types.Info, fd *ast.FuncDecl) bool {
	returned := make(map[types.Object]bool)
	closed := make(map[types.Object]bool)
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, x := range n.Results {
				if id, ok := ast.Unparen(x).(*ast.Ident); ok && IsResponse(info.TypeOf(id)) {
					returned[info.Uses[id]] = true
				}
			}
		case *ast.CallExpr:
			// resp.Body.Close()
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Close" {
				return true
			}
			body, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
			if !ok || body.Sel.Name != "Body" {
				return true
			}
			if id, ok := ast.Unparen(body.X).(*ast.Ident); ok && IsResponse(info.TypeOf(id)) {
				closed[info.Uses[id]] = true
			}
		}
		return true
	})
	for obj := range returned {
		if obj != nil && closed[obj] {
			return true
		}
	}
	return false
}

// decl is a function of the package with parameters worth tracking.
type decl struct {
	fn     *types.Func
	node   *ast.FuncDecl
	cur    inspector.Cursor
	params map[*types.Var]int // tracked parameter -> index
	fact   Fact
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	r := &Result{pass: pass, local: make(map[*types.Func]*Fact)}
	var decls, returners []*decl
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil || fd.Body == nil {
			continue
		}
		d := &decl{fn: fn, node: fd, cur: cur, params: trackedParams(fn)}
		d.fact.ReturnsClosed = returnsClosed(pass.TypesInfo, fd)
		r.local[fn] = &d.fact
		if returnsResponse(fn.Signature()) {
			returners = append(returners, d)
		}
		if len(d.params) > 0 || d.fact.ReturnsClosed {
			decls = append(decls, d)
		}
	}
	// Iterate to a fixed point: a helper may close through another helper
	// of the same package declared after it, or read its response through
	// one.
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			if r.analyze(d) {
				changed = true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, d := range returners {
			if !d.fact.Unpooled && r.unpooled(d.node, d.fn) {
				d.fact.Unpooled, changed = true, true
			}
		}
	}
	for _, d := range returners {
		if d.fact.Unpooled && !slices.Contains(decls, d) {
			decls = append(decls, d)
		}
	}
	// Every function with a tracked parameter gets a fact, empty or not,
	// so that importers can tell "does not close" from "never analyzed".
	for _, d := range decls {
		f := d.fact
		pass.ExportObjectFact(d.fn, &f)
	}
	return r, nil
}

// trackedParams returns the parameters that may carry a response or a body.
func trackedParams(fn *types.Func) map[*types.Var]int {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	var m map[*types.Var]int
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if IsResponse(p.Type()) || isReader(p.Type()) {
			if m == nil {
				m = make(map[*types.Var]int)
			}
			m[p] = i
		}
	}
	return m
}

// analyze recomputes d's fact and reports whether it grew.
func (r *Result) analyze(d *decl) bool {
	info := r.pass.TypesInfo
	before := len(d.fact.ClosesParams) + len(d.fact.DrainsParams) + len(d.fact.KeepsParams)
	r.keeps(d)
	ast.Inspect(d.node.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		// p.Close(), p.Body.Close()
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" && len(call.Args) == 0 {
			if fn, ok := info.Uses[sel.Sel].(*types.Func); ok && isCloseMethod(fn) {
				if i, ok := d.param(info, sel.X); ok {
					d.fact.ClosesParams = addInt(d.fact.ClosesParams, i)
				}
			}
		}
		fn := apis.Callee(info, call)
		if fn == nil {
			return true
		}
		for j, arg := range call.Args {
			i, ok := d.param(info, arg)
			if !ok {
				continue
			}
			if (IsDrainCall(fn, j) || r.Drains(fn, j)) && onEveryPath(info, d.node.Body, call) {
				d.fact.DrainsParams = addInt(d.fact.DrainsParams, i)
			}
			if r.Closes(fn, j) {
				d.fact.ClosesParams = addInt(d.fact.ClosesParams, i)
			}
			if r.Keeps(fn, j) {
				d.fact.KeepsParams = addInt(d.fact.KeepsParams, i)
			}
		}
		return true
	})
	return len(d.fact.ClosesParams)+len(d.fact.DrainsParams)+len(d.fact.KeepsParams) != before
}

// onEveryPath reports whether call runs whenever body returns normally:
// it stands in one of the body's own statements (not under an if, a loop
// or a switch, though an if's init and condition run), and no return comes
// before that statement but under a nil check (if err != nil, if r == nil).
// A helper that reads a body only for an error status does not drain it.
func onEveryPath(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr) bool {
	for i, s := range body.List {
		if call.Pos() < s.Pos() || call.Pos() >= s.End() {
			continue
		}
		switch s := s.(type) {
		case *ast.IfStmt:
			if (s.Init == nil || !astx.Contains(s.Init, call)) && !astx.Contains(s.Cond, call) {
				return false
			}
		case *ast.BlockStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.LabeledStmt:
			return false
		}
		for _, before := range body.List[:i] {
			if returnsEarly(info, before) {
				return false
			}
		}
		return true
	}
	return false
}

// returnsEarly reports whether s holds a return that is not under a nil
// check (or in a function literal).
func returnsEarly(info *types.Info, s ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if comparesNil(info, n.Cond) {
				return false
			}
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

// comparesNil reports whether e holds the untyped nil (err != nil).
func comparesNil(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && info.Types[x].IsNil() {
			found = true
		}
		return !found
	})
	return found
}

// keeps records the parameters d hands over to something that outlives
// the call: a composite literal, a field, map or slice element, a global,
// a return statement, a channel.
func (r *Result) keeps(d *decl) {
	info := r.pass.TypesInfo
	for cur := range d.cur.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			continue
		}
		i, ok := d.params[v]
		if !ok {
			continue
		}
		// Climb through p.Body, (p), &p.
		c := cur
		for {
			p := c.Parent()
			switch n := p.Node().(type) {
			case *ast.SelectorExpr:
				if n.X == c.Node() && n.Sel.Name == "Body" {
					c = p
					continue
				}
			case *ast.ParenExpr:
				c = p
				continue
			}
			break
		}
		if keptAt(info, c) {
			d.fact.KeepsParams = addInt(d.fact.KeepsParams, i)
		}
	}
}

// keptAt reports whether the value at c is handed over where it stands.
func keptAt(info *types.Info, c inspector.Cursor) bool {
	p := c.Parent()
	switch n := p.Node().(type) {
	case *ast.CompositeLit, *ast.ReturnStmt:
		return true
	case *ast.KeyValueExpr:
		return n.Value == c.Node()
	case *ast.SendStmt:
		return n.Value == c.Node()
	case *ast.AssignStmt:
		for j, rhs := range n.Rhs {
			if rhs != c.Node() || j >= len(n.Lhs) || len(n.Lhs) != len(n.Rhs) {
				continue
			}
			id, ok := ast.Unparen(n.Lhs[j]).(*ast.Ident)
			if !ok {
				return true // x.f = p, m[k] = p, *q = p
			}
			if v, ok := info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				return true // a global
			}
		}
	}
	return false
}

// param returns the index of the tracked parameter e names: p, or p.Body
// for a response parameter p.
func (d *decl) param(info *types.Info, e ast.Expr) (int, bool) {
	e = ast.Unparen(e)
	if sel, ok := e.(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal && IsResponse(s.Recv()) {
			e = ast.Unparen(sel.X)
		}
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return 0, false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return 0, false
	}
	i, ok := d.params[v]
	return i, ok
}

func addInt(list []int, i int) []int {
	if slices.Contains(list, i) {
		return list
	}
	list = append(list, i)
	slices.Sort(list)
	return list
}

// IsResponse reports whether t is *http.Response.
func IsResponse(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	return ok && apis.IsNamed(ptr.Elem(), "net/http", "Response")
}

// isReader reports whether t is an interface that reads (io.Reader,
// io.ReadCloser): the static type a helper takes a body as.
func isReader(t types.Type) bool {
	iface, ok := t.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := range iface.NumMethods() {
		if m := iface.Method(i); m.Name() == "Read" || m.Name() == "Close" {
			return true
		}
	}
	return false
}

// isCloseMethod reports whether fn is a Close() error method (io.Closer's).
func isCloseMethod(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && fn.Name() == "Close" && sig.Params().Len() == 0
}

// IsDrainCall reports whether fn reads its argument j to EOF:
// io.Copy(dst, r), io.ReadAll(r) and friends.
func IsDrainCall(fn *types.Func, j int) bool {
	switch fn.FullName() {
	case "io.Copy", "io.CopyBuffer":
		return j == 1
	case "io.ReadAll", "io/ioutil.ReadAll":
		return j == 0
	}
	return false
}
