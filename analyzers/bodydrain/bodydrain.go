package bodydrain

import (
	_ "embed"
	"flag"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"go/version"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/ssa"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
	"github.com/perflint/perflint/analyzers/internal/closers"
	"github.com/perflint/perflint/analyzers/internal/doc"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/analyzers/internal/skip"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/confidence"
)

//go:embed doc.go
var docSource string

// closeDrainsFrom is the first Go version whose HTTP/1 transport drains a
// small unread body on Close.
const closeDrainsFrom = "go1.27"

// Analyzer reports response bodies that are not closed, or closed unread.
var Analyzer = newAnalyzer(closeDrainsFrom)

// checker holds one analyzer's options.
type checker struct {
	strict    bool   // also report bodies decoded but not drained
	drainFrom string // Go version from which Close drains
}

func newAnalyzer(drainFrom string) *analysis.Analyzer {
	c := &checker{drainFrom: drainFrom}
	fs := flag.NewFlagSet("bodydrain", flag.ExitOnError)
	fs.BoolVar(&c.strict, "strict", false, "also report bodies that are read partially (a decode) and closed without being drained to EOF")
	return &analysis.Analyzer{
		Name:     "bodydrain",
		Doc:      doc.Extract(docSource, "bodydrain"),
		URL:      "https://github.com/perflint/perflint#bodydrain",
		Requires: []*analysis.Analyzer{inspect.Analyzer, buildssa.Analyzer, closers.Analyzer, summary.Analyzer},
		Run:      c.run,
		Flags:    *fs,
	}
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	if !importsHTTP(pass.Pkg) {
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	ssaRes := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
	cl := pass.ResultOf[closers.Analyzer].(*closers.Result)

	// The SSA call's position is its left parenthesis; findings go at
	// the start of the call expression.
	calls := make(map[token.Pos]*ast.CallExpr)
	files := make(map[token.Pos]*ast.File) // call Lparen -> file
	for _, f := range skip.Files(pass) {
		file, _ := ins.Root().FindNode(f)
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if fn := apis.Callee(pass.TypesInfo, call); closers.IsResponse(resultResponse(pass.TypesInfo, call)) && !cl.ReturnsClosed(fn) && !cl.Unpooled(fn) {
				calls[call.Lparen] = call
				files[call.Lparen] = f
			}
		}
	}
	if len(calls) == 0 {
		return nil, nil
	}
	for _, fn := range ssaRes.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				expr := calls[call.Pos()]
				if expr == nil {
					continue
				}
				c.check(pass, cl, call, expr, files[call.Pos()])
			}
		}
	}
	return nil, nil
}

// resultResponse returns the *http.Response a call yields (alone, or with an
// error: a getter that returns a response someone else owns is not a
// source), or nil.
func resultResponse(info *types.Info, call *ast.CallExpr) types.Type {
	t := info.TypeOf(call)
	if t == nil {
		return nil
	}
	if closers.IsResponse(t) {
		return nil // a bare response: a getter of one someone else owns
	}
	tuple, ok := t.(*types.Tuple)
	// (resp, err) only: a response returned beside another result — a
	// websocket dialer's (conn, handshake response, err), an API client's
	// (decoded value, response, err) — is metadata of an exchange the
	// callee has already read and closed.
	if !ok || tuple.Len() != 2 || !apis.IsError(tuple.At(tuple.Len()-1).Type()) {
		return nil
	}
	for i := range tuple.Len() - 1 {
		if closers.IsResponse(tuple.At(i).Type()) {
			return tuple.At(i).Type()
		}
	}
	return nil
}

func importsHTTP(pkg *types.Package) bool {
	seen := make(map[*types.Package]bool)
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		if p.Path() == "net/http" {
			return true
		}
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, imp := range p.Imports() {
			if walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// CloseDrains reports whether code at Go version fileVersion (or, when the
// file has none, the module's go line moduleVersion, without "go") runs on
// a transport whose Close drains a small unread body, from version from.
func CloseDrains(fileVersion, moduleVersion, from string) bool {
	v := fileVersion
	if v == "" && moduleVersion != "" {
		v = "go" + moduleVersion
	}
	return version.IsValid(v) && version.Compare(v, from) >= 0
}

func (c *checker) closeDrains(pass *analysis.Pass, file *ast.File) bool {
	mod := ""
	if pass.Module != nil {
		mod = pass.Module.GoVersion
	}
	return CloseDrains(pass.TypesInfo.FileVersions[file], mod, c.drainFrom)
}

// check follows every path from call and reports the first problem found.
func (c *checker) check(pass *analysis.Pass, cl *closers.Result, call *ssa.Call, expr *ast.CallExpr, file *ast.File) {
	t := newTracker(pass, cl, call)
	res := t.walk()
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	fn := enclosingFunc(file, expr)
	closedOnEveryPath := !res.leak.IsValid() && !res.leakNoPos && !res.leakRead.IsValid()
	if closedOnEveryPath && !isHead(call) && reportDeferredInLoop(pass, expr, fn, rank.Pass{Info: pass.TypesInfo, Sum: sum}) {
		return
	}
	var msg string
	var at token.Pos
	var j rank.Judgment
	switch {
	case isHead(call):
		// A HEAD answer has no body: nothing to close or drain.
	case res.leak.IsValid() || res.leakNoPos:
		j = rank.Judgment{Level: confidence.High, Why: "a path leaves the body open"}
		msg = "the response body is not closed on every path: an unclosed body pins its connection and goroutines and the pool cannot reuse it; defer resp.Body.Close() right after the error check"
		at = res.leak
	case res.leakRead.IsValid():
		// Read to EOF, the connection went back to the pool: only the
		// Close itself is missing.
		j = rank.Judgment{Level: confidence.Low, Why: "the path reads the body to its end first, which gives the connection back"}
		msg = "the response body is not closed on every path: close it even after reading it to the end (defer resp.Body.Close() right after the error check)"
		at = res.leakRead
	case c.closeDrains(pass, file):
	case (res.unread.IsValid() || res.partial.IsValid()) && sentThroughFreshPool(pass, expr):
		// The pool is thrown away with its connections: draining saves
		// nothing. The pool per call is clientreuse's finding.
	case res.unread.IsValid():
		// Closed unread costs a handshake only where the connection would
		// be reused and the answer has a body: many answers left unread
		// are empty (an upload's, a DELETE's), and an error answer's
		// connection is often closed by the server. Whether either holds
		// is seldom in the code; on real services these were mostly false.
		j = rank.Judgment{Level: confidence.Low, Why: "no path reads the body; the answer may well be empty"}
		if res.read {
			j = rank.Judgment{Level: confidence.Low, Why: "another path reads the body; the unread one is often an error answer"}
		}
		msg = "on some path the response body is closed without being read: the transport then drops the connection instead of reusing it and the next request pays a new TCP/TLS handshake; drain it before closing, bounded so a huge body is not read in full (io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))), or upgrade to go 1.27, whose Close drains small bodies"
		at = res.unread
	case c.strict && res.partial.IsValid():
		j = rank.Judgment{Level: confidence.Low, Why: "the rest of a decoded body is usually small"}
		msg = "on some path the response body is closed after a partial read (a decode) without draining the rest: the transport drops the connection instead of reusing it; drain it with io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) before closing"
		at = res.partial
	}
	if msg == "" {
		return
	}
	// Name the call: a line may hold several (resp, err := get(http.Get(u))).
	msg = apis.CalleeName(pass.TypesInfo, expr) + ": " + msg
	d := analysis.Diagnostic{Pos: expr.Pos(), End: expr.End(), Message: msg}
	if at.IsValid() && at != expr.Pos() {
		d.Related = []analysis.RelatedInformation{{Pos: at, Message: "this path"}}
	}
	if j.Level == confidence.High && fn != nil && sum.RunsOnce(fn) && !inOwnLoop(pass, expr) {
		j = rank.Judgment{Level: confidence.Low, Why: j.Why + ", once while the process starts (a health check, a start-up fetch): one connection, not one per request"}
	}
	rank.Report(pass, d, rank.Where(rank.Pass{Info: pass.TypesInfo, Sum: sum}, fn, j))
}

// isHead reports whether the request is a HEAD, whose response has no body
// to read: http.Head, (*http.Client).Head, Do(req) (or a wrapper's call
// given req) with req built by http.NewRequest[WithContext]("HEAD", ...),
// or a helper's call given the method "HEAD".
func isHead(call *ssa.Call) bool {
	fn := call.Call.StaticCallee()
	if fn == nil || fn.Object() == nil {
		return false
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil {
		return false
	}
	switch obj.FullName() {
	case "net/http.Head", "(*net/http.Client).Head":
		return true
	}
	// Do(req), or any wrapper given the request (s3.SignAndSend(req)), or
	// given the method (a helper's request("HEAD", url)).
	for _, arg := range call.Call.Args {
		if headRequest(arg) || isHeadMethod(arg) {
			return true
		}
	}
	return false
}

// isHeadMethod reports whether v is the constant "HEAD".
func isHeadMethod(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value != nil && k.Value.Kind() == constant.String && constant.StringVal(k.Value) == "HEAD"
}

// headRequest reports whether v is a request built by
// http.NewRequest[WithContext] with the constant method "HEAD", perhaps
// given a context since.
func headRequest(v ssa.Value) bool {
	if call, ok := v.(*ssa.Call); ok { // req.WithContext(ctx), req.Clone(ctx)
		if callee := call.Call.StaticCallee(); callee != nil && len(call.Call.Args) > 0 {
			if fn, ok := callee.Object().(*types.Func); ok &&
				(fn.FullName() == "(*net/http.Request).WithContext" || fn.FullName() == "(*net/http.Request).Clone") {
				return headRequest(call.Call.Args[0])
			}
		}
	}
	ext, ok := v.(*ssa.Extract)
	if !ok {
		return false
	}
	nr, ok := ext.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	callee := nr.Call.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg.Path() != "net/http" {
		return false
	}
	var method ssa.Value
	switch callee.Name() {
	case "NewRequest":
		method = nr.Call.Args[0]
	case "NewRequestWithContext":
		method = nr.Call.Args[1]
	default:
		return false
	}
	return isHeadMethod(method)
}

// enclosingFunc returns the innermost function declaration or literal of
// file around n, or nil.
func enclosingFunc(file *ast.File, n ast.Node) ast.Node {
	path, _ := astutil.PathEnclosingInterval(file, n.Pos(), n.End())
	for _, p := range path {
		switch p.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return p
		}
	}
	return nil
}

// inOwnLoop reports whether expr repeats in a loop of its own function.
func inOwnLoop(pass *analysis.Pass, expr ast.Expr) bool {
	at, found := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root().FindNode(expr)
	return found && astx.InOwnLoop(at)
}

// sentThroughFreshPool reports whether the request at expr is sent, outside
// any loop, by a client held in a local variable that the function built
// with a connection pool of its own (a client literal given a new
// transport, or a call that builds one): no later request reuses the
// connection, so leaving the body unread costs nothing more.
func sentThroughFreshPool(pass *analysis.Pass, expr *ast.CallExpr) bool {
	info := pass.TypesInfo
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	sel, ok := ast.Unparen(expr.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	client := astx.LocalVar(info, sel.X)
	if client == nil || inOwnLoop(pass, expr) {
		return false
	}
	at, _ := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root().FindNode(expr)
	var fresh func(e ast.Expr, depth int) bool
	fresh = func(e ast.Expr, depth int) bool {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok {
			e = ast.Unparen(u.X)
		}
		if _, ok := summary.Config.PoolAt(info, e); ok {
			return true
		}
		switch e := e.(type) {
		case *ast.CallExpr:
			_, ok := sum.Effect(e, summary.Pool)
			return ok
		case *ast.CompositeLit:
			if !apis.IsNamed(info.TypeOf(e), "net/http", "Client") {
				return false
			}
			for _, el := range e.Elts { // http.Client{Transport: …}
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Transport" {
						return fresh(kv.Value, depth)
					}
				}
			}
		case *ast.Ident:
			if v := astx.LocalVar(info, e); v != nil && depth < 2 {
				if def := astx.LocalInit(info, at, v); def != nil {
					return fresh(def, depth+1)
				}
			}
		}
		return false
	}
	def := astx.LocalInit(info, at, client)
	return def != nil && fresh(def, 0)
}
