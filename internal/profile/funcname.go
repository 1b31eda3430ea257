package profile

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strconv"
)

// Func is a function of the source as a profile names it.
type Func struct {
	Name string // runtime symbol: example.com/shop/orders.(*Server).List.func1
	File string // file of its declaration or literal ("" without a FileSet)
	Line int    // line of its func keyword (of the for, for a range-over-func body)
}

// Index names every function of a package's files, declared or literal,
// so that the function enclosing a position is found without a new walk.
type Index struct {
	pkg   string // symbol package: escaped import path, or "main"
	funcs []Func
	spans []span // sorted by pos; an inner span follows the one enclosing it
}

type span struct {
	pos, end token.Pos
	fn       int
}

// FuncName returns the symbol a profile gives the innermost function that
// encloses pos in file ("" outside any function and package initializer).
// pkgPath is the import path. With a single file, a func init is numbered
// among that file's inits only; NewIndex with all files numbers them right.
func FuncName(info *types.Info, file *ast.File, pkgPath string, pos token.Pos) string {
	if file == nil {
		return ""
	}
	fn, _ := NewIndex(nil, pkgPath, []*ast.File{file}, info).At(pos)
	return fn.Name
}

// NewIndex names the functions of files, which must be all the package's
// files in build order (as pass.Files and packages.Package.Syntax are) for
// init functions to be numbered as the compiler does. fset may be nil (then
// Func.File and Line are empty and closures match by name only); info may be
// nil (then receivers are read from syntax and range-over-func bodies and
// constant conditions are not recognized).
func NewIndex(fset *token.FileSet, pkgPath string, files []*ast.File, info *types.Info) *Index {
	n := &namer{fset: fset, info: info, idx: &Index{pkg: symbolPackage(pkgPath)}}
	if len(files) > 0 && files[0] != nil && files[0].Name != nil && files[0].Name.Name == "main" {
		n.idx.pkg = "main" // a built program names its main package so
	}
	n.pkgInit = &scope{name: n.idx.pkg + ".init"}
	n.add(n.pkgInit.name, token.NoPos, token.NoPos, token.NoPos)
	n.varInits(files)
	n.varSpans(files)
	for _, f := range files {
		if f == nil {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name != nil && fd.Type != nil && fd.Body != nil {
				n.funcDecl(fd)
			}
		}
	}
	sort.SliceStable(n.idx.spans, func(i, j int) bool { return n.idx.spans[i].pos < n.idx.spans[j].pos })
	return n.idx
}

// At returns the innermost function enclosing pos.
func (x *Index) At(pos token.Pos) (Func, bool) {
	if x == nil || !pos.IsValid() {
		return Func{}, false
	}
	// Spans nest, sorted by start: the innermost is the last one that
	// starts at or before pos and still contains it.
	i := sort.Search(len(x.spans), func(i int) bool { return x.spans[i].pos > pos })
	for i--; i >= 0; i-- {
		if s := x.spans[i]; pos < s.end {
			return x.funcs[s.fn], true
		}
	}
	return Func{}, false
}

// Funcs returns every function the index named: the package's init, the
// literals of its var initializers, then the declared functions and their
// literals in source order.
func (x *Index) Funcs() []Func { return x.funcs }

// Package returns the package part of the index's symbols: the escaped
// import path, or "main".
func (x *Index) Package() string { return x.pkg }

// Covered reports whether the profile has samples in the index's package.
func (x *Index) Covered(p *Profile) bool {
	return p.coversSymbolPackage(x.pkg)
}

// scope is a function that numbers the literals written directly in it:
// pkg.F.func1, pkg.F.func2 for a declared function, pkg.F.func1.1 for a
// literal; range-over-func bodies are numbered apart (pkg.F-range1).
type scope struct {
	name    string
	literal bool
	lits    int
	ranges  int
}

func (s *scope) litName() string {
	s.lits++
	if s.literal {
		return s.name + "." + strconv.Itoa(s.lits)
	}
	return s.name + ".func" + strconv.Itoa(s.lits)
}

func (s *scope) rangeName() string {
	s.ranges++
	return s.name + "-range" + strconv.Itoa(s.ranges)
}

type namer struct {
	fset    *token.FileSet
	info    *types.Info
	idx     *Index
	pkgInit *scope // the package's initializer: pkg.init.func1 for var closures
	inits   int    // func init declarations: pkg.init.0, pkg.init.1
	glob    *scope // literals in blank functions: pkg.glob..func1
}

// add records a function; start is its func keyword, [pos, end) what it
// encloses.
func (n *namer) add(name string, start, pos, end token.Pos) {
	fn := Func{Name: name}
	if n.fset != nil && start.IsValid() {
		p := n.fset.Position(start)
		fn.File, fn.Line = p.Filename, p.Line
	}
	n.idx.funcs = append(n.idx.funcs, fn)
	if pos.IsValid() {
		n.idx.spans = append(n.idx.spans, span{pos, end, len(n.idx.funcs) - 1})
	}
}

// varInits names the literals of package-level variable initializers, which
// the compiler emits into pkg.init in initialization order, not source order.
// Without type information, source order is the best guess.
func (n *namer) varInits(files []*ast.File) {
	if n.info != nil && len(n.info.InitOrder) > 0 {
		for _, init := range n.info.InitOrder {
			if init != nil && init.Rhs != nil {
				n.walk(init.Rhs, n.pkgInit)
			}
		}
		return
	}
	for _, f := range files {
		if f == nil {
			continue
		}
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, spec := range gd.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok {
						for _, v := range vs.Values {
							n.walk(v, n.pkgInit)
						}
					}
				}
			}
		}
	}
}

// varSpans attributes code in package-level var declarations to pkg.init.
func (n *namer) varSpans(files []*ast.File) {
	for _, f := range files {
		if f == nil {
			continue
		}
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				n.idx.spans = append(n.idx.spans, span{gd.Pos(), gd.End(), 0})
			}
		}
	}
}

func (n *namer) funcDecl(fd *ast.FuncDecl) {
	sc := &scope{name: n.declName(fd)}
	if fd.Name.Name == "_" && fd.Recv == nil {
		// Blank functions share one package-wide counter (pkg.glob..func1).
		if n.glob == nil {
			n.glob = &scope{name: n.idx.pkg + ".glob."}
		}
		n.add(sc.name, fd.Pos(), fd.Pos(), fd.End())
		n.walk(fd.Body, n.glob)
		return
	}
	n.add(sc.name, fd.Pos(), fd.Pos(), fd.End())
	n.walk(fd.Body, sc)
}

// declName is the symbol of a declared function or method.
func (n *namer) declName(fd *ast.FuncDecl) string {
	name := fd.Name.Name
	if fd.Recv == nil {
		if name == "init" {
			name = "init." + strconv.Itoa(n.inits)
			n.inits++
		}
		if fd.Type.TypeParams != nil && len(fd.Type.TypeParams.List) > 0 {
			name += "[...]"
		}
		return n.idx.pkg + "." + name
	}
	recv, ptr := n.receiver(fd)
	if ptr {
		return n.idx.pkg + ".(*" + recv + ")." + name
	}
	return n.idx.pkg + "." + recv + "." + name
}

// receiver returns the receiver's type name (T, or T[...] for a generic
// type) and whether it is a pointer: from types when known, which sees
// through aliases, else from syntax.
func (n *namer) receiver(fd *ast.FuncDecl) (string, bool) {
	if name, ptr, ok := n.typedReceiver(fd); ok {
		return name, ptr
	}
	if len(fd.Recv.List) == 0 {
		return "?", false
	}
	return syntaxReceiver(fd.Recv.List[0].Type)
}

func (n *namer) typedReceiver(fd *ast.FuncDecl) (string, bool, bool) {
	if n.info == nil {
		return "", false, false
	}
	obj, _ := n.info.Defs[fd.Name].(*types.Func)
	if obj == nil {
		return "", false, false
	}
	sig, _ := obj.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return "", false, false
	}
	t := types.Unalias(sig.Recv().Type())
	ptr := false
	if p, ok := t.(*types.Pointer); ok {
		t, ptr = types.Unalias(p.Elem()), true
	}
	named, _ := t.(*types.Named)
	if named == nil {
		return "", false, false
	}
	name := named.Obj().Name()
	if named.Origin().TypeParams().Len() > 0 {
		name += "[...]"
	}
	return name, ptr, true
}

func syntaxReceiver(t ast.Expr) (string, bool) {
	ptr := false
	for {
		switch e := t.(type) {
		case *ast.ParenExpr:
			t = e.X
			continue
		case *ast.StarExpr:
			t, ptr = e.X, true
			continue
		case *ast.IndexExpr:
			name, _ := syntaxReceiver(e.X)
			return name + "[...]", ptr
		case *ast.IndexListExpr:
			name, _ := syntaxReceiver(e.X)
			return name + "[...]", ptr
		case *ast.Ident:
			return e.Name, ptr
		}
		return "?", ptr
	}
}

// walk names the literals and range-over-func bodies under node, in source
// order, skipping code the compiler drops before naming closures.
func (n *namer) walk(node ast.Node, sc *scope) {
	if node == nil {
		return
	}
	ast.Inspect(node, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			n.funcLit(x, sc)
			return false
		case *ast.RangeStmt:
			return n.rangeStmt(x, sc)
		case *ast.IfStmt:
			return n.ifStmt(x, sc)
		case *ast.BlockStmt:
			n.stmts(x.List, sc)
			return false
		case *ast.CaseClause:
			n.exprs(x.List, sc)
			n.stmts(x.Body, sc)
			return false
		case *ast.CommClause:
			n.walk(x.Comm, sc)
			n.stmts(x.Body, sc)
			return false
		}
		return true
	})
}

func (n *namer) funcLit(lit *ast.FuncLit, sc *scope) {
	inner := &scope{name: sc.litName(), literal: true}
	n.add(inner.name, lit.Pos(), lit.Pos(), lit.End())
	n.walk(lit.Body, inner)
}

// rangeStmt gives a range-over-func body its own name; literals inside it
// are still numbered by the enclosing function.
func (n *namer) rangeStmt(rs *ast.RangeStmt, sc *scope) bool {
	if !n.isFuncRange(rs) {
		return true
	}
	n.walk(rs.Key, sc)
	n.walk(rs.Value, sc)
	n.walk(rs.X, sc)
	n.add(sc.rangeName(), rs.For, rs.Body.Lbrace, rs.Body.End())
	n.walk(rs.Body, sc)
	return false
}

func (n *namer) isFuncRange(rs *ast.RangeStmt) bool {
	if n.info == nil || rs.Body == nil {
		return false
	}
	t := n.info.TypeOf(rs.X)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// ifStmt leaves out the branch a constant condition never takes.
func (n *namer) ifStmt(is *ast.IfStmt, sc *scope) bool {
	taken, known := n.constBool(is.Cond)
	if !known {
		return true
	}
	n.walk(is.Init, sc)
	n.walk(is.Cond, sc)
	if taken {
		n.walk(is.Body, sc)
	} else {
		n.walk(is.Else, sc)
	}
	return false
}

func (n *namer) constBool(e ast.Expr) (value, known bool) {
	if n.info == nil || e == nil {
		return false, false
	}
	tv, ok := n.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// stmts walks a statement list, leaving out what follows a terminating
// statement when no label comes after it: the compiler drops that code
// before it numbers literals (code before a label is kept, golang/go#65593).
func (n *namer) stmts(list []ast.Stmt, sc *scope) {
	lastLabel := -1
	for i, s := range list {
		if _, ok := s.(*ast.LabeledStmt); ok {
			lastLabel = i
		}
	}
	dead := false
	for i, s := range list {
		if dead && i > lastLabel {
			continue
		}
		n.walk(s, sc)
		dead = n.terminates(s)
	}
}

func (n *namer) exprs(list []ast.Expr, sc *scope) {
	for _, e := range list {
		n.walk(e, sc)
	}
}

// terminates reports whether s ends normal control flow the way the
// compiler judges it when it drops dead code: return, goto, a panic call,
// a block ending in one, an if whose taken branches do (with constant
// conditions decided). Unlike the spec it does not count infinite loops,
// switches or selects; TestNamesMatchRealProfile checks both.
func (n *namer) terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.GOTO
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && n.isPanic(call.Fun)
	case *ast.BlockStmt:
		return len(s.List) > 0 && n.terminates(s.List[len(s.List)-1])
	case *ast.IfStmt:
		value, known := n.constBool(s.Cond)
		thenEnds := (known && !value) || n.terminates(s.Body)
		elseEnds := (known && value) || (s.Else != nil && n.terminates(s.Else))
		return thenEnds && elseEnds
	}
	return false
}

// isPanic reports whether fun is the builtin panic (by name without types).
func (n *namer) isPanic(fun ast.Expr) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok || id.Name != "panic" {
		return false
	}
	if n.info == nil {
		return true
	}
	_, builtin := n.info.Uses[id].(*types.Builtin)
	return builtin
}
