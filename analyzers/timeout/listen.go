package timeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/skip"
)

// serveAddress returns the address the server served at cur listens on,
// where the code shows it: the first argument of ListenAndServe and of
// gin's Run or echo's Start, the Addr of an http.Server literal (or set
// on its holder later), or the address given to net.Listen for the
// listener that http.Serve is handed.
func (c *checker) serveAddress(cur inspector.Cursor) ast.Expr {
	info := c.pass.TypesInfo
	switch n := cur.Node().(type) {
	case *ast.CompositeLit:
		if v := fieldValue(n, "Addr"); v != nil {
			return v
		}
		return assignedField(info, c.scopeOf(cur, holderOf(cur)), holderOf(cur), "Addr")
	case *ast.CallExpr:
		fn := apis.Callee(info, n)
		if fn == nil || len(n.Args) == 0 {
			return nil
		}
		switch fn.Name() {
		case "Serve", "ServeTLS":
			return c.listenedAddress(n.Args[0])
		}
		return n.Args[0]
	}
	return nil
}

// assignedField returns the value last assigned in scope to holder's
// field name (srv.Addr = addr), or nil.
func assignedField(info *types.Info, scope []ast.Node, holder ast.Expr, name string) ast.Expr {
	if holder == nil {
		return nil
	}
	var v ast.Expr
	for _, value := range selectorAssignments(scope, func(sel *ast.SelectorExpr) bool {
		return sel.Sel.Name == name && sameExpr(info, sel.X, holder)
	}) {
		if value != nil {
			v = value
		}
	}
	return v
}

// listenedAddress returns the address given to the net.Listen call whose
// listener l holds: a local variable, or a field (m.listener) or package
// variable set anywhere in the package; nil if there is none. Of several,
// one that is not a loopback address wins.
func (c *checker) listenedAddress(l ast.Expr) ast.Expr {
	info := c.pass.TypesInfo
	obj := referenced(info, l)
	if obj == nil {
		return nil
	}
	var addr ast.Expr
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 || referenced(info, as.Lhs[0]) != obj {
				return true
			}
			if call, ok := as.Rhs[0].(*ast.CallExpr); ok && len(call.Args) == 2 {
				if fn := apis.Callee(info, call); fn != nil && fn.FullName() == "net.Listen" && (addr == nil || apis.Loopback(info, addr)) {
					addr = call.Args[1]
				}
			}
			return true
		})
	}
	return addr
}

// referenced returns the variable e names: a local or package variable,
// or a field (in any value of its type).
func referenced(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
	}
	return nil
}

// listensLocally reports whether addr is this host's loopback address, or
// a command-line flag whose default is one (flag.String("http",
// "localhost:8080", …), pflag's StringVar(&opts.addr, …)): by default only
// this host's own processes can connect.
func (c *checker) listensLocally(addr ast.Expr) bool {
	if addr == nil {
		return false
	}
	info := c.pass.TypesInfo
	if apis.Loopback(info, addr) {
		return true
	}
	if c.flagDefaults == nil {
		c.flagDefaults = flagDefaults(c.pass)
	}
	var obj types.Object
	switch e := ast.Unparen(addr).(type) {
	case *ast.StarExpr: // *httpAddr, httpAddr = flag.String(…)
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok {
			obj = info.Uses[id]
		}
	case *ast.Ident:
		obj = info.Uses[e]
	case *ast.SelectorExpr:
		obj = info.Uses[e.Sel]
	}
	def, ok := c.flagDefaults[obj]
	return ok && apis.Loopback(info, def)
}

// flagDefaults maps the variables that the package's flag definitions fill
// to the default value given: the pointer a flag.String returns (held in
// a variable), and the variable whose address StringVar is given.
func flagDefaults(pass *analysis.Pass) map[types.Object]ast.Expr {
	info := pass.TypesInfo
	defaults := make(map[types.Object]ast.Expr)
	for _, f := range skip.Files(pass) {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ValueSpec:
				for i, v := range n.Values {
					if def := flagValue(info, v); def != nil && i < len(n.Names) {
						defaults[info.Defs[n.Names[i]]] = def
					}
				}
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for i, v := range n.Rhs {
					if id, ok := n.Lhs[i].(*ast.Ident); ok {
						if def := flagValue(info, v); def != nil {
							defaults[info.ObjectOf(id)] = def
						}
					}
				}
			case *ast.CallExpr:
				if target, def := flagVar(info, n); target != nil {
					defaults[target] = def
				}
			}
			return true
		})
	}
	return defaults
}

// flagPackages are the flag libraries whose String/StringVar (and the
// P-suffixed forms, which take a shorthand before the default) define a
// string flag with a default.
var flagPackages = map[string]bool{
	"flag":                   true,
	"github.com/spf13/pflag": true,
}

// flagValue returns the default of the string flag that e defines and
// returns a pointer to (flag.String(name, def, usage)), or nil.
func flagValue(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn := apis.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || !flagPackages[fn.Pkg().Path()] {
		return nil
	}
	switch {
	case fn.Name() == "String" && len(call.Args) == 3:
		return call.Args[1]
	case fn.Name() == "StringP" && len(call.Args) == 4:
		return call.Args[2]
	}
	return nil
}

// flagVar returns the variable a StringVar call fills and its default, or
// nil.
func flagVar(info *types.Info, call *ast.CallExpr) (types.Object, ast.Expr) {
	fn := apis.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || !flagPackages[fn.Pkg().Path()] {
		return nil, nil
	}
	var def ast.Expr
	switch {
	case fn.Name() == "StringVar" && len(call.Args) == 4:
		def = call.Args[2]
	case fn.Name() == "StringVarP" && len(call.Args) == 5:
		def = call.Args[3]
	default:
		return nil, nil
	}
	ref, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr)
	if !ok {
		return nil, nil
	}
	switch x := ast.Unparen(ref.X).(type) {
	case *ast.Ident:
		return info.Uses[x], def
	case *ast.SelectorExpr: // &opts.addr: the field, in any value of its type
		return info.Uses[x.Sel], def
	}
	return nil, nil
}
