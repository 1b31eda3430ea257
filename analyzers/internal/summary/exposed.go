package summary

import (
	"go/types"
	"slices"
	"strings"
)

// Methods that code outside the program may call.
//
// A method no code of the program calls is dead code, unless code outside
// it calls the method through an interface: net/http calls ServeHTTP,
// encoding/json MarshalJSON, database/sql Scan, and a plugin loaded from
// another module calls the interface the module declares for it. What such
// code can call is a method of an interface, by name and signature.

// Interfaces is the fact of a package that declares interfaces: the
// methods they ask for, as "Name(params) results" with the types only
// (see methodShape).
type Interfaces struct{ Methods []string }

func (*Interfaces) AFact() {}

func (f *Interfaces) String() string { return strings.Join(f.Methods, "; ") }

// exportInterfaces gives the package its Interfaces fact.
func (r *Result) exportInterfaces() {
	var methods []string
	scope := r.pass.Pkg.Scope()
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
			if m := iface.Method(i); m.Exported() {
				methods = append(methods, methodShape(m))
			}
		}
	}
	if len(methods) > 0 {
		slices.Sort(methods)
		r.pass.ExportPackageFact(&Interfaces{Methods: slices.Compact(methods)})
	}
}

// exposedMethods returns the full names of the package's exported methods
// whose name and signature match a method of an interface declared in the
// package or in one it imports, directly or not.
func (r *Result) exposedMethods() []string {
	shapes := make(map[string][]string) // shape → methods of that shape
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
				shape := methodShape(m)
				shapes[shape] = append(shapes[shape], m.FullName())
			}
		}
	}
	if len(shapes) == 0 {
		return nil
	}
	var exposed []string
	for _, pf := range r.pass.AllPackageFacts() {
		f, ok := pf.Fact.(*Interfaces)
		if !ok {
			continue
		}
		for _, shape := range f.Methods {
			exposed = append(exposed, shapes[shape]...)
			delete(shapes, shape)
		}
	}
	slices.Sort(exposed)
	return exposed
}

// methodShape writes a method's name and the types it takes and returns,
// without the receiver or the parameters' names.
func methodShape(m *types.Func) string {
	sig := m.Signature()
	var b strings.Builder
	b.WriteString(m.Name())
	writeTuple(&b, sig.Params(), sig.Variadic())
	writeTuple(&b, sig.Results(), false)
	return b.String()
}

func writeTuple(b *strings.Builder, t *types.Tuple, variadic bool) {
	b.WriteByte('(')
	for i := range t.Len() {
		if i > 0 {
			b.WriteString(", ")
		}
		typ := t.At(i).Type()
		if variadic && i == t.Len()-1 {
			b.WriteString("...")
			typ = typ.(*types.Slice).Elem()
		}
		b.WriteString(types.TypeString(typ, nil))
	}
	b.WriteByte(')')
}
