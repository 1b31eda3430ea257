package summary

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
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
	for c := range cur.Enclosing() {
		switch n := c.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			for _, stmt := range n.List {
				if stmt.Pos() >= cur.Node().Pos() {
					break
				}
				if r.returnsOnHit(n.List, stmt) {
					return true
				}
			}
		}
	}
	return false
}

// siteAfterHit is afterHit for the call sites of bodies, memoized.
func (r *Result) siteAfterHit(site inspector.Cursor) bool {
	v, ok := r.sitesAfterHit[site.Index()]
	if !ok {
		v = r.afterHit(site)
		r.sitesAfterHit[site.Index()] = v
	}
	return v
}

// returnsOnHit reports whether stmt, one of block, is an if statement that
// returns when the comma-ok result of a lookup is true.
func (r *Result) returnsOnHit(block []ast.Stmt, stmt ast.Stmt) bool {
	ifs, ok := stmt.(*ast.IfStmt)
	if !ok || len(ifs.Body.List) == 0 {
		return false
	}
	if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ok {
		return false
	}
	found := foundVar(r.pass.TypesInfo, ifs.Cond)
	if found == nil {
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
		if commaOkLookup(r.pass.TypesInfo, s, found) {
			return true
		}
	}
	return false
}

// foundVar returns the boolean variable cond tests for true (ok, or
// ok && …), or nil.
func foundVar(info *types.Info, cond ast.Expr) *types.Var {
	switch c := ast.Unparen(cond).(type) {
	case *ast.Ident:
		v, _ := info.Uses[c].(*types.Var)
		return v
	case *ast.BinaryExpr:
		if c.Op == token.LAND {
			return foundVar(info, c.X)
		}
	}
	return nil
}

// commaOkLookup reports whether stmt sets found as the second result of a
// map index or of a call returning (T, bool): v, found := m[k], or
// v, found := cache.Get(k).
func commaOkLookup(info *types.Info, stmt ast.Stmt, found *types.Var) bool {
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
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
		if !ok || tuple.Len() != 2 {
			return false
		}
		b, ok := tuple.At(1).Type().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Bool
	}
	return false
}
