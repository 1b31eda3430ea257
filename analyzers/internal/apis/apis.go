// Package apis is perflint's one table of knowledge about the libraries it
// understands: which calls build connection pools, which are database or
// cache round-trips, which log and at what level, which functions are HTTP
// handlers. Every match is made on types — the called object's full name
// (types.Func.FullName), its receiver type and its package path — never on
// the text of an identifier, so a package named sql that is not database/sql
// is not a database.
//
// Users extend the tables with Config (exposed as flags by the summary
// analyzer), e.g. an in-house wrapper's query methods.
package apis

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method a call statically names (the
// declared, uninstantiated one for generics), or nil for calls of function
// values, builtins and conversions. An interface method is returned as the
// abstract method.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// nameSet is a set of types.Func.FullName strings.
type nameSet map[string]bool

// add inserts pkg.F for each function name, or (*pkg.T).M / (pkg.T).M for
// each method name when recv is "*T" or "T".
func (s nameSet) add(pkg, recv string, names ...string) {
	for _, n := range names {
		switch {
		case recv == "":
			s[pkg+"."+n] = true
		case strings.HasPrefix(recv, "*"):
			s["(*"+pkg+"."+recv[1:]+")."+n] = true
		default:
			s["("+pkg+"."+recv+")."+n] = true
		}
	}
}

// NameList is a flag.Value holding a comma-separated list of full function
// names as types.Func.FullName spells them: example.com/db.Query,
// (*example.com/db.Store).Get, (example.com/db.Querier).Query.
type NameList struct{ names nameSet }

func (l *NameList) String() string {
	if l == nil || len(l.names) == 0 {
		return ""
	}
	list := make([]string, 0, len(l.names))
	for n := range l.names {
		list = append(list, n)
	}
	sort.Strings(list)
	return strings.Join(list, ",")
}

// Set adds the comma-separated names in v to the list.
func (l *NameList) Set(v string) error {
	if l.names == nil {
		l.names = make(nameSet)
	}
	for _, n := range strings.Split(v, ",") {
		if n = strings.TrimSpace(n); n != "" {
			l.names[n] = true
		}
	}
	return nil
}

// Has reports whether fn is on the list.
func (l *NameList) Has(fn *types.Func) bool {
	return l != nil && len(l.names) > 0 && l.names[fn.FullName()]
}

// Config extends the built-in tables with the user's own APIs.
type Config struct {
	Queries NameList // extra database or cache round-trips
	Pools   NameList // extra connection-pool constructors
	Loggers NameList // extra info-level log calls
}

// ShortName names fn for messages: pkg.F, (*pkg.T).M or (pkg.T).M, with
// package names rather than paths.
func ShortName(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		if fn.Pkg() == nil {
			return fn.Name()
		}
		return fn.Pkg().Name() + "." + fn.Name()
	}
	recv := sig.Recv().Type()
	if ptr, ok := recv.(*types.Pointer); ok {
		return "(*" + typeName(ptr.Elem(), qual) + ")." + fn.Name()
	}
	return "(" + typeName(recv, qual) + ")." + fn.Name()
}

// typeName prints a receiver type without its type arguments, so that
// Repo[T] reads as store.Repo.
func typeName(t types.Type, qual types.Qualifier) string {
	if named, ok := types.Unalias(t).(*types.Named); ok {
		obj := named.Obj()
		if obj.Pkg() != nil {
			return qual(obj.Pkg()) + "." + obj.Name()
		}
		return obj.Name()
	}
	return types.TypeString(t, qual)
}

// pkgPath returns the package path of fn, or "".
func pkgPath(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path()
}

// receiverNamed returns the named type of fn's receiver (through a pointer),
// or nil for functions.
func receiverNamed(fn *types.Func) *types.Named {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	t := sig.Recv().Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, _ := types.Unalias(t).(*types.Named)
	return named
}

// IsNamed reports whether t (or what it points to) is the named type
// pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkg
}

// CalleeName names what call calls, for messages: the function's short name,
// or the name of the function value, or "call".
func CalleeName(info *types.Info, call *ast.CallExpr) string {
	if fn := Callee(info, call); fn != nil {
		return ShortName(fn)
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		return id.Name
	}
	return "call"
}

// IsPackageVar reports whether e names the package-level variable name of
// the package at path (http.DefaultClient).
func IsPackageVar(info *types.Info, e ast.Expr, path, name string) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	return ok && v.Name() == name && v.Pkg() != nil && v.Pkg().Path() == path && v.Parent() == v.Pkg().Scope()
}
