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
// ones too), or the result of a function that detaches (see FromBackground;
// detaches says which functions do, nil: none). A parameter is what param
// says of it (nil: not a lifetime context).
func Lifetime(info *types.Info, site inspector.Cursor, e ast.Expr, param func(*types.Var) bool, detaches func(*types.Func) bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if fn := apis.Callee(info, e); fn != nil && (isBackground(fn) || detaches != nil && detaches(fn)) {
			return true
		}
		if arg := FirstContextArg(info, e); arg != nil {
			return Lifetime(info, site, arg, param, detaches) // derived from its first context
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
				return Lifetime(info, at, init, param, detaches)
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

// isBackground reports whether fn returns a context that nothing cancels
// and that has no deadline: Background, TODO, and WithoutCancel, whose
// copy of its parent keeps the values only.
func isBackground(fn *types.Func) bool {
	return apis.ContextFunc(fn, "Background", "TODO", "WithoutCancel")
}

// FromBackground reports whether the context expression e, at site, is built from
// context.Background() or TODO() and from no caller's context: directly,
// derived from one (WithValue(Background(), k, ctx.Value(k)) copies a
// value, not the cancellation), through a local whose every assignment is
// such, or by a call of a function that returns one (detaches says which).
// A helper that copies a request's values onto a background context
// returns such a context: work given it is detached from the request.
func FromBackground(info *types.Info, site inspector.Cursor, e ast.Expr, detaches func(*types.Func) bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := apis.Callee(info, e)
		if fn == nil {
			return false
		}
		if isBackground(fn) || detaches(fn) {
			return true
		}
		if arg := FirstContextArg(info, e); arg != nil {
			return FromBackground(info, site, arg, detaches)
		}
	case *ast.Ident:
		v := astx.LocalVar(info, e)
		if v == nil {
			return false
		}
		init := astx.LocalInit(info, site, v)
		if init == nil || !FromBackground(info, site, init, detaches) {
			return false
		}
		fn, ok := astx.FuncAt(site)
		if !ok {
			return false
		}
		// Every later assignment must keep it detached: derived from
		// itself (ctx = context.WithValue(ctx, …)) or detached anew.
		for use := range astx.UsesOf(info, fn, v) {
			as, ok := use.Parent().Node().(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, l := range as.Lhs {
				if l == use.Node() && !derivedFrom(info, as.Rhs[i], v) && !FromBackground(info, site, as.Rhs[i], detaches) {
					return false
				}
			}
		}
		return true
	}
	return false
}

// derivedFrom reports whether e is a call whose first context argument is
// the variable v.
func derivedFrom(info *types.Info, e ast.Expr, v *types.Var) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(FirstContextArg(info, call)).(*ast.Ident)
	return ok && info.Uses[id] == v
}

// FirstContextArg returns call's first argument of type context.Context
// (the parent of a derived context, the context a helper is given), or
// nil.
func FirstContextArg(info *types.Info, call *ast.CallExpr) ast.Expr {
	for _, arg := range call.Args {
		if t := info.TypeOf(arg); t != nil && apis.IsContext(t) {
			return arg
		}
	}
	return nil
}

// IsBackgroundCall reports whether e is a call of context.Background() or
// TODO(): a context with no deadline and nothing to cancel it.
func IsBackgroundCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := apis.Callee(info, call)
	return apis.ContextFunc(fn, "Background", "TODO")
}
