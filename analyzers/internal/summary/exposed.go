package summary

import (
	"go/types"
	"slices"
)

// Methods that code outside the module may call.
//
// A method no code of the program calls is dead code, unless a package
// outside the module calls it through an interface of its own: net/http
// calls ServeHTTP, encoding/json MarshalJSON, database/sql Scan. What a
// dependency can call is a method of one of its interfaces, by name and
// signature; the module's own interface calls are counted by name (see
// program.dynamic).

// exposedMethods returns the full names of the package's exported methods
// whose name and signature match a method of an interface declared in a
// package outside the module that it imports, directly or not.
func (r *Result) exposedMethods() []string {
	var methods []*types.Func
	scope := r.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok {
			continue
		}
		for m := range named.Methods() {
			if m.Exported() {
				methods = append(methods, m)
			}
		}
	}
	if len(methods) == 0 {
		return nil
	}
	foreign := r.foreignInterfaceMethods()
	var exposed []string
	for _, m := range methods {
		if slices.ContainsFunc(foreign[m.Name()], func(sig *types.Signature) bool { return sameShape(sig, m.Signature()) }) {
			exposed = append(exposed, m.FullName())
		}
	}
	return exposed
}

// foreignInterfaceMethods indexes by name the methods of the interfaces
// declared at package level in the packages outside the module that the
// package imports, directly or not.
func (r *Result) foreignInterfaceMethods() map[string][]*types.Signature {
	index := make(map[string][]*types.Signature)
	seen := make(map[*types.Package]bool)
	var visit func(pkg *types.Package)
	visit = func(pkg *types.Package) {
		if seen[pkg] {
			return
		}
		seen[pkg] = true
		for _, imp := range pkg.Imports() {
			visit(imp)
		}
		if pkg == r.pass.Pkg || r.inModule(pkg) {
			return
		}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			iface, ok := tn.Type().Underlying().(*types.Interface)
			if !ok {
				continue
			}
			for i := range iface.NumMethods() {
				m := iface.Method(i)
				if m.Exported() {
					index[m.Name()] = append(index[m.Name()], m.Signature())
				}
			}
		}
	}
	visit(r.pass.Pkg)
	return index
}

// sameShape reports whether two method signatures take and return
// identical types, receivers aside.
func sameShape(a, b *types.Signature) bool {
	return a.Variadic() == b.Variadic() && identicalTuples(a.Params(), b.Params()) && identicalTuples(a.Results(), b.Results())
}

func identicalTuples(a, b *types.Tuple) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if !types.Identical(a.At(i).Type(), b.At(i).Type()) {
			return false
		}
	}
	return true
}
