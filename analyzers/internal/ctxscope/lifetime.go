package ctxscope

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

// Lifetime reports whether the context expression e, at site, is one the
// program keeps for an object's or the process's lifetime rather than a
// caller's: context.Background() or TODO(), a struct field, a package
// variable, or a context derived from one (WithTimeout(c.ctx, …),
// tracer.Start(c.ctx, …)), through local variables (a closure's captured
// ones too). A parameter is what
// param says of it (nil: not a lifetime context).
func Lifetime(info *types.Info, site inspector.Cursor, e ast.Expr, param func(*types.Var) bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn := apis.Callee(info, e); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" &&
			(fn.Name() == "Background" || fn.Name() == "TODO") {
			return true
		}
		for _, arg := range e.Args {
			if t := info.TypeOf(arg); t != nil && apis.IsContext(t) {
				return Lifetime(info, site, arg, param) // derived from its first context
			}
		}
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil {
			return sel.Kind() == types.FieldVal
		}
		return isPackageVar(info.Uses[e.Sel])
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		switch {
		case !ok:
			return false
		case isPackageVar(v):
			return true
		case v.Kind() == types.ParamVar:
			return param != nil && param(v)
		}
		// A closure's captured variable is defined in a function around it.
		for at := site; ; {
			if init := astx.LocalInit(info, at, v); init != nil {
				return Lifetime(info, at, init, param)
			}
			fn, ok := astx.FuncAt(at)
			if !ok {
				break
			}
			at = fn.Parent()
		}
	}
	return false
}
