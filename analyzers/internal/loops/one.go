package loops

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/astx"
)

// pageOfOne reports whether loop (at cur) ranges over what a call returns
// when the call asks for one item: a size or limit parameter given the
// constant 1 (repo.Page(ctx, page, 1)), or a request whose size or limit
// field is 1 (&Query{PageSize: 1}). A page of one row runs the body once.
func pageOfOne(info *types.Info, cur inspector.Cursor, loop *ast.RangeStmt) bool {
	call := RangedCall(info, cur, loop)
	if call == nil {
		return false
	}
	sig, ok := info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok {
		return false
	}
	for i, arg := range call.Args {
		if i < sig.Params().Len() && !(sig.Variadic() && i == sig.Params().Len()-1) &&
			limitName(sig.Params().At(i).Name()) && isOne(info, arg) {
			return true
		}
		if asksForOne(info, arg) {
			return true
		}
	}
	return false
}

// asksForOne reports whether arg is a struct literal (or its address)
// that sets a size or limit field to 1.
func asksForOne(info *types.Info, arg ast.Expr) bool {
	lit := astx.StructLit(info, arg)
	if lit == nil {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && limitName(key.Name) && isOne(info, kv.Value) {
			return true
		}
	}
	return false
}

// limitName reports whether a parameter or field name says how many items
// to return: pageSize, size, limit, perPage, max, top, first, take.
func limitName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"size", "limit", "perpage", "per_page", "max", "take"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return n == "n" || n == "top" || n == "first" || n == "count"
}

func isOne(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(tv.Value)
	return exact && n == 1
}

// LeavesAfter reports whether a statement after the call at cur, in the
// loop's body or in a block nested in it (an if branch, a case), leaves the
// loop unconditionally: db.Exec(…); return, or if admin { db.Exec(…);
// break }, or the call is in the return statement itself. What is at cur
// then runs once per loop (or only on the rounds that continue: a
// retry), not once per item.
func LeavesAfter(cur inspector.Cursor, body *ast.BlockStmt) bool {
	var path []inspector.Cursor // cur and its ancestors below body
	returns := false
	for c := cur; c.Valid() && c.Node() != body; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.FuncLit:
			returns = false // a return inside ends only the literal
		case *ast.ReturnStmt:
			returns = true // return db.Update(…): the round-trip is the way out
		}
		path = append(path, c)
	}
	if returns {
		return true
	}
	for i, c := range path {
		var list []ast.Stmt
		caught := false // a break here leaves a switch, select or inner loop
		switch p := c.Parent().Node().(type) {
		case *ast.BlockStmt:
			if _, ok := c.Parent().Parent().Node().(*ast.FuncLit); ok && p != body {
				return false // a return there ends only the literal
			}
			list = p.List
		case *ast.CaseClause:
			list, caught = p.Body, true
		case *ast.CommClause:
			list, caught = p.Body, true
		default:
			continue
		}
		for _, above := range path[i+1:] {
			switch above.Node().(type) {
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
				caught = true
			}
		}
		after := false
		for _, stmt := range list {
			if stmt == c.Node() {
				after = true
				continue
			}
			if !after {
				continue
			}
			switch stmt := stmt.(type) {
			case *ast.ReturnStmt:
				return true
			case *ast.BranchStmt:
				if stmt.Tok == token.GOTO || stmt.Tok == token.BREAK && (!caught || stmt.Label != nil) {
					return true
				}
			}
		}
	}
	return false
}
