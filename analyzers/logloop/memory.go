package logloop

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

// memoryLoggers finds loggers that write into an in-memory buffer: an
// import report a user reads back (an importer's status log:
// log.New(status.logBuf, …)), not the process log. Writing to it costs no
// I/O and floods nothing. A logger counts when every value the package
// gives its variable or field is log.New(buf, …), or
// slog.New(slog.NewTextHandler(buf, …)) (or NewJSONHandler), with buf a
// *bytes.Buffer or *strings.Builder.
type memoryLoggers struct {
	values map[types.Object][]ast.Expr // built on first use
}

func (m *memoryLoggers) writesToMemory(pass *analysis.Pass, ins *inspector.Inspector, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	obj := loggerVar(pass.TypesInfo, sel.X)
	if obj == nil {
		return false
	}
	if m.values == nil {
		m.values = assignedValues(pass.TypesInfo, ins)
	}
	values := m.values[obj]
	for _, v := range values {
		if !memoryLogger(pass.TypesInfo, v) {
			return false
		}
	}
	return len(values) > 0
}

// loggerVar returns the variable or field a logger expression names.
func loggerVar(info *types.Info, x ast.Expr) types.Object {
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		v, _ := info.Uses[x].(*types.Var)
		return v
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
	}
	return nil
}

// assignedValues maps each variable and field to the values the package
// assigns it: v = x, v := x, var v = x, s.f = x, T{f: x}.
func assignedValues(info *types.Info, ins *inspector.Inspector) map[types.Object][]ast.Expr {
	values := make(map[types.Object][]ast.Expr)
	for lhs, rhs := range astx.Bindings(ins.Root()) {
		obj := loggerVar(info, lhs)
		if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
			obj = info.ObjectOf(id)
		}
		if obj != nil {
			values[obj] = append(values[obj], rhs)
		}
	}
	for cur := range ins.Root().Preorder((*ast.KeyValueExpr)(nil)) {
		kv := cur.Node().(*ast.KeyValueExpr)
		if key, ok := kv.Key.(*ast.Ident); ok {
			if field, ok := info.Uses[key].(*types.Var); ok && field.IsField() {
				values[field] = append(values[field], kv.Value)
			}
		}
	}
	return values
}

// memoryLogger reports whether e builds a logger over an in-memory buffer.
func memoryLogger(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	fn := apis.Callee(info, call)
	if fn == nil {
		return false
	}
	switch fn.FullName() {
	case "log.New", "log/slog.NewTextHandler", "log/slog.NewJSONHandler":
		return memoryBuffer(info.TypeOf(call.Args[0]))
	case "log/slog.New":
		return memoryLogger(info, call.Args[0])
	}
	return false
}

func memoryBuffer(t types.Type) bool {
	ptr, ok := t.(*types.Pointer)
	return ok && (apis.IsNamed(ptr.Elem(), "bytes", "Buffer") || apis.IsNamed(ptr.Elem(), "strings", "Builder"))
}
