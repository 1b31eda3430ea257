package ctxscope

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/internal/apis"
)

// Twin is the variant of a called function that takes a context.
type Twin struct {
	Of   *types.Func // the function called, which takes no context
	Name string      // the twin as messages name it: QueryContext, http.NewRequestWithContext
	Fn   *types.Func // the twin itself, when it is one function

	newName   string // rename the selector to this (rename twins)
	funText   string // or replace the called expression with this; %s is the package qualifier
	extraArgs string // arguments that follow the context: `"ip"`
	noArgs    string // the arguments after the context when the call has none: nil for BeginTx
	fixable   bool
}

// specialTwins are the pairs the naming convention (X / XContext,
// X / XWithContext on the same receiver or in the same package) does not
// find by itself.
var specialTwins = map[string]Twin{
	"(*database/sql.DB).Begin":                {newName: "BeginTx", noArgs: "nil", fixable: true},
	"(*github.com/jmoiron/sqlx.DB).Beginx":    {newName: "BeginTxx", noArgs: "nil", fixable: true},
	"(*github.com/jmoiron/sqlx.DB).MustBegin": {newName: "MustBeginTx", noArgs: "nil", fixable: true},
	"net.Dial":        {Name: "(&net.Dialer{}).DialContext", funText: "(&%s.Dialer{}).DialContext", fixable: true},
	"net.LookupHost":  resolver("LookupHost", ""),
	"net.LookupAddr":  resolver("LookupAddr", ""),
	"net.LookupCNAME": resolver("LookupCNAME", ""),
	"net.LookupMX":    resolver("LookupMX", ""),
	"net.LookupNS":    resolver("LookupNS", ""),
	"net.LookupTXT":   resolver("LookupTXT", ""),
	"net.LookupSRV":   resolver("LookupSRV", ""),
	"net.LookupPort":  resolver("LookupPort", ""),
	"net.LookupIP":    resolver("LookupIP", `"ip"`),
}

func resolver(method, extra string) Twin {
	return Twin{Name: "net.DefaultResolver." + method, funText: "%s.DefaultResolver." + method, extraArgs: extra, fixable: true}
}

// twinSuffixes are the names by which a function's context-taking sibling
// is known: QueryContext for Query, NewRequestWithContext for NewRequest.
var twinSuffixes = []string{"Context", "WithContext"}

// TwinOf reports whether call calls a function that takes no context but
// has a sibling that does: a method X whose receiver also has XContext (or
// XWithContext) taking a context.Context first and otherwise the same
// parameters, a package function likewise, or one of the special pairs
// (Begin/BeginTx, net.Dial/Dialer.DialContext, net.LookupX/Resolver).
// Logging calls (slog.Info/InfoContext) are not pairs of this kind: the
// context they take carries values, not a deadline.
func TwinOf(info *types.Info, call *ast.CallExpr) (Twin, bool) {
	fn := apis.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || TakesContext(fn) {
		return Twin{}, false
	}
	if fn.Pkg().Path() == "log/slog" || (&apis.Config{}).LogLevel(info, call) != apis.NotLog {
		return Twin{}, false
	}
	if t, ok := specialTwins[fn.FullName()]; ok {
		t.Of = fn
		if t.newName != "" {
			t.Name = t.newName
		}
		return t, true
	}
	sig := fn.Signature()
	for _, suffix := range twinSuffixes {
		tw := sibling(info, call, fn, fn.Name()+suffix)
		if tw == nil {
			continue
		}
		tsig := tw.Origin().Signature()
		if tsig.Params().Len() != sig.Params().Len()+1 || tsig.Variadic() != sig.Variadic() || !apis.IsContext(tsig.Params().At(0).Type()) ||
			!sameShape(sig, tsig) {
			continue
		}
		t := Twin{Of: fn, Fn: tw, newName: tw.Name(), Name: tw.Name()}
		if sig.Recv() == nil {
			t.Name = fn.Pkg().Name() + "." + tw.Name()
		}
		t.fixable = tsig.TypeParams().Len() == 0 && argsFit(info, call, tsig)
		return t, true
	}
	return Twin{}, false
}

// Known reports whether the twin is known to block on I/O its context
// cancels, with no need to look at its body: a special pair, a database
// client's twin, a standard-library dial, request or command.
func (t Twin) Known() bool {
	return t.Fn == nil || apis.ContextIO(t.Fn)
}

// sameShape reports whether twin returns what sig returns: the same call
// with a context, not another API that happens to share the name
// (zerolog's Logger.With, a field builder, and Logger.WithContext, which
// stores the logger in a context). Parameters may differ in type
// (sqlx.Select takes a Queryer, SelectContext a QueryerContext).
func sameShape(sig, twin *types.Signature) bool {
	if sig.Results().Len() != twin.Results().Len() {
		return false
	}
	for i := range sig.Results().Len() {
		x, y := sig.Results().At(i).Type(), twin.Results().At(i).Type()
		// Methods of a generic type each have their own receiver type
		// parameters: T of Get and T of GetContext match by name.
		if !types.Identical(x, y) && types.TypeString(x, nil) != types.TypeString(y, nil) {
			return false
		}
	}
	return true
}

// sibling finds the method name on the call's receiver, or the function
// name in the callee's package.
func sibling(info *types.Info, call *ast.CallExpr, fn *types.Func, name string) *types.Func {
	if fn.Signature().Recv() == nil {
		tw, _ := fn.Pkg().Scope().Lookup(name).(*types.Func)
		return tw
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	recv := info.TypeOf(sel.X)
	if recv == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(recv, true, fn.Pkg(), name)
	tw, _ := obj.(*types.Func)
	return tw
}

// argsFit reports whether the call's arguments can be passed unchanged
// after the context to a function of signature tsig.
func argsFit(info *types.Info, call *ast.CallExpr, tsig *types.Signature) bool {
	params := tsig.Params()
	for i, arg := range call.Args {
		t := info.TypeOf(arg)
		if t == nil {
			return false
		}
		k := i + 1
		var want types.Type
		switch {
		case tsig.Variadic() && k >= params.Len()-1:
			want = params.At(params.Len() - 1).Type()
			if !call.Ellipsis.IsValid() {
				if s, ok := want.(*types.Slice); ok {
					want = s.Elem()
				}
			}
		case k < params.Len():
			want = params.At(k).Type()
		default:
			return false
		}
		if !types.AssignableTo(t, want) {
			return false
		}
	}
	return true
}

// TakesContext reports whether fn has a context.Context parameter.
func TakesContext(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if apis.IsContext(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// Fix returns the edits that rewrite call to its twin with ctx as the
// context, or nil when the rewrite is not mechanical.
func (t Twin) Fix(call *ast.CallExpr, ctx string) []analysis.TextEdit {
	if !t.fixable {
		return nil
	}
	var edits []analysis.TextEdit
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if t.funText != "" {
			qual, ok := fun.X.(*ast.Ident)
			if !ok {
				return nil
			}
			edits = append(edits, replace(call.Fun.Pos(), call.Fun.End(), fmt.Sprintf(t.funText, qual.Name)))
		} else {
			edits = append(edits, replace(fun.Sel.Pos(), fun.Sel.End(), t.newName))
		}
	case *ast.Ident: // a function of the same package, or dot-imported
		if t.funText != "" {
			return nil
		}
		edits = append(edits, replace(fun.Pos(), fun.End(), t.newName))
	default:
		return nil
	}
	lead := []string{ctx}
	if t.extraArgs != "" {
		lead = append(lead, t.extraArgs)
	}
	if len(call.Args) == 0 {
		if t.noArgs != "" {
			lead = append(lead, t.noArgs)
		}
		return append(edits, insert(call.Lparen+1, strings.Join(lead, ", ")))
	}
	return append(edits, insert(call.Lparen+1, strings.Join(lead, ", ")+", "))
}

func replace(pos, end token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: end, NewText: []byte(text)}
}

func insert(pos token.Pos, text string) analysis.TextEdit {
	return replace(pos, pos, text)
}
