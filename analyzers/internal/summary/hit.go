package summary

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

// afterHit reports whether the construct at cur runs only when a lookup
// before it missed: an earlier statement of a block around it returns when
// a comma-ok lookup found what it looked for.
//
//	if o, ok := s.cache[id]; ok {
//		return o, nil
//	}
//	return s.repo.ByID(ctx, id) // only on a miss
//
// A loop that calls such a function makes a round-trip per item only until
// the cache is warm, which the code does not show.
func (r *Result) afterHit(cur inspector.Cursor) bool {
	for n := range withinFunc(cur) {
		if block, ok := n.(*ast.BlockStmt); ok {
			for _, stmt := range before(block, cur.Node()) {
				if r.returnsOnHit(block.List, stmt) {
					return true
				}
			}
		}
	}
	return false
}

// withinFunc yields the nodes around cur, innermost first, up to the
// function it is in.
func withinFunc(cur inspector.Cursor) iter.Seq[ast.Node] {
	return func(yield func(ast.Node) bool) {
		for c := range cur.Enclosing() {
			switch c.Node().(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				return
			}
			if !yield(c.Node()) {
				return
			}
		}
	}
}

// before returns the statements of block written before n.
func before(block *ast.BlockStmt, n ast.Node) []ast.Stmt {
	for i, stmt := range block.List {
		if stmt.Pos() >= n.Pos() {
			return block.List[:i]
		}
	}
	return block.List
}

// siteAfterHit is afterHit for the call sites of bodies, memoized.
func (r *Result) siteAfterHit(site inspector.Cursor) bool {
	return memoAt(r.sitesAfterHit, site, r.afterHit)
}

// returnsOnHit reports whether stmt, one of block, is an if statement that
// returns when the comma-ok result of a lookup is true.
func (r *Result) returnsOnHit(block []ast.Stmt, stmt ast.Stmt) bool {
	ifs, ok := stmt.(*ast.IfStmt)
	if !ok || !returnsOnValid(ifs.Body) {
		return false
	}
	found := foundVars(r.pass.TypesInfo, ifs.Cond, nil)
	if len(found) == 0 {
		return false
	}
	lookups := block
	if ifs.Init != nil {
		lookups = append([]ast.Stmt{ifs.Init}, block...)
	}
	for _, s := range lookups {
		if s == stmt {
			break
		}
		for _, v := range found {
			if commaOkLookup(r.pass.TypesInfo, s, v) {
				return true
			}
		}
	}
	return false
}

// returnsOnValid reports whether body returns at its end, or in an if
// that ends it (a hit still checked for validity: if c.ID > 0 { return c }).
func returnsOnValid(body *ast.BlockStmt) bool {
	if len(body.List) == 0 || endsInReturn(body) {
		return len(body.List) > 0
	}
	last, ok := body.List[len(body.List)-1].(*ast.IfStmt)
	return ok && last.Else == nil && endsInReturn(last.Body)
}

// foundVars returns the boolean variables cond tests for true (ok, or
// ok && …, err == nil && ok && …).
func foundVars(info *types.Info, cond ast.Expr, vars []*types.Var) []*types.Var {
	return testedVars(info, cond, false, vars)
}

// missedVars returns the boolean variables cond tests for false (!ok, or
// !ok || …).
func missedVars(info *types.Info, cond ast.Expr, vars []*types.Var) []*types.Var {
	return testedVars(info, cond, true, vars)
}

// testedVars returns the boolean variables cond tests: for true, joined by
// &&, or, when negated, for false, joined by ||.
func testedVars(info *types.Info, cond ast.Expr, negated bool, vars []*types.Var) []*types.Var {
	join := token.LAND
	if negated {
		join = token.LOR
	}
	switch c := ast.Unparen(cond).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[c].(*types.Var); ok && !negated {
			vars = append(vars, v)
		}
	case *ast.UnaryExpr:
		if id, ok := ast.Unparen(c.X).(*ast.Ident); ok && c.Op == token.NOT && negated {
			vars = testedVars(info, id, false, vars)
		}
	case *ast.BinaryExpr:
		if c.Op == join {
			vars = testedVars(info, c.Y, negated, testedVars(info, c.X, negated, vars))
		}
	}
	return vars
}

// commaOkLookup reports whether stmt sets found as the second result of a
// map index or of a call returning (T, bool) or (T, bool, error):
// v, found := m[k], v, found := cache.Get(k), v, found, err := cache.Get(k).
func commaOkLookup(info *types.Info, stmt ast.Stmt, found *types.Var) bool {
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || len(as.Lhs) < 2 || len(as.Lhs) > 3 || len(as.Rhs) != 1 {
		return false
	}
	id, ok := as.Lhs[1].(*ast.Ident)
	if !ok || info.ObjectOf(id) != found {
		return false
	}
	switch rhs := ast.Unparen(as.Rhs[0]).(type) {
	case *ast.IndexExpr:
		_, isMap := info.TypeOf(rhs.X).Underlying().(*types.Map)
		return isMap
	case *ast.CallExpr:
		tuple, ok := info.TypeOf(rhs).(*types.Tuple)
		if !ok || tuple.Len() != len(as.Lhs) {
			return false
		}
		if tuple.Len() == 3 && !types.Identical(tuple.At(2).Type(), types.Universe.Lookup("error").Type()) {
			return false
		}
		b, ok := tuple.At(1).Type().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Bool
	}
	return false
}

// collectMemoizers marks the declared functions that call each function
// parameter they are given only after a lookup that returns early on a
// hit: a lazy singleton or a cache keyed by name,
//
//	func GetInstance[T any](build func() T) T {
//		if v, ok := instances[key]; ok {
//			return v.(T)
//		}
//		v := build()
//		...
//
// Whatever builds a pool in the function passed runs once per key.
func (r *Result) collectMemoizers(ins *inspector.Inspector) {
	info := r.pass.TypesInfo
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		fn, _ := info.Defs[decl.Name].(*types.Func)
		b := r.funcs[fn]
		if b == nil || !hasFuncParam(fn) {
			continue
		}
		calls, onMiss := 0, true
		for id := range funcParamUses(info, cur, fn) {
			call, isCall := id.Parent().Node().(*ast.CallExpr)
			if !isCall || call.Fun != id.Node() || !r.afterHit(id.Parent()) {
				onMiss = false // called without a lookup first, or handed on
				break
			}
			calls++
		}
		b.memoizes = calls > 0 && onMiss
		b.defers = keepsForLater(info, cur)
		b.starts = startsDetached(info, cur)
	}
}

// startsDetached reports whether the function declared at cur runs each
// of its function parameters only in a goroutine it starts — go f(), or
// go func() { defer recoverPanic(); f() }() — and waits for none of them
// (no receive, select or Wait of its own, and no Wait method on its
// receiver's type: errgroup's Go is waited for by the caller).
func startsDetached(info *types.Info, cur inspector.Cursor) bool {
	decl := cur.Node().(*ast.FuncDecl)
	fn, _ := info.Defs[decl.Name].(*types.Func)
	uses := 0
	for id := range funcParamUses(info, cur, fn) {
		uses++
		call, ok := id.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != id.Node() || !inStartedGoroutine(id.Parent()) {
			return false
		}
	}
	return uses > 0 && decl.Body != nil && !waits(decl.Body) && !waitedGroup(fn)
}

// waitedGroup reports whether fn is a method of a type with a Wait method
// (errgroup.Group, sync.WaitGroup and their like): the caller that starts
// work through it waits for it there.
func waitedGroup(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if _, ok := t.(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, fn.Pkg(), "Wait")
	_, ok := obj.(*types.Func)
	return ok
}

// inStartedGoroutine reports whether the call at cur is a go statement's,
// or runs in a function literal a go statement starts, before any other
// enclosing function.
func inStartedGoroutine(cur inspector.Cursor) bool {
	if _, ok := cur.Parent().Node().(*ast.GoStmt); ok {
		return true
	}
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := c.Node().(*ast.FuncDecl); ok {
			return false
		}
		call, ok := c.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != c.Node() {
			return false
		}
		_, ok = c.Parent().Parent().Node().(*ast.GoStmt)
		return ok
	}
	return false
}

// waits reports whether body, outside the function literals in it,
// receives from a channel, selects or calls a Wait method: it may wait
// for the goroutines it starts.
func waits(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectStmt:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" {
				found = true
			}
		}
		return !found
	})
	return found
}

// StartsDetached reports whether call runs the function literals given to
// it in goroutines it does not wait for (see Fact.Starts).
func (r *Result) StartsDetached(call *ast.CallExpr) bool {
	return r.calleeIs(call, func(b *body) bool { return b.starts }, func(f *Fact) bool { return f.Starts })
}

// keepsForLater reports whether the function declared at cur never calls
// its function parameters nor hands them to a call that might: every use
// stores them (a field, a map, a slice, a channel send, a struct literal)
// for a worker to run later. A function that calls them in a goroutine of
// its own (errgroup's Go) runs them now, concurrently: not this.
func keepsForLater(info *types.Info, cur inspector.Cursor) bool {
	fn, _ := info.Defs[cur.Node().(*ast.FuncDecl).Name].(*types.Func)
	uses := 0
	for id := range funcParamUses(info, cur, fn) {
		uses++
		switch parent := id.Parent().Node().(type) {
		case *ast.CallExpr:
			if tv, ok := info.Types[parent.Fun]; !ok || !tv.IsBuiltin() {
				return false // called, or given to a function that may call it
			}
		case *ast.AssignStmt, *ast.KeyValueExpr, *ast.CompositeLit, *ast.SendStmt, *ast.BinaryExpr:
		default:
			return false
		}
	}
	return uses > 0
}

// RunsLater reports whether the function literal lit, whose parent node is
// parent, is given to a function that keeps it for later (see Fact.Defers).
func (r *Result) RunsLater(lit *ast.FuncLit, parent ast.Node) bool {
	call, ok := parent.(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun) == lit {
		return false
	}
	return r.calleeIs(call, func(b *body) bool { return b.defers }, func(f *Fact) bool { return f.Defers })
}

// calleeIs reports what call's callee is, by local for a function of the
// package and by imported for another package's, read from its fact.
func (r *Result) calleeIs(call *ast.CallExpr, local func(*body) bool, imported func(*Fact) bool) bool {
	fn := apis.Callee(r.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	if b := r.funcs[fn]; b != nil {
		return local(b)
	}
	var f Fact
	return fn.Pkg() != r.pass.Pkg && r.pass.ImportObjectFact(fn, &f) && imported(&f)
}

// LaterBetween reports whether a function literal that runs later (see
// RunsLater) stands between cur and the enclosing node outer: what cur
// does is not done once per iteration of outer.
func (r *Result) LaterBetween(cur inspector.Cursor, outer ast.Node) bool {
	for c := range cur.Enclosing() {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			if r.RunsLater(n, c.Parent().Node()) {
				return true
			}
		case *ast.FuncDecl:
			return false
		}
		if c.Node() == outer {
			return false
		}
	}
	return false
}

// funcParamUses yields the uses, in the function declared at cur, of fn's
// parameters of function type.
func funcParamUses(info *types.Info, cur inspector.Cursor, fn *types.Func) iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for id := range cur.Preorder((*ast.Ident)(nil)) {
			if v, ok := info.Uses[id.Node().(*ast.Ident)].(*types.Var); ok && isFuncParam(fn, v) && !yield(id) {
				return
			}
		}
	}
}

func hasFuncParam(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if _, ok := params.At(i).Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}

func isFuncParam(fn *types.Func, v *types.Var) bool {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if params.At(i) == v {
			_, ok := v.Type().Underlying().(*types.Signature)
			return ok
		}
	}
	return false
}

// memoizing reports whether call runs a function that memoizes what the
// functions given to it build (see collectMemoizers).
func (r *Result) memoizing(call *ast.CallExpr) bool {
	return r.calleeIs(call, func(b *body) bool { return b.memoizes }, func(f *Fact) bool { return f.Memoizes })
}

// LazyInit reports whether the construct at cur builds a value that is
// kept in a variable or field and built only while that is still unset:
//
//	if d.db != nil {
//		return d.db
//	}
//	d.db = open() // once per d
//
// or `if d.db == nil { d.db = open() }`, or a cache of them by key:
//
//	if db, ok := c.dbs[dsn]; ok {
//		return db
//	}
//	db := open(dsn)
//	c.dbs[dsn] = db // or a sync.Map's Store
//
// What it builds is built once per holder (a dependency container, a
// client wrapper) or per key, not once per call.
func (r *Result) LazyInit(cur inspector.Cursor) bool {
	for n := range withinFunc(cur) {
		switch n := n.(type) {
		case *ast.IfStmt:
			if held, ok := r.nilTest(n.Cond, token.EQL); ok && astx.Contains(n.Body, cur.Node()) && assigns(n.Body, held) {
				return true
			}
		case *ast.BlockStmt:
			if r.builtOnMiss(n, cur) {
				return true
			}
			for i, stmt := range before(n, cur.Node()) {
				ifs, ok := stmt.(*ast.IfStmt)
				if !ok {
					continue
				}
				rest := &ast.BlockStmt{List: n.List[i+1:]}
				if !endsInReturn(ifs.Body) {
					// if cacheable { if t, ok := m[k]; ok { return t } }
					// … build … if cacheable { m[k] = t }: a cache that
					// some settings bypass.
					if r.hitInside(ifs.Body) && storesInMap(r.pass.TypesInfo, rest) {
						return true
					}
					continue
				}
				if held, ok := r.nilTest(ifs.Cond, token.NEQ); ok && assigns(rest, held) {
					return true
				}
				if r.returnsOnHit(n.List, stmt) && storesInMap(r.pass.TypesInfo, rest) {
					return true
				}
			}
		}
	}
	return false
}

// hitInside reports whether body holds a lookup that returns on a hit.
func (r *Result) hitInside(body *ast.BlockStmt) bool {
	for _, stmt := range body.List {
		if r.returnsOnHit(body.List, stmt) {
			return true
		}
	}
	return false
}

// storesInMap reports whether block stores a value in a map (m[k] = v) or
// a sync.Map (Store, LoadOrStore, Swap).
func storesInMap(info *types.Info, block *ast.BlockStmt) bool {
	found := false
	ast.Inspect(block, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
					if t := info.TypeOf(ix.X); t != nil {
						_, isMap := t.Underlying().(*types.Map)
						found = found || isMap
					}
				}
			}
		case *ast.CallExpr:
			if fn := apis.Callee(info, n); fn != nil {
				switch fn.FullName() {
				case "(*sync.Map).Store", "(*sync.Map).LoadOrStore", "(*sync.Map).Swap":
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// nilTest returns X when cond is `X op nil` for a variable or field X
// that may hold a pool: not an error (if err != nil { return } checks a
// call, it holds nothing).
func (r *Result) nilTest(cond ast.Expr, op token.Token) (string, bool) {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return "", false
	}
	// if c.x != nil && !reload { return c.x }, if c.x == nil || reload {
	// c.x = … }: kept, rebuilt only on demand.
	if op == token.NEQ && bin.Op == token.LAND || op == token.EQL && bin.Op == token.LOR {
		if held, ok := r.nilTest(bin.X, op); ok {
			return held, true
		}
		return r.nilTest(bin.Y, op)
	}
	if bin.Op != op {
		return "", false
	}
	x, y := ast.Unparen(bin.X), ast.Unparen(bin.Y)
	if id, ok := x.(*ast.Ident); ok && id.Name == "nil" {
		x, y = y, x
	}
	if id, ok := y.(*ast.Ident); !ok || id.Name != "nil" {
		return "", false
	}
	if t := r.pass.TypesInfo.TypeOf(x); t == nil || types.Identical(t, types.Universe.Lookup("error").Type()) {
		return "", false
	}
	switch x.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return types.ExprString(x), true
	}
	return "", false
}

// assigns reports whether block assigns to the variable or field written
// held.
func assigns(block *ast.BlockStmt, held string) bool {
	found := false
	ast.Inspect(block, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if types.ExprString(lhs) == held {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func endsInReturn(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	_, ok := body.List[len(body.List)-1].(*ast.ReturnStmt)
	return ok
}

// builtOnMiss reports whether cur is in the body of an if statement of
// block that runs when a lookup before it missed and stores in a map:
//
//	v, ok := cache.Load(key)
//	if !ok {
//		v = build(key)
//		cache.Store(key, v)
//	}
//
// the miss-branch form of a cache by key (see LazyInit).
func (r *Result) builtOnMiss(block *ast.BlockStmt, cur inspector.Cursor) bool {
	info := r.pass.TypesInfo
	for i, stmt := range block.List {
		ifs, ok := stmt.(*ast.IfStmt)
		if !ok || !astx.Contains(ifs.Body, cur.Node()) {
			continue
		}
		if !storesInMap(info, ifs.Body) {
			return false
		}
		lookups := block.List[:i]
		if ifs.Init != nil {
			lookups = append(lookups[:len(lookups):len(lookups)], ifs.Init)
		}
		for _, v := range missedVars(info, ifs.Cond, nil) {
			for _, s := range lookups {
				if commaOkLookup(info, s, v) {
					return true
				}
			}
		}
		return false
	}
	return false
}
