package loops

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

// overEmbeddedFiles reports whether loop (at cur) ranges over files of an
// embed.FS (fs.Glob(migrations, "*.sql"), fs.ReadDir, FS.ReadDir), directly
// or through the local variable that holds them: their number is fixed when
// the program is built (migrations, seeds, templates), not by data.
func overEmbeddedFiles(info *types.Info, cur inspector.Cursor, loop *ast.RangeStmt) bool {
	call := RangedCall(info, cur, loop)
	if call == nil {
		return false
	}
	fn := apis.Callee(info, call)
	if fn == nil {
		return false
	}
	switch fn.FullName() {
	case "(embed.FS).ReadDir":
		return true
	case "io/fs.Glob", "io/fs.ReadDir":
		return len(call.Args) > 0 && embeddedFS(info, cur, call.Args[0])
	}
	return false
}

// RangedCall returns the call whose result loop (at cur) ranges over:
// range f(x), or range v after v := f(x) or v, err := f(x); else nil.
func RangedCall(info *types.Info, cur inspector.Cursor, loop *ast.RangeStmt) *ast.CallExpr {
	x := ast.Unparen(loop.X)
	if id, ok := x.(*ast.Ident); ok {
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return nil
		}
		x = ast.Unparen(astx.LocalInit(info, cur, v))
	}
	call, _ := x.(*ast.CallExpr)
	return call
}

// embeddedFS reports whether e is an embed.FS, or fs.Sub of one (perhaps
// held in a local variable).
func embeddedFS(info *types.Info, cur inspector.Cursor, e ast.Expr) bool {
	e = ast.Unparen(e)
	if apis.IsNamed(info.TypeOf(e), "embed", "FS") {
		return true
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			e = astx.LocalInit(info, cur, v)
		}
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	fn := apis.Callee(info, call)
	return fn != nil && fn.FullName() == "io/fs.Sub" && embeddedFS(info, cur, call.Args[0])
}
