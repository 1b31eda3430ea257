package summary

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

// dropped reports whether the pool built at cur stays in its function:
// held by local variables only (or used in place), used through its
// methods and fields, and never returned, stored elsewhere or passed on.
// Such a function builds a pool and throws it away on every call: one
// cause, reported at the construction whatever calls it.
func (r *Result) dropped(cur inspector.Cursor) bool {
	c := cur
	for {
		p := c.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr, *ast.UnaryExpr:
			c = p
			continue
		case *ast.KeyValueExpr:
			// &http.Client{Transport: &http.Transport{}}: the client holds it.
			if _, ok := p.Parent().Node().(*ast.CompositeLit); ok && pn.Value == c.Node() {
				c = p.Parent()
				continue
			}
			return false
		case *ast.SelectorExpr:
			return pn.X == c.Node() // (&http.Client{…}).Do(req): used in place
		case *ast.AssignStmt:
			if pn.Tok != token.DEFINE && !(pn.Tok == token.ASSIGN && r.localsOnly(pn.Lhs)) {
				return false
			}
			return r.heldLocally(p, pn.Lhs)
		case *ast.ValueSpec:
			return r.heldLocally(p, identsOf(pn.Names))
		}
		return false
	}
}

// localsOnly reports whether every left-hand side is a local variable.
func (r *Result) localsOnly(lhs []ast.Expr) bool {
	for _, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return false
		}
		if v, ok := r.pass.TypesInfo.ObjectOf(id).(*types.Var); ok && v.Parent() == v.Pkg().Scope() {
			return false
		}
	}
	return true
}

func identsOf(names []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(names))
	for i, n := range names {
		out[i] = n
	}
	return out
}

// heldLocally reports whether the variables in lhs are used, in the
// function around at, only as the operand of a selector (v.Do(req),
// v.Close(), v.Timeout) or in a literal that is itself held locally
// (http.Client{Transport: v}).
func (r *Result) heldLocally(at inspector.Cursor, lhs []ast.Expr) bool {
	return r.heldLocallySeen(at, lhs, make(map[ast.Expr]bool))
}

func (r *Result) heldLocallySeen(at inspector.Cursor, lhs []ast.Expr, seen map[ast.Expr]bool) bool {
	fn, ok := astx.FuncAt(at)
	if !ok {
		return false
	}
	info := r.pass.TypesInfo
	vars := make(map[types.Object]bool)
	for _, l := range lhs {
		seen[l] = true
		if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
			if obj := info.ObjectOf(id); obj != nil && !isErrorVar(obj) {
				vars[obj] = true
			}
		}
	}
	for c := range fn.Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		if !vars[info.Uses[id]] {
			continue
		}
		if kv, ok := c.Parent().Node().(*ast.KeyValueExpr); ok && kv.Value == id {
			// http.Client{Transport: tr}: held by a value that is itself
			// held locally and dropped.
			if inner, _ := astx.FuncAt(c); inner.Node() != fn.Node() || !r.dropped(c) {
				return false
			}
			continue
		}
		if holder := r.intoLocalField(c); holder != nil {
			// client.Transport = tr: held by a local value built here,
			// which must itself be held locally.
			if seen[holder] || !r.heldLocallySeen(at, []ast.Expr{holder}, seen) {
				return false
			}
			continue
		}
		sel, ok := c.Parent().Node().(*ast.SelectorExpr)
		if !ok || sel.X != id {
			return false
		}
		if call, ok := c.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == sel &&
			handleOf(info.TypeOf(call), info.Uses[id].Type()) && kept(c.Parent().Parent()) {
			return false // return client.Database(name): the handle holds the pool
		}
		if inner, _ := astx.FuncAt(c); inner.Node() != fn.Node() {
			return false // captured by a closure, which may outlive the call
		}
	}
	return true
}

func isErrorVar(obj types.Object) bool {
	return types.Identical(obj.Type(), types.Universe.Lookup("error").Type())
}

// kept reports whether the value at cur leaves the function: returned,
// or stored in a composite literal or a field.
func kept(cur inspector.Cursor) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.ReturnStmt, *ast.CompositeLit:
		return true
	case *ast.KeyValueExpr:
		return p.Value == cur.Node()
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if _, ok := l.(*ast.SelectorExpr); ok {
				return true
			}
		}
	}
	return false
}

// handleOf reports whether a value of type t holds a pool of type pool:
// it is of that type (db.WithContext(ctx)), or hands it back through a
// method (a mongo Database's Client()).
func handleOf(t, pool types.Type) bool {
	if tuple, ok := t.(*types.Tuple); ok && tuple.Len() > 0 {
		t = tuple.At(0).Type()
	}
	if t == nil || pool == nil {
		return false
	}
	if types.Identical(t, pool) {
		return true
	}
	mset := types.NewMethodSet(t)
	for i := range mset.Len() {
		sig, ok := mset.At(i).Type().(*types.Signature)
		if ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), pool) {
			return true
		}
	}
	return false
}

// Stored reports whether the value built at cur is stored where it
// outlives the call: assigned to a field, a package variable or a map
// element — itself, through a composite literal that holds it, or through
// a local variable that is.
func (r *Result) Stored(cur inspector.Cursor) bool {
	c := cur
	for {
		p := c.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr, *ast.UnaryExpr, *ast.CompositeLit:
			c = p
			continue
		case *ast.KeyValueExpr:
			if pn.Value != c.Node() {
				return false
			}
			c = p
			continue
		case *ast.AssignStmt:
			for i, rhs := range pn.Rhs {
				if rhs != c.Node() || i >= len(pn.Lhs) {
					continue
				}
				if r.outlives(p, pn.Lhs[i]) {
					return true
				}
				if v := astx.LocalVar(r.pass.TypesInfo, pn.Lhs[i]); v != nil {
					return r.storedLocal(p, v)
				}
			}
		}
		return false
	}
}

// outlives reports whether lhs names storage that outlives the function:
// a field, a package variable, a map element.
func (r *Result) outlives(at inspector.Cursor, lhs ast.Expr) bool {
	if v := r.builtLocal(at, lhs); v != nil {
		return r.storedLocal(at, v) // client.Transport = tr: kept as long as client is
	}
	switch l := ast.Unparen(lhs).(type) {
	case *ast.SelectorExpr:
		sel := r.pass.TypesInfo.Selections[l]
		return sel == nil || sel.Kind() == types.FieldVal
	case *ast.IndexExpr:
		t := r.pass.TypesInfo.TypeOf(l.X)
		if t == nil {
			return false
		}
		_, isMap := t.Underlying().(*types.Map)
		return isMap
	case *ast.Ident:
		v, ok := r.pass.TypesInfo.ObjectOf(l).(*types.Var)
		return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	}
	return false
}

// storedLocal reports whether the local v, in the function around at, is
// assigned to storage that outlives the function.
func (r *Result) storedLocal(at inspector.Cursor, v *types.Var) bool {
	fn, ok := astx.FuncAt(at)
	if !ok {
		return false
	}
	for use := range astx.UsesOf(r.pass.TypesInfo, fn, v) {
		as, ok := use.Parent().Node().(*ast.AssignStmt)
		if !ok {
			continue
		}
		for i, rhs := range as.Rhs {
			if rhs == use.Node() && i < len(as.Lhs) && r.outlives(use, as.Lhs[i]) {
				return true
			}
		}
	}
	return false
}

// intoLocalField returns, for an identifier given to a field of a local
// value built in its function (client.Transport = tr), that local's
// identifier; or nil.
func (r *Result) intoLocalField(use inspector.Cursor) ast.Expr {
	as, ok := use.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	for i, rhs := range as.Rhs {
		if rhs != use.Node() {
			continue
		}
		if r.builtLocal(use, as.Lhs[i]) != nil {
			return as.Lhs[i].(*ast.SelectorExpr).X
		}
	}
	return nil
}

// builtLocal returns the local variable whose field lhs names
// (client.Transport), when the local holds a value its function builds (a
// composite literal or new): what is stored there is kept only as long as
// the local is; or nil.
func (r *Result) builtLocal(at inspector.Cursor, lhs ast.Expr) *types.Var {
	info := r.pass.TypesInfo
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
		return nil
	}
	v := astx.LocalVar(info, sel.X)
	if v == nil || v.Kind() != types.LocalVar {
		return nil
	}
	init := astx.LocalInit(info, at, v)
	if u, ok := ast.Unparen(init).(*ast.UnaryExpr); ok && u.Op == token.AND {
		init = u.X
	}
	switch init := ast.Unparen(init).(type) {
	case *ast.CompositeLit:
		return v
	case *ast.CallExpr:
		if id, ok := ast.Unparen(init.Fun).(*ast.Ident); ok && info.Uses[id] == types.Universe.Lookup("new") {
			return v
		}
	}
	return nil
}

// ConnectionTest reports whether the pool that the call at cur returns is
// opened only to test that a connection can be made with the settings the
// caller passes: built from a parameter, held by a local that is only
// pinged and closed. There is nothing to share: each call tests other
// settings (a connection form, a health probe of a configured peer).
func (r *Result) ConnectionTest(cur inspector.Cursor) bool {
	info := r.pass.TypesInfo
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok || !mentionsParam(info, call.Args) {
		return false
	}
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != call {
		return false
	}
	v := astx.LocalVar(info, as.Lhs[0])
	fn, ok := astx.FuncAt(cur)
	if v == nil || !ok {
		return false
	}
	pinged := false
	for use := range astx.UsesOf(info, fn, v) {
		sel, ok := use.Parent().Node().(*ast.SelectorExpr)
		if !ok || sel.X != use.Node() {
			return false
		}
		if s := info.Selections[sel]; s == nil || s.Kind() != types.MethodVal {
			return false
		}
		switch sel.Sel.Name {
		case "Ping", "PingContext":
			pinged = true
		case "Close":
		default:
			return false
		}
	}
	return pinged
}

// mentionsParam reports whether one of args uses a parameter of the
// function it is in.
func mentionsParam(info *types.Info, args []ast.Expr) bool {
	found := false
	for _, arg := range args {
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && v.Kind() == types.ParamVar {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// DefaultReplaced reports whether the pool that the call at cur returns
// is thrown away before it sends anything: the call's value is held by a
// local whose every field that can hold a pool (an *http.Client, a
// transport) the statements right after overwrite, before any other use
// (c := retry.NewClient(); c.HTTPClient = shared). A pool that never
// sends opens no connection.
func (r *Result) DefaultReplaced(cur inspector.Cursor) bool {
	info := r.pass.TypesInfo
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != cur.Node() {
		return false
	}
	v := astx.LocalVar(info, as.Lhs[0])
	if v == nil {
		return false
	}
	fields := poolFields(v.Type())
	if len(fields) == 0 {
		return false
	}
	block, ok := cur.Parent().Parent().Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	i := slices.Index(block.List, ast.Stmt(as))
	for _, stmt := range block.List[i+1:] {
		if len(fields) == 0 {
			break
		}
		set, ok := stmt.(*ast.AssignStmt)
		if !ok || len(set.Lhs) != 1 || len(set.Rhs) != 1 || astx.Mentions(info, set.Rhs[0], v) {
			break
		}
		sel, ok := set.Lhs[0].(*ast.SelectorExpr)
		if !ok || astx.LocalVar(info, sel.X) != v {
			break
		}
		delete(fields, sel.Sel.Name) // another field's setting is no use of the pool
	}
	return len(fields) == 0
}

// poolFields returns the names of the fields of t's struct (or the struct
// t points to) that can hold an HTTP connection pool.
func poolFields(t types.Type) map[string]bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	fields := make(map[string]bool)
	for f := range st.Fields() {
		for _, name := range []string{"Client", "Transport", "RoundTripper"} {
			if apis.IsNamed(f.Type(), "net/http", name) {
				fields[f.Name()] = true
			}
		}
	}
	return fields
}
