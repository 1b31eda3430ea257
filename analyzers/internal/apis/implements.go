package apis

import "go/types"

// Implementations returns the methods of pkg's non-generic named types (or
// of pointers to them) that implement the interface method m, in the
// order of pkg's scope (sorted by name); nil when m is not the method of
// a non-generic interface. Methods promoted from an embedded interface
// have no body to look at and are left out.
func Implementations(pkg *types.Package, m *types.Func) []*types.Func {
	recv := m.Signature().Recv()
	if recv == nil {
		return nil
	}
	if named, ok := types.Unalias(recv.Type()).(*types.Named); ok && named.TypeParams().Len() > 0 {
		return nil // a generic interface: which instance is meant is not known here
	}
	iface, ok := recv.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var impls []*types.Func
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if impl := ImplementedBy(scope.Lookup(name), iface, m); impl != nil {
			impls = append(impls, impl)
		}
	}
	return impls
}

// ImplementedBy returns the method of the type obj names (or of a pointer
// to it) that implements m of iface, or nil. Aliases, interfaces and
// generic types are left out: which instantiation runs is not known.
func ImplementedBy(obj types.Object, iface *types.Interface, m *types.Func) *types.Func {
	tn, ok := obj.(*types.TypeName)
	if !ok || tn.IsAlias() {
		return nil
	}
	named, ok := tn.Type().(*types.Named)
	if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
		return nil
	}
	var t types.Type = named
	if !types.Implements(t, iface) {
		if t = types.NewPointer(named); !types.Implements(t, iface) {
			return nil
		}
	}
	sel, _, _ := types.LookupFieldOrMethod(t, false, m.Pkg(), m.Name())
	impl, _ := sel.(*types.Func)
	if impl == nil || impl.Signature().Recv() == nil || types.IsInterface(impl.Signature().Recv().Type()) {
		return nil
	}
	return impl
}
