package pagination

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/doc"
	"github.com/perflint/perflint/analyzers/internal/listflow"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/analyzers/internal/skip"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/confidence"
)

//go:embed doc.go
var docSource string

var Analyzer = &analysis.Analyzer{
	Name:     "pagination",
	Doc:      doc.Extract(docSource, "pagination"),
	URL:      "https://github.com/perflint/perflint#pagination",
	Requires: []*analysis.Analyzer{inspect.Analyzer, summary.Analyzer},
	Run:      run,
}

func run(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	for _, f := range skip.Files(pass) {
		file, _ := ins.Root().FindNode(f)
		for cur := range file.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			checkFunc(pass, sum, cur.Node())
		}
	}
	return nil, nil
}

// checkFunc reports the unbounded lists fn, on the request path, obtains
// and writes to the response.
func checkFunc(pass *analysis.Pass, sum *summary.Result, fn ast.Node) {
	handler, ok := sum.Handler(fn)
	if !ok || sum.StartupOnly(fn) {
		return
	}
	info := pass.TypesInfo
	returnsList := func(call *ast.CallExpr) bool {
		_, ok := sum.Effect(call, summary.List)
		return ok
	}
	sources := listflow.Sources(info, fn, returnsList)
	if len(sources) == 0 {
		return
	}
	params := pageParams(info, fn)
	for _, src := range sources {
		if passesPage(src.Call, params) {
			continue
		}
		flow := src.Flow(info, fn)
		sink, written := responseSink(pass, sum, flow, fn, src.Call), "the list is written to the response here"
		if sink == nil && sum.ServiceMethod(fn) {
			// An RPC method's response is what it returns.
			if ret := flow.Returned(fn); ret != nil {
				sink, written = ret, "the list is returned as the response here"
			}
		}
		if sink == nil {
			continue
		}
		chain := src.What
		if src.Returned {
			chain, _ = sum.Effect(src.Call, summary.List)
		}
		where := "handler " + handler
		if sum.ServiceMethod(fn) {
			where = "method " + handler
		}
		if name := sum.Name(fn); name != handler {
			where = fmt.Sprintf("%s, which handler %s runs,", name, handler)
		}
		rank.Report(pass, analysis.Diagnostic{
			Pos: src.Call.Pos(),
			End: src.Call.End(),
			Message: fmt.Sprintf("%s returns every row (%s) in one response: query time, memory and response size grow with the table; "+
				"paginate with a default page size and a maximum the client cannot exceed, and a keyset cursor (WHERE id > $1 ORDER BY id LIMIT $2) for large tables",
				where, chain),
			Related: []analysis.RelatedInformation{{Pos: sink.Pos(), End: sink.End(), Message: written}},
		}, rank.Where(rank.Pass{Info: info, Sum: sum}, fn, unbounded))
	}
}

// unbounded is the judgment of a list written whole to a response: the
// query has no bound, but how large the table grows is not in the code.
var unbounded = rank.Judgment{Level: confidence.Low, Why: "the query has no bound; whether the table grows with use is not in the code"}

// responseSink returns the first call in fn that writes what flow carries
// into the response: a request context's write method (c.JSON), a call on
// something built from the response writer (json.NewEncoder(w).Encode,
// w.Write), or a call that takes the response writer or the request
// context along with the list (a render helper, tmpl.Execute(w, data)).
func responseSink(pass *analysis.Pass, sum *summary.Result, flow *listflow.Flow, fn ast.Node, source *ast.CallExpr) ast.Node {
	info := pass.TypesInfo
	var sink *ast.CallExpr
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if sink != nil || !ok || call == source {
			return sink == nil
		}
		if writesArgs(pass, sum, call) {
			for _, a := range call.Args {
				if !isResponse(info, a) && flow.Carries(a) {
					sink = call
				}
			}
		}
		return sink == nil
	})
	if sink == nil {
		return nil
	}
	return sink
}

// writesArgs reports whether call writes (some of) its arguments into the
// response.
func writesArgs(pass *analysis.Pass, sum *summary.Result, call *ast.CallExpr) bool {
	info := pass.TypesInfo
	callee := apis.Callee(info, call)
	if callee != nil && isMethod(callee) {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if _, ok := apis.RequestContext(info.TypeOf(sel.X)); ok {
				return apis.IsResponseWrite(callee) // c.JSON, not c.Set
			}
			if holdsResponseWriter(info, sel.X) {
				return true // json.NewEncoder(w).Encode(x), w.Write(b)
			}
		}
	}
	for _, a := range call.Args {
		if isResponse(info, a) {
			// a helper given the writer or the request context: unless it
			// is a service taking the context as a context.Context
			_, queries := sum.Effect(call, summary.Query)
			return !queries
		}
	}
	return false
}

func isMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	return ok && sig.Recv() != nil
}

// isResponse reports whether e is the response writer or a framework's
// request context.
func isResponse(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	if t == nil {
		return false
	}
	if _, ok := apis.RequestContext(t); ok {
		return true
	}
	return apis.IsResponseWriter(t)
}

// holdsResponseWriter reports whether e is or is built from the response
// writer (w, c.Writer, json.NewEncoder(w), bufio.NewWriter(w)).
func holdsResponseWriter(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && !found {
			if t := info.TypeOf(x); t != nil && apis.IsResponseWriter(t) {
				found = true
			}
		}
		return !found
	})
	return found
}

// pageKeys are the request parameters that carry a page size, a page or a
// cursor, normalized (lower case, no _ or -).
var pageKeys = map[string]bool{
	"limit": true, "page": true, "pagesize": true, "perpage": true, "pagenumber": true, "pageno": true,
	"size": true, "offset": true, "cursor": true, "after": true, "before": true, "pagetoken": true,
	"nextpagetoken": true, "skip": true, "take": true, "first": true, "last": true, "maxresults": true,
	"startingafter": true, "endingbefore": true, "sinceid": true, "maxid": true, "count": true,
}

func isPageKey(s string) bool {
	s = strings.ToLower(s)
	s = strings.NewReplacer("_", "", "-", "", ".", "").Replace(s)
	return pageKeys[s]
}

// pageParams follows, through fn, the values read from page parameters:
// calls with a constant page key argument (r.URL.Query().Get("limit"),
// c.DefaultQuery("page", "1"), c.QueryInt("offset")), and variables of a
// struct type with a field tagged with a page key (form:"limit").
func pageParams(info *types.Info, fn ast.Node) *listflow.Flow {
	vars := make(map[*types.Var]bool)
	calls := make(map[*ast.CallExpr]bool)
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			for _, a := range n.Args {
				if tv, ok := info.Types[a]; ok && tv.Value != nil && tv.Value.Kind() == constant.String && isPageKey(constant.StringVal(tv.Value)) {
					calls[n] = true
				}
			}
		case *ast.Ident:
			if v, ok := info.Defs[n].(*types.Var); ok && hasPageField(v.Type()) {
				vars[v] = true
			}
		}
		return true
	})
	if len(vars) == 0 && len(calls) == 0 {
		return nil
	}
	return listflow.NewFlow(info, fn, vars, calls)
}

// hasPageField reports whether t is a struct (or a pointer to one) with a
// field whose tag names a page parameter, itself or in a struct one of its
// fields holds (a Connect request's Msg).
func hasPageField(t types.Type) bool { return pageFieldWithin(t, 1) }

func pageFieldWithin(t types.Type, depth int) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		for _, name := range tagNames(st.Tag(i)) {
			if isPageKey(name) {
				return true
			}
		}
		if depth > 0 && pageFieldWithin(st.Field(i).Type(), depth-1) {
			return true
		}
	}
	return false
}

// tagNames returns the names a struct tag gives its field under every key
// (json:"limit,omitempty" form:"limit" -> limit, limit).
func tagNames(tag string) []string {
	var names []string
	for tag != "" {
		i := 0
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		tag = tag[i:]
		colon := strings.Index(tag, ":\"")
		if colon <= 0 {
			break
		}
		key := tag[:colon]
		rest := tag[colon+1:]
		end := strings.Index(rest[1:], "\"")
		if end < 0 {
			break
		}
		value, _ := reflect.StructTag(key + ":" + rest[:end+2]).Lookup(key)
		name, _, _ := strings.Cut(value, ",")
		names = append(names, name)
		tag = rest[end+2:]
	}
	return names
}

// passesPage reports whether the call that obtains the list is given a page
// parameter: the handler paginates, whatever the text we could read.
func passesPage(call *ast.CallExpr, params *listflow.Flow) bool {
	if params == nil {
		return false
	}
	for _, a := range call.Args {
		if params.Carries(a) {
			return true
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return params.Carries(sel.X) // h.repo.WithPage(p).All(ctx)
	}
	return false
}
