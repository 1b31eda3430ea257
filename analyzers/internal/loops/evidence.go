package loops

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
)

// Source is what a loop's trip count grows with, as far as its function
// shows: the positive evidence that a loop is hot, or that it is not.
type Source int

const (
	// Unknown: nothing in the function says where the items come from.
	Unknown Source = iota
	// Param: a parameter of the function, or a field of one; its callers
	// decide.
	Param
	// Served: data the program serves — rows of a query, a decoded
	// request, messages of a channel or consumer.
	Served
	// Decoded: data decoded from bytes (json.Unmarshal): served data as
	// often as a stored setting.
	Decoded
	// Program: the program's own data — configuration, command-line
	// arguments, the environment, tables kept in package variables, a
	// literal written in the source.
	Program
)

// Evidence is a loop's Source and what it is, for messages ("the rows of a
// query").
type Evidence struct {
	Source Source
	What   string
	// Param is the parameter a Param loop goes over itself (not a field
	// of it): its callers' arguments tell more (see OfArg).
	Param *types.Var
	// By names the caller that passes the data, when it came through a
	// parameter.
	By string
	// Holder is the parameter whose field a Param loop goes over (Param is
	// nil then): what callers pass for it does not size the field, but an
	// RPC method's request message is the client's input, fields and all.
	Holder *types.Var
}

// Rows reports whether the loop goes over rows read from storage, as
// opposed to the request's input or a channel's messages: how hot that is
// depends on where the code runs.
func (e Evidence) Rows() bool {
	return e.Source == Served && (e.What == rowsOfQuery || e.What == rowsOfResult)
}

const rowsOfResult = "the rows of a result set"

// Fetches reports whether call returns rows of a database or cache: a
// round-trip, or a function whose summary says it queries.
type Fetches func(call *ast.CallExpr) bool

// Origin returns the evidence for what loop l goes over. fetches tells
// which calls return served rows.
func Origin(info *types.Info, l Loop, fetches Fetches) Evidence {
	o := origin{info: info, fetches: fetches, at: l.Cursor, fn: funcOf(l)}
	switch n := l.Node.(type) {
	case *ast.RangeStmt:
		if isChan(info.TypeOf(n.X)) {
			return Evidence{Source: Served, What: "the messages of a channel"}
		}
		return o.of(n.X, 0)
	case *ast.ForStmt:
		return o.forLoop(n, 0)
	case *ast.CallExpr: // an iterating callee: the collection is its first argument or receiver
		if len(n.Args) > 0 {
			if ev := o.of(n.Args[0], 0); ev.Source != Unknown {
				return ev
			}
		}
		if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
			return o.of(sel.X, 0)
		}
	}
	return Evidence{}
}

// OfArg returns the evidence for what arg, an argument of the call at
// cur, holds: what a callee's parameter goes over when this call runs it.
func OfArg(info *types.Info, cur inspector.Cursor, arg ast.Expr, fetches Fetches) Evidence {
	o := origin{info: info, fetches: fetches, at: cur}
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		o.fn = c.Node()
		break
	}
	return o.of(arg, 0)
}

type origin struct {
	info    *types.Info
	fetches Fetches
	at      inspector.Cursor // the loop
	fn      ast.Node         // the function the loop is in
}

func funcOf(l Loop) ast.Node {
	for c := range l.Cursor.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c.Node()
	}
	return nil
}

// forLoop classifies a for statement: a cursor loop over rows
// (for rows.Next()), a count bounded by the length of a collection or by a
// variable, a receive loop. depth counts the steps taken to reach it (see
// of): a loop whose condition reads what it appends to comes back here.
func (o *origin) forLoop(n *ast.ForStmt, depth int) Evidence {
	if depth > maxDepth {
		return Evidence{}
	}
	if n.Cond == nil {
		if waitsOnChannel(n.Body) {
			return Evidence{Source: Served, What: "the messages of a channel"}
		}
		return Evidence{}
	}
	var found Evidence
	ast.Inspect(n.Cond, func(x ast.Node) bool {
		if found.Source != Unknown {
			return false
		}
		switch x := x.(type) {
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); ok && o.info.Uses[id] == types.Universe.Lookup("len") && len(x.Args) == 1 {
				found = o.of(x.Args[0], depth)
				return false
			}
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && isCursor(o.info, x) {
				found = o.of(sel.X, depth)
				if found.Source == Unknown {
					found = Evidence{Source: Served, What: rowsOfResult}
				}
				return false
			}
		case *ast.Ident:
			if ev := o.of(x, depth); ev.Source == Param || ev.Source == Program {
				found = ev
			}
		}
		return true
	})
	return found
}

// isCursor reports whether call advances a database result set or cursor
// (rows.Next(), cursor.Next(ctx)): a loop over the rows it reads.
func isCursor(info *types.Info, call *ast.CallExpr) bool {
	if !apis.IsRowIterator(info, call) {
		return false
	}
	path := apis.Callee(info, call).Pkg().Path()
	return path != "bufio" && path != "encoding/json"
}

const rowsOfQuery = "the rows of a query"

// rangedBy returns the collection a range statement of the function
// defines v over (for _, v := range x), or nil.
func (o *origin) rangedBy(v *types.Var) ast.Expr {
	var x ast.Expr
	ast.Inspect(o.fn, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if !ok || x != nil {
			return x == nil
		}
		for _, e := range []ast.Expr{r.Key, r.Value} {
			if id, ok := e.(*ast.Ident); ok && o.info.Defs[id] == v {
				x = r.X
			}
		}
		return x == nil
	})
	return x
}

// maxDepth bounds the walk through local assignments.
const maxDepth = 4

// of returns the evidence for what x holds.
func (o *origin) of(x ast.Expr, depth int) Evidence {
	if depth > maxDepth {
		return Evidence{}
	}
	if configType(o.info.TypeOf(x)) {
		return Evidence{Source: Program, What: "configuration"}
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.CompositeLit:
		return Evidence{Source: Program, What: "a table written in the source"}
	case *ast.CallExpr:
		return o.call(x, depth)
	case *ast.SelectorExpr:
		if v, ok := o.info.Uses[x.Sel].(*types.Var); ok && isPackageVar(v) {
			return packageVar(v)
		}
		ev := o.of(x.X, depth+1)
		if ev.Param != nil {
			ev.Holder = ev.Param
		}
		ev.Param = nil // a field of a parameter: the argument's own evidence does not say
		if ev.Source == Served && ev.What == rowsOfQuery {
			// A collection held by one stored record (a template's
			// joins, a role's permissions) is bounded by that record,
			// and is as often the program's settings as its data.
			return Evidence{Source: Program, What: "a field of one stored record"}
		}
		return ev
	case *ast.IndexExpr:
		return o.of(x.X, depth+1)
	case *ast.StarExpr:
		return o.of(x.X, depth+1)
	case *ast.UnaryExpr:
		return o.of(x.X, depth+1)
	case *ast.SliceExpr:
		return o.of(x.X, depth+1)
	case *ast.Ident:
		return o.ident(x, depth)
	}
	return Evidence{}
}

func (o *origin) ident(id *ast.Ident, depth int) Evidence {
	v, ok := o.info.Uses[id].(*types.Var)
	if !ok {
		return Evidence{}
	}
	switch {
	case isPackageVar(v):
		return packageVar(v)
	case v.Kind() == types.RecvVar:
		return Evidence{}
	case v.Kind() == types.ParamVar:
		if apis.IsNamed(v.Type(), "net/http", "Request") || apis.IsNamed(v.Type(), "net/url", "Values") {
			return Evidence{Source: Served, What: "the request's input"}
		}
		return Evidence{Source: Param, What: "parameter " + v.Name(), Param: v}
	}
	if o.fn == nil {
		return Evidence{}
	}
	if x := o.rangedBy(v); x != nil {
		// An element of an outer loop: what that loop goes over.
		return o.of(x, depth+1)
	}
	if ev := o.filledInto(v); ev.Source != Unknown {
		return ev
	}
	if init := astx.LocalInit(o.info, o.at, v); init != nil {
		if ev := o.of(init, depth+1); ev.Source != Unknown {
			return ev
		}
	}
	if loop := o.appendedIn(v); loop != nil {
		// Collected item by item in a loop: what that loop goes over.
		switch loop := loop.(type) {
		case *ast.RangeStmt:
			return o.of(loop.X, depth+1)
		case *ast.ForStmt:
			return o.forLoop(loop, depth+1)
		}
	}
	return Evidence{}
}

// appendedIn returns the innermost loop of the function in which v is
// grown by v = append(v, …), or nil.
func (o *origin) appendedIn(v *types.Var) ast.Stmt {
	var stack []ast.Stmt
	var found ast.Stmt
	ast.Inspect(o.fn, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if n == nil {
			return true
		}
		switch n := n.(type) {
		case *ast.RangeStmt, *ast.ForStmt:
			// Loops in preorder: the last one that contains a node is
			// the innermost around it.
			stack = append(stack, n.(ast.Stmt))
		case *ast.AssignStmt:
			if len(stack) > 0 && appendsTo(o.info, n, v) {
				for i := len(stack) - 1; i >= 0; i-- {
					if astx.Contains(stack[i], n) {
						found = stack[i]
						break
					}
				}
			}
		}
		return true
	})
	return found
}

// appendsTo reports whether as is v = append(v, …).
func appendsTo(info *types.Info, as *ast.AssignStmt, v *types.Var) bool {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return false
	}
	lhs, ok := as.Lhs[0].(*ast.Ident)
	if !ok || info.Uses[lhs] != v {
		return false
	}
	call, ok := as.Rhs[0].(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	fun, ok := call.Fun.(*ast.Ident)
	return ok && info.Uses[fun] == types.Universe.Lookup("append")
}

// call classifies the result of a call: rows of a query, the request's
// input, command-line arguments or the environment, or what a collection
// helper (maps.Keys, strings.Split, slices.Sorted) was given.
func (o *origin) call(call *ast.CallExpr, depth int) Evidence {
	if o.fetches != nil && o.fetches(call) {
		return Evidence{Source: Served, What: rowsOfQuery}
	}
	fn := apis.Callee(o.info, call)
	if fn == nil {
		if len(call.Args) == 1 { // a conversion: []T(x)
			return o.of(call.Args[0], depth+1)
		}
		return Evidence{}
	}
	switch fn.FullName() {
	case "os.Environ":
		return Evidence{Source: Program, What: "the environment"}
	case "flag.Args", "(*flag.FlagSet).Args":
		return Evidence{Source: Program, What: "command-line arguments"}
	}
	if apis.RequestInput(fn) {
		return Evidence{Source: Served, What: "the request's input"}
	}
	if collectionHelper(fn) && len(call.Args) > 0 {
		return o.of(call.Args[0], depth+1)
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil && len(call.Args) == 0 {
		// A getter of a value: cfg.Items(), req.GetIds().
		return o.of(sel.X, depth+1)
	}
	return Evidence{}
}

// collectionHelper reports whether fn returns a view of its first argument
// (same number of items or fewer): the loop is over what it was given.
func collectionHelper(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "maps", "slices", "sort", "golang.org/x/exp/maps", "golang.org/x/exp/slices", "github.com/samber/lo":
		return true
	case "strings", "bytes":
		return strings.HasPrefix(fn.Name(), "Split") || fn.Name() == "Fields"
	}
	return false
}

// filledInto returns the evidence for a variable the function fills
// through a pointer: db.Find(&v) or db.Select(&v, …) (rows of a query),
// c.Bind(&v) (the request), json.Unmarshal(b, &v) (decoded data).
func (o *origin) filledInto(v *types.Var) Evidence {
	var found Evidence
	ast.Inspect(o.fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found.Source != Unknown {
			return found.Source == Unknown
		}
		for _, arg := range call.Args {
			u, ok := ast.Unparen(arg).(*ast.UnaryExpr)
			if !ok {
				continue
			}
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && o.info.Uses[id] == v {
				found = o.fills(call)
			}
		}
		return found.Source == Unknown
	})
	return found
}

// fills tells what call decodes into its pointer argument.
func (o *origin) fills(call *ast.CallExpr) Evidence {
	if o.fetches != nil && o.fetches(call) {
		return Evidence{Source: Served, What: rowsOfQuery}
	}
	switch fn := apis.Callee(o.info, call); {
	case fn == nil:
	case apis.RequestInput(fn):
		return Evidence{Source: Served, What: "the request's input"}
	case apis.Decoder(fn):
		if readsRequest(o.info, call) {
			return Evidence{Source: Served, What: "the request's decoded body"}
		}
		return Evidence{Source: Decoded, What: "decoded data"}
	}
	return Evidence{}
}

// packageVar classifies a package-level variable: os.Args, or a table the
// program keeps.
func packageVar(v *types.Var) Evidence {
	if v.Pkg().Path() == "os" && v.Name() == "Args" {
		return Evidence{Source: Program, What: "command-line arguments"}
	}
	return Evidence{Source: Program, What: "a package-level table"}
}

func isPackageVar(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

func isChan(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// configWords end the names of the types a program reads its
// configuration into (Config, ServerConfig, Options, Settings): a loop
// over their entries runs once per configured item, not per request.
var configWords = []string{"Config", "Configuration", "Conf", "Cfg", "Options", "Opts", "Settings"}

// configType reports whether t (or what it points to, or a slice or map
// of it) is a configuration type by its name or its package's
// (…/config, …/conf, …/settings).
func configType(t types.Type) bool {
	for range 3 {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
			continue
		case *types.Slice:
			t = u.Elem()
			continue
		case *types.Map:
			t = u.Elem()
			continue
		case *types.Named:
			obj := u.Obj()
			for _, w := range configWords {
				if strings.HasSuffix(obj.Name(), w) {
					return true
				}
			}
			if obj.Pkg() != nil {
				last := obj.Pkg().Path()[strings.LastIndex(obj.Pkg().Path(), "/")+1:]
				return last == "config" || last == "conf" || last == "settings" || last == "cfg"
			}
		}
		return false
	}
	return false
}

// readsRequest reports whether a decoding call reads a request: its
// receiver or arguments mention an *http.Request or a framework's request
// context (json.NewDecoder(r.Body).Decode(&v)).
func readsRequest(info *types.Info, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(call, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !found {
			t := info.TypeOf(x)
			if t != nil && apis.IsRequest(t) {
				found = true
			} else if _, ok := apis.RequestContext(t); t != nil && ok {
				found = true
			}
		}
		return !found
	})
	return found
}
