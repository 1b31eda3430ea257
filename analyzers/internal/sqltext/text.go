package sqltext

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
)

// Of returns the statically known text of the string expression e, with
// Hole where a part is not known, and whether any part is known at all.
//
// It follows constants, + concatenations, fmt.Sprintf with a constant format
// (a %d, %f or %t verb is a value; %s and %v are holes unless their argument
// is a constant), strings.Join of constants, and local variables of scope
// (a function body): their definition and every later assignment or += are
// joined, so that a LIMIT added on one branch counts.
func Of(info *types.Info, scope ast.Node, e ast.Expr) (string, bool) {
	r := reader{info: info, scope: scope, seen: make(map[*types.Var]bool)}
	s := r.text(e)
	return s, strings.Trim(s, Hole+" ") != ""
}

type reader struct {
	info  *types.Info
	scope ast.Node
	seen  map[*types.Var]bool
}

func (r *reader) text(e ast.Expr) string {
	e = ast.Unparen(e)
	if tv, ok := r.info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			return constant.StringVal(tv.Value)
		}
		return "0"
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return r.text(e.X) + r.text(e.Y)
		}
	case *ast.CallExpr:
		if fn := callee(r.info, e); fn != nil && fn.Pkg() != nil {
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "fmt.Sprintf":
				return r.sprintf(e)
			}
		}
	case *ast.Ident:
		if v, ok := r.info.Uses[e].(*types.Var); ok {
			return r.variable(v)
		}
	}
	if t := r.info.TypeOf(e); t != nil && !isString(t) {
		return "0" // a number or a bool: a value
	}
	return Hole
}

// variable joins the texts assigned to a local variable of the scope.
func (r *reader) variable(v *types.Var) string {
	if r.seen[v] || r.scope == nil || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return Hole
	}
	r.seen[v] = true
	defer delete(r.seen, v)
	var parts []string
	ast.Inspect(r.scope, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := lhs.(*ast.Ident)
				if !ok || r.info.ObjectOf(id) != v {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) {
					parts = append(parts, Hole)
					continue
				}
				parts = append(parts, r.text(n.Rhs[i]))
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if r.info.Defs[id] == v && i < len(n.Values) {
					parts = append(parts, r.text(n.Values[i]))
				}
			}
		case *ast.UnaryExpr:
			// &q passed somewhere: it may be written anywhere.
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && r.info.Uses[id] == v {
				parts = append(parts, Hole)
			}
		}
		return true
	})
	if len(parts) == 0 {
		return Hole
	}
	return strings.Join(parts, " ")
}

// sprintf fills the format's verbs: constants by their value, numbers and
// booleans by a value, anything else by a hole.
func (r *reader) sprintf(call *ast.CallExpr) string {
	if len(call.Args) == 0 {
		return Hole
	}
	tv, ok := r.info.Types[call.Args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return Hole
	}
	format := constant.StringVal(tv.Value)
	args := call.Args[1:]
	var b strings.Builder
	argi := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			break
		}
		verb := format[j]
		i = j
		if verb == '%' {
			b.WriteByte('%')
			continue
		}
		var arg ast.Expr
		if argi < len(args) {
			arg = args[argi]
		}
		argi++
		switch verb {
		case 'd', 'f', 'g', 'e', 't', 'x', 'X', 'o', 'b', 'c', 'U':
			b.WriteString("0")
		case 'q':
			b.WriteString("'…'")
		default:
			if arg != nil {
				b.WriteString(r.text(arg))
			} else {
				b.WriteString(Hole)
			}
		}
	}
	return b.String()
}

func callee(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	return fn
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
