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

// EndsIteration reports whether the statements after stmt, in its block,
// leave the loop or the function unconditionally (return, break, goto):
// the iteration that runs stmt is the last, so stmt runs at most once per
// loop (a retry loop that returns its first good answer, a search that
// starts the one worker it found).
func EndsIteration(stmt inspector.Cursor) bool {
	block, ok := stmt.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	after := false
	for _, s := range block.List {
		if s == stmt.Node() {
			after = true
			continue
		}
		if !after {
			continue
		}
		switch s := s.(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.BranchStmt:
			if s.Tok == token.GOTO || s.Tok == token.BREAK && (s.Label != nil || breaksLoop(stmt)) {
				return true
			}
		}
	}
	return false
}

// breaksLoop reports whether an unlabeled break beside stmt leaves a loop,
// not a switch or select around it.
func breaksLoop(stmt inspector.Cursor) bool {
	for c := range stmt.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.SwitchStmt)(nil), (*ast.TypeSwitchStmt)(nil), (*ast.SelectStmt)(nil)) {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
		return false
	}
	return false
}
