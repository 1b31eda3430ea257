package loops

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/astx"
)

// smallLocalRange reports whether loop (at cur) ranges over a local
// variable initialized with a composite literal of at most MaxSmall
// elements and never assigned again or addressed:
// keys := []string{a, b}; for _, k := range keys {...}.
func smallLocalRange(info *types.Info, cur inspector.Cursor, loop *ast.RangeStmt) bool {
	id, ok := ast.Unparen(loop.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	fn, ok := astx.FuncAt(cur)
	if !ok {
		return false
	}
	small, changed := false, false
	isV := func(x ast.Expr) bool {
		i, ok := ast.Unparen(x).(*ast.Ident)
		return ok && info.ObjectOf(i) == v
	}
	for c := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && isV(ix.X) {
					changed = true // m[k] = v grows a map
				}
				if !isV(lhs) {
					continue
				}
				if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) && isSmallLit(n.Rhs[i]) && !small {
					small = true
				} else {
					changed = true
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if isV(name) {
					if len(n.Values) == len(n.Names) && isSmallLit(n.Values[i]) {
						small = true
					} else {
						changed = true
					}
				}
			}
		case *ast.UnaryExpr:
			changed = changed || n.Op == token.AND && isV(n.X)
		}
	}
	return small && !changed
}

func isSmallLit(x ast.Expr) bool {
	lit, ok := ast.Unparen(x).(*ast.CompositeLit)
	return ok && len(lit.Elts) <= MaxSmall
}
