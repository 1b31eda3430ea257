// Package listflow finds, in one function body, the places where a whole
// result set is fetched with no bound (an "unbounded list"), and follows the
// variables that hold it through the body: assignments, struct and map
// literals, conversions, json.Marshal, range loops that append a copy of
// each element. It is the AST-level flow the summary analyzer uses for its
// List effect (a function returns every row) and the pagination analyzer
// uses to see a list reach the response.
//
// The flow is deliberately simple and errs on the side of silence: only
// local variables are followed; len(x), x[i] and x[:n] do not carry the
// list; a list passed to a function is not followed into it.
package listflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/sqltext"
)

// Source is a call in the body that obtains an unbounded list.
type Source struct {
	Call *ast.CallExpr // the query, the builder's fetch, or the call of a function that returns a list
	What string        // the API that fetches, e.g. "(*sqlx.DB).SelectContext"; "" for Returned
	// Returned is set when the list is the result of a call that returnsList
	// accepted (a function summarized as returning a list).
	Returned bool

	vars  map[*types.Var]bool // variables that hold the list
	calls map[*ast.CallExpr]bool
}

// Sources returns the unbounded lists fn (a *ast.FuncDecl or *ast.FuncLit)
// obtains in its own body (not in nested function literals, which are
// bodies of their own), in source order. returnsList tells whether a call
// that is not a known fetch returns an unbounded list.
func Sources(info *types.Info, fn ast.Node, returnsList func(*ast.CallExpr) bool) []*Source {
	body := funcBody(fn)
	if body == nil {
		return nil
	}
	var out []*Source
	inspectOwn(body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		if lc, ok := apis.ListCallOf(info, call); ok {
			if src := primitive(info, body, call, lc); src != nil {
				out = append(out, src)
			}
			return
		}
		if returnsList != nil && returnsList(call) {
			src := newSource(call, "")
			src.Returned = true
			if v := assignedTo(info, body, call, 0); v != nil {
				src.vars[v] = true
			}
			out = append(out, src)
		}
	})
	return out
}

func newSource(call *ast.CallExpr, what string) *Source {
	return &Source{Call: call, What: what, vars: make(map[*types.Var]bool), calls: map[*ast.CallExpr]bool{call: true}}
}

// primitive returns the source a known fetch makes, or nil when its query
// text or builder chain bounds it, or when its rows are not gathered.
func primitive(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr, lc apis.ListCall) *Source {
	if lc.SQL != nil {
		text, known := sqltext.Of(info, body, lc.SQL)
		if !known || !sqltext.Read(text).Unbounded() {
			return nil
		}
	}
	switch lc.Builder {
	case apis.Gorm:
		if gormBounded(info, body, call) {
			return nil
		}
	case apis.Ent:
		if entBounded(info, body, call) {
			return nil
		}
	case apis.Mongo:
		if mongoBounded(info, body, call, lc) {
			return nil
		}
	}
	src := newSource(call, apis.ShortName(apis.Callee(info, call)))
	switch lc.Kind {
	case apis.ListInto:
		v := addressed(info, lc.Dest)
		if v == nil || !isSlice(v.Type()) {
			return nil
		}
		src.vars[v] = true
	case apis.ListResult:
		if v := assignedTo(info, body, call, 0); v != nil {
			src.vars[v] = true
		}
	case apis.ListRows:
		rows := assignedTo(info, body, call, 0)
		if rows == nil {
			return nil
		}
		gatherRows(info, body, rows, src)
		if len(src.vars) == 0 && len(src.calls) == 1 {
			return nil // the rows are not gathered into a list here
		}
	}
	return src
}

// gatherRows finds where the rows of rows land: slices appended to in a
// loop over rows.Next(), mongo's cursor.All(ctx, &out), pgx.CollectRows.
func gatherRows(info *types.Info, body *ast.BlockStmt, rows *types.Var, src *Source) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			if call, ok := ast.Unparen(n.Cond).(*ast.CallExpr); ok && apis.IsRowIterator(info, call) && receiverIs(info, call, rows) {
				for _, v := range appendedIn(info, body, n.Body) {
					src.vars[v] = true
				}
			}
		case *ast.CallExpr:
			rowsArg, dest, ok := apis.RowsConsumer(info, n)
			if !ok {
				return true
			}
			if rowsArg < 0 && !receiverIs(info, n, rows) || rowsArg >= 0 && (rowsArg >= len(n.Args) || identVar(info, n.Args[rowsArg]) != rows) {
				return true
			}
			if dest >= 0 && dest < len(n.Args) {
				if v := addressed(info, n.Args[dest]); v != nil {
					src.vars[v] = true
				}
			} else if dest < 0 {
				src.calls[n] = true
				if v := assignedTo(info, body, n, 0); v != nil {
					src.vars[v] = true
				}
			}
		}
		return true
	})
}

// appendedIn returns the variables a loop body grows with append: x in
// x = append(x, …), and resp in resp.Items = append(resp.Items, …) when
// resp is declared in fnBody (a receiver's or a package's field is not the
// function's value).
func appendedIn(info *types.Info, fnBody, loopBody *ast.BlockStmt) []*types.Var {
	var out []*types.Var
	ast.Inspect(loopBody, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !isBuiltin(info, call, "append") || len(call.Args) == 0 {
			return true
		}
		if v := identVar(info, as.Lhs[0]); v != nil && v == identVar(info, call.Args[0]) {
			out = append(out, v)
		} else if v := rootVar(info, as.Lhs[0]); v != nil && isLocal(v, fnBody) &&
			types.ExprString(as.Lhs[0]) == types.ExprString(call.Args[0]) {
			out = append(out, v)
		}
		return true
	})
	return out
}

// gormBounded reports whether the gorm chain that ends in call bounds its
// rows: Limit or Scopes (pagination helpers) anywhere in the chain or on
// the local variable the chain starts from, a Where or inline condition
// that pins a key, Raw SQL that is bounded, or a destination that is not a
// slice.
func gormBounded(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr) bool {
	if len(call.Args) > 1 { // Find(&out, "id = ?", id), Find(&out, []int{1, 2})
		if !whereIsList(info, body, call.Args[1]) {
			return true
		}
	}
	return chainBounded(info, body, call, 0, func(link *ast.CallExpr, fn *types.Func) bool {
		switch {
		case apis.BoundsGorm(fn):
			return true
		case apis.IsGormRaw(fn) && len(link.Args) > 0:
			text, known := sqltext.Of(info, body, link.Args[0])
			return !known || !sqltext.Read(text).Unbounded()
		case apis.IsGormWhere(fn) && len(link.Args) > 0:
			return !whereIsList(info, body, link.Args[0])
		}
		return false
	})
}

// whereIsList reports whether a gorm condition leaves a list: a condition
// text that does not pin a key. A struct or map condition, or text that
// is not known, may pin one: not a list.
func whereIsList(info *types.Info, body *ast.BlockStmt, cond ast.Expr) bool {
	if t := info.TypeOf(cond); t == nil || !isStringType(t) {
		return false
	}
	text, known := sqltext.Of(info, body, cond)
	return known && sqltext.Read("SELECT * FROM t WHERE "+text).Unbounded()
}

// entBounded reports whether the ent-style builder chain ending in call has
// a Limit (on the chain or on the local builder variable it starts from).
func entBounded(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr) bool {
	return chainBounded(info, body, call, 0, func(link *ast.CallExpr, fn *types.Func) bool {
		sig, _ := fn.Type().(*types.Signature)
		return fn.Name() == "Limit" && sig != nil && sig.Recv() != nil && apis.IsBuilderLimit(sig.Recv().Type())
	})
}

// mongoBounded reports whether a mongo Find is bounded: an options argument
// that sets a limit or is not known here, or a filter on _id.
func mongoBounded(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr, lc apis.ListCall) bool {
	if len(call.Args) > 1 && hasStringKey(info, call.Args[1], "_id") {
		return true
	}
	for _, opt := range lc.Opts {
		if v := identVar(info, opt); v != nil {
			if !isLocal(v, body) || varHasCall(info, body, v, apis.IsMongoSetLimit) {
				return true
			}
			continue
		}
		if exprHasCall(info, opt, apis.IsMongoSetLimit) {
			return true
		}
		if _, ok := ast.Unparen(opt).(*ast.CallExpr); !ok {
			return true // options built elsewhere: not known here
		}
	}
	return false
}

// chainBounded walks the method chain that call ends (x.A().B().Find())
// and, when it starts from a local variable, every chain assigned to or
// called on that variable in body, asking bounds of each link.
func chainBounded(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr, depth int, bounds func(*ast.CallExpr, *types.Func) bool) bool {
	x := ast.Expr(call)
	for {
		c, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			break
		}
		if fn := apis.Callee(info, c); fn != nil && c != call && bounds(c, fn) {
			return true
		}
		sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		x = sel.X
	}
	v := identVar(info, x)
	if v == nil || !isLocal(v, body) || depth > 3 {
		return false
	}
	bounded := false
	ast.Inspect(body, func(n ast.Node) bool {
		if bounded {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if identVar(info, lhs) == v && len(n.Lhs) == len(n.Rhs) {
					if c, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok && c != call {
						bounded = bounded || chainBounded(info, body, c, depth+1, bounds) || linkBounds(info, c, bounds)
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] == v && i < len(n.Values) {
					if c, ok := ast.Unparen(n.Values[i]).(*ast.CallExpr); ok {
						bounded = bounded || chainBounded(info, body, c, depth+1, bounds) || linkBounds(info, c, bounds)
					}
				}
			}
		case *ast.CallExpr:
			// q.Limit(n) called on the variable, its result kept or not
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && n != call && identVar(info, sel.X) == v {
				bounded = bounded || linkBounds(info, n, bounds)
			}
		}
		return true
	})
	return bounded
}

func linkBounds(info *types.Info, c *ast.CallExpr, bounds func(*ast.CallExpr, *types.Func) bool) bool {
	fn := apis.Callee(info, c)
	return fn != nil && bounds(c, fn)
}

// varHasCall reports whether a call for which match holds is made on v or
// assigned to v in body.
func varHasCall(info *types.Info, body *ast.BlockStmt, v *types.Var, match func(*types.Func) bool) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if identVar(info, lhs) == v && i < len(n.Rhs) && exprHasCall(info, n.Rhs[i], match) {
					found = true
				}
			}
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && identVar(info, sel.X) == v {
				if fn := apis.Callee(info, n); fn != nil && match(fn) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func exprHasCall(info *types.Info, e ast.Expr, match func(*types.Func) bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if fn := apis.Callee(info, c); fn != nil && match(fn) {
				found = true
			}
		}
		return !found
	})
	return found
}

// hasStringKey reports whether a composite literal in e has the constant
// key (bson.M{"_id": id}, bson.D{{Key: "_id", ...}}, bson.D{{"_id", id}}).
func hasStringKey(info *types.Info, e ast.Expr, key string) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if tv, ok := info.Types[lit]; ok && tv.Value != nil && tv.Value.ExactString() == `"`+key+`"` {
				found = true
			}
		}
		return !found
	})
	return found
}

// assignedTo returns the local variable that receives result i of call
// (rows, err := db.Query(...); var rows, err = ...), or nil.
func assignedTo(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr, i int) *types.Var {
	var v *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if v != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			v = pick(info, n.Lhs, n.Rhs, call, i)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for j, id := range n.Names {
				lhs[j] = id
			}
			v = pick(info, lhs, n.Values, call, i)
		}
		return true
	})
	return v
}

func pick(info *types.Info, lhs, rhs []ast.Expr, call *ast.CallExpr, i int) *types.Var {
	if len(rhs) == 1 && ast.Unparen(rhs[0]) == call && i < len(lhs) {
		return identVar(info, lhs[i])
	}
	if len(lhs) == len(rhs) && i == 0 {
		for j := range rhs {
			if ast.Unparen(rhs[j]) == call {
				return identVar(info, lhs[j])
			}
		}
	}
	return nil
}

// addressed returns the variable in &v or v.
func addressed(info *types.Info, e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return identVar(info, e)
}

func identVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	return v
}

func receiverIs(info *types.Info, call *ast.CallExpr, v *types.Var) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && identVar(info, sel.X) == v
}

// isLocal reports whether v is declared inside body (not a parameter, a
// field or a package variable).
func isLocal(v *types.Var, body *ast.BlockStmt) bool {
	return body.Pos() <= v.Pos() && v.Pos() < body.End()
}

func isSlice(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

func funcBody(fn ast.Node) *ast.BlockStmt {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Body
	case *ast.FuncLit:
		return fn.Body
	}
	return nil
}

// inspectOwn visits the nodes of body, not descending into function
// literals.
func inspectOwn(body *ast.BlockStmt, visit func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			visit(n)
		}
		return true
	})
}
