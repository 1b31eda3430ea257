package timeout

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
	"github.com/perflint/perflint/analyzers/internal/ctxscope"
	"github.com/perflint/perflint/analyzers/internal/doc"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/analyzers/internal/skip"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/confidence"
)

//go:embed doc.go
var docSource string

var Analyzer = &analysis.Analyzer{
	Name:      "timeout",
	Doc:       doc.Extract(docSource, "timeout"),
	URL:       "https://github.com/perflint/perflint#timeout",
	Requires:  []*analysis.Analyzer{inspect.Analyzer, summary.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(boundsHeaders)},
}

// boundsHeaders is the fact of a function that returns an *http.Transport
// it builds with ResponseHeaderTimeout set: a client sending through it
// cuts off a peer that stalls before answering; and of a RoundTrip method
// that sends through an http.Client of its own, whose deadline is judged
// where that client is built.
type boundsHeaders struct{}

func (*boundsHeaders) AFact()         {}
func (*boundsHeaders) String() string { return "boundsHeaders" }

const (
	costOut  = "a stuck upstream holds the goroutine and its connection forever"
	fixOut   = "use an http.Client with Timeout set from the latency budget, or a request whose context has a deadline"
	costIn   = "slow clients can hold connections open indefinitely by trickling headers (slowloris)"
	fixServe = "serve with an http.Server that sets ReadHeaderTimeout (and WriteTimeout, IdleTimeout)"
)

func run(pass *analysis.Pass) (any, error) {
	if !importsNet(pass.Pkg) || skip.TestSupportPackage(pass.Pkg) {
		return nil, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	sum := pass.ResultOf[summary.Analyzer].(*summary.Result)
	c := &checker{pass: pass, ins: ins, sum: sum, causes: rank.NewCauses(pass), rpcs: rank.NewCauses(pass)}
	exportHeaderBounds(pass, ins)
	for _, f := range skip.Files(pass) {
		file, _ := ins.Root().FindNode(f)
		for cur := range file.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.CallExpr:
				c.call(cur, n)
				c.ws.note(pass.TypesInfo, cur, n)
			case *ast.CompositeLit:
				c.literal(cur, n, n)
				c.defaultClientFields(cur, n)
			case *ast.AssignStmt:
				c.defaultClientVars(cur, n.Lhs, n.Rhs)
			case *ast.ValueSpec:
				c.defaultClientVars(cur, identExprs(n.Names), n.Values)
			}
		}
	}
	c.reportWebsocketWrites()
	c.causes.Report(func(n int) string {
		return " (" + rank.Count(n, "more site") + " like it in this function: one fix covers them)"
	})
	c.rpcs.Report(func(n int) string {
		return " (" + rank.Count(n, "more call") + " like it in this package: one fix covers them)"
	})
	return nil, nil
}

func importsNet(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		switch imp.Path() {
		case "net", "net/http", "crypto/tls", "net/smtp", "golang.org/x/crypto/ssh", gorillaWebsocket, grpcPackage:
			return true
		}
		if frameworkPackages[imp.Path()] || slices.ContainsFunc(imp.Imports(), func(p *types.Package) bool { return p.Path() == grpcPackage }) {
			return true // a generated gRPC client's package imports grpc
		}
	}
	return false
}

const grpcPackage = "google.golang.org/grpc"

type checker struct {
	pass   *analysis.Pass
	ins    *inspector.Inspector
	sum    *summary.Result
	causes *rank.Causes
	rpcs   *rank.Causes    // the package's gRPC calls with no deadline: one cause (see reportRPC)
	scope  *ctxscope.Scope // the contexts in scope, for gRPC calls (see backgroundRPC); set on first use
	ws     websocketUse    // the package's websocket writes, and what bounds them

	flagDefaults map[types.Object]ast.Expr // the defaults of the package's string flags, by the variable they fill
	interceptors *bool                     // the package installs client interceptors when it dials (see reportRPC); set on first use
}

// A direction is which way the unbounded I/O goes: servers that wait on
// their clients, or calls that wait on a peer.
type direction int

const (
	outbound direction = iota
	inbound
)

// A timeoutCause is one function's unbounded I/O of one direction: the
// servers it starts, or the clients and dials it makes, share one fix (one
// server configuration, one client with a timeout), so they are one
// finding. Package-level sites are causes of their own.
type timeoutCause struct {
	fn  ast.Node
	dir direction
}

// add records the finding d at cur, of direction dir, judged j.
func (c *checker) add(dir direction, cur inspector.Cursor, d analysis.Diagnostic, j rank.Judgment) {
	var key any
	if fn := summary.EnclosingFunc(cur); fn != nil {
		key = timeoutCause{fn, dir}
	}
	c.causes.Add(key, d, j, "the same in this function")
}

// noDeadlineFuncs are the package functions that do I/O with no deadline.
var noDeadlineFuncs = map[string]string{
	"net/http.Get":      "http.Get uses http.DefaultClient, which has no timeout: " + costOut + "; " + fixOut,
	"net/http.Head":     "http.Head uses http.DefaultClient, which has no timeout: " + costOut + "; " + fixOut,
	"net/http.Post":     "http.Post uses http.DefaultClient, which has no timeout: " + costOut + "; " + fixOut,
	"net/http.PostForm": "http.PostForm uses http.DefaultClient, which has no timeout: " + costOut + "; " + fixOut,
	"net.Dial":          "net.Dial has no timeout: connecting to an unreachable host blocks until the kernel gives up, minutes later; use net.DialTimeout, a net.Dialer with Timeout, or DialContext with a deadline",
	"net.DialTCP":       "net.DialTCP has no timeout: connecting to an unreachable host blocks until the kernel gives up, minutes later; use a net.Dialer with Timeout (its connection is a *net.TCPConn), or DialContext with a deadline",
	"crypto/tls.Dial":   "tls.Dial has no timeout: a peer that accepts the connection but never finishes the handshake blocks it forever; use tls.DialWithDialer with a net.Dialer that sets Timeout, or tls.Dialer.DialContext with a deadline",

	"net/smtp.SendMail": "smtp.SendMail has no timeout and takes none: it dials with net.Dial and never sets a deadline, so a mail server that stalls holds the goroutine and its connection forever; dial with a net.Dialer that sets Timeout, call conn.SetDeadline, and talk to the server through smtp.NewClient(conn, host)",
	"net/smtp.Dial":     "smtp.Dial has no timeout: it connects with net.Dial and its client cannot set a deadline, so a mail server that stalls holds the goroutine and its connection forever; dial with a net.Dialer that sets Timeout, call conn.SetDeadline, and use smtp.NewClient(conn, host)",
}

// serveFuncs are the package functions that serve with no timeouts.
var serveFuncs = map[string]string{
	"net/http.ListenAndServe":    "http.ListenAndServe serves with no timeouts: " + costIn + "; " + fixServe,
	"net/http.ListenAndServeTLS": "http.ListenAndServeTLS serves with no timeouts: " + costIn + "; " + fixServe,
	"net/http.Serve":             "http.Serve serves with no timeouts: " + costIn + "; " + fixServe,
	"net/http.ServeTLS":          "http.ServeTLS serves with no timeouts: " + costIn + "; " + fixServe,
}

// frameworkServe are the web frameworks' serve methods that run an
// http.Server with no timeouts: gin's Run always (it calls
// http.ListenAndServe), echo's Start unless the program sets timeouts on
// the server it runs first. server names the framework value's field that
// holds that server (echo's Start runs e.Server, StartTLS e.TLSServer); ""
// where the server is the value itself (kratos embeds it); configurable is
// false where the program cannot reach the server.
var frameworkServe = map[string]struct {
	msg          string
	configurable bool
	server       string
}{
	"(*github.com/gin-gonic/gin.Engine).Run":           {"gin's Run serves with http.ListenAndServe, with no timeouts: " + costIn + "; serve the engine with an http.Server that sets ReadHeaderTimeout (and WriteTimeout, IdleTimeout): (&http.Server{Handler: r, ReadHeaderTimeout: 5 * time.Second}).ListenAndServe()", false, ""},
	"(*github.com/gin-gonic/gin.Engine).RunTLS":        {"gin's RunTLS serves with http.ListenAndServeTLS, with no timeouts: " + costIn + "; serve the engine with an http.Server that sets ReadHeaderTimeout (and WriteTimeout, IdleTimeout)", false, ""},
	"(*github.com/labstack/echo/v4.Echo).Start":        {"echo's Start serves with the Echo's http.Server, which has no timeouts unless set: " + costIn + "; set e.Server.ReadHeaderTimeout (and WriteTimeout, IdleTimeout) before Start", true, "Server"},
	"(*github.com/labstack/echo/v4.Echo).StartTLS":     {"echo's StartTLS serves with the Echo's TLSServer (not e.Server), which has no timeouts unless set: " + costIn + "; set e.TLSServer.ReadHeaderTimeout (and WriteTimeout, IdleTimeout) before StartTLS", true, "TLSServer"},
	"(*github.com/labstack/echo/v4.Echo).StartAutoTLS": {"echo's StartAutoTLS serves with the Echo's TLSServer (not e.Server), which has no timeouts unless set: " + costIn + "; set e.TLSServer.ReadHeaderTimeout (and WriteTimeout, IdleTimeout) before StartAutoTLS", true, "TLSServer"},
	// kratos embeds an http.Server it builds with a handler and TLS config
	// only; its Timeout option bounds each handler's context, not reading
	// the request.
	"github.com/go-kratos/kratos/v2/transport/http.NewServer": {"kratos's http.NewServer builds an http.Server with no timeouts (its Timeout option bounds the handlers, not reading the request): " + costIn + "; set ReadHeaderTimeout (and WriteTimeout, IdleTimeout) on the server it returns (srv.ReadHeaderTimeout = 5 * time.Second)", true, ""},
}

// frameworkPackages are the web frameworks whose servers frameworkServe
// knows; the ones whose value holds an http.Server field let a program
// replace it with its own.
var frameworkPackages = map[string]bool{
	"github.com/gin-gonic/gin":                      true,
	"github.com/labstack/echo/v4":                   true,
	"github.com/go-kratos/kratos/v2/transport/http": true,
}

// setsServerTimeouts reports whether the package sets ReadTimeout or
// ReadHeaderTimeout on the http.Server a framework value holds in its
// field server (e.TLSServer.ReadTimeout = …; with server "", any server,
// as srv.ReadHeaderTimeout = … through an embedded one), or gives that
// field a server of its own (e.Server = &http.Server{…}), wherever it does.
func (c *checker) setsServerTimeouts(server string) bool {
	info := c.pass.TypesInfo
	files := make([]ast.Node, len(c.pass.Files))
	for i, f := range c.pass.Files {
		files[i] = f
	}
	holder := server
	if holder == "" {
		holder = "Server" // an embedded server's field
	}
	isServerField := func(e ast.Expr) bool {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		field, _ := info.Uses[sel.Sel].(*types.Var)
		return field != nil && field.IsField() && field.Pkg() != nil && frameworkPackages[field.Pkg().Path()] &&
			field.Name() == holder && apis.IsNamed(field.Type(), "net/http", "Server")
	}
	return assignsSelector(files, func(sel *ast.SelectorExpr) bool {
		field, _ := info.Uses[sel.Sel].(*types.Var)
		if field == nil || !field.IsField() || field.Pkg() == nil {
			return false
		}
		switch {
		case field.Pkg().Path() == "net/http" && (field.Name() == "ReadTimeout" || field.Name() == "ReadHeaderTimeout"):
			return server == "" || isServerField(sel.X)
		case isServerField(sel):
			return true // a server of its own, judged where it is built
		}
		return false
	})
}

// assignsSelector reports whether the code in nodes assigns to a selector
// (x.f = …) that match accepts.
func assignsSelector(nodes []ast.Node, match func(*ast.SelectorExpr) bool) bool {
	for range selectorAssignments(nodes, match) {
		return true
	}
	return false
}

// selectorAssignments yields, in source order, the selectors that match
// assigned in nodes, each with the value given it (nil when the
// assignment's sides do not pair up: x.a, err = f()).
func selectorAssignments(nodes []ast.Node, match func(*ast.SelectorExpr) bool) iter.Seq2[*ast.SelectorExpr, ast.Expr] {
	return func(yield func(*ast.SelectorExpr, ast.Expr) bool) {
		stop := false
		for _, n := range nodes {
			ast.Inspect(n, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || stop {
					return !stop
				}
				for i, l := range as.Lhs {
					sel, ok := l.(*ast.SelectorExpr)
					if !ok || !match(sel) {
						continue
					}
					var v ast.Expr
					if len(as.Lhs) == len(as.Rhs) {
						v = as.Rhs[i]
					}
					if !yield(sel, v) {
						stop = true
						return false
					}
				}
				return true
			})
			if stop {
				return
			}
		}
	}
}

// reportServe reports a server with no timeouts, one level lower where
// the public does not reach it: a server on a Unix socket
// (only local processes connect), a package that serves metrics or
// profiles for scrapers and operators, or a server on this host's loopback
// address, or on a flag whose default is one.
func (c *checker) reportServe(cur inspector.Cursor, msg string) {
	switch {
	case c.gosecSuppressed(cur):
		c.add(inbound, cur, analysis.Diagnostic{Pos: cur.Node().Pos(), End: cur.Node().End(), Message: msg},
			rank.Judgment{Level: confidence.Low, Why: "its authors suppressed gosec's check for servers without timeouts on this line (//nolint:gosec, #nosec): a decision on record"})
	case servedOnUnix(c.pass.TypesInfo, enclosingBody(cur), holderOf(cur)):
		c.reportAt(inbound, cur, msg, "the code listens on a Unix socket: only local processes connect, most often a proxy that reads whole requests first")
	case internalEndpoint(c.pass.Pkg) || c.servesOnlyDiagnostics(cur):
		c.reportAt(inbound, cur, msg, "a metrics or debugging server, for scrapers and operators rather than the public")
	case c.listensLocally(c.serveAddress(cur)):
		c.reportAt(inbound, cur, msg, "it listens on this host's loopback address (by default): only local processes connect")
	default:
		c.reportAt(inbound, cur, msg, "")
	}
}

// gosecSuppressed reports whether the line of cur carries a suppression
// of gosec (//nolint:gosec, //nolint:…,gosec, #nosec), whose G114 is the
// same check: the authors have looked at this server and decided.
func (c *checker) gosecSuppressed(cur inspector.Cursor) bool {
	return rank.SuppressedOnLine(c.pass, cur.Node().Pos(), "gosec")
}

// servesOnlyDiagnostics reports whether the serve call at cur serves only
// profiles, metrics or health checks: a handler a diagnostics package
// builds (promhttp.Handler(), a health-check library's handler), a local
// ServeMux, or an echo instance started with Start, whose every route
// serves one (pprof.Index, echo.WrapHandler(promhttp.Handler())), or the
// default mux of a package that imports net/http/pprof (or expvar) and
// registers nothing else on it.
func (c *checker) servesOnlyDiagnostics(cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := apis.Callee(info, call)
	if fn == nil {
		return false
	}
	var h ast.Expr
	var routes map[string]int // the registering methods, with their handler argument
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil && frameworkPackages[fn.Pkg().Path()] {
		h, routes = ast.Unparen(sel.X), echoRoutes // e.Start(addr): the routes of e
	} else {
		at := 1 // ListenAndServe(addr, h), Serve(l, h), ServeTLS(l, h, …)
		if fn.Name() == "ListenAndServeTLS" {
			at = 3
		}
		if at >= len(call.Args) {
			return false
		}
		h, routes = ast.Unparen(call.Args[at]), muxRoutes
	}
	if fromDiagnostics(info, h) {
		return true // http.ListenAndServe(addr, promhttp.Handler())
	}
	var scope []ast.Node
	var onMux func(recv ast.Expr, fn *types.Func) bool
	defaultMux := info.Types[h].IsNil() || apis.IsPackageVar(info, h, "net/http", "DefaultServeMux")
	builtByDiagnostics := false
	switch {
	case defaultMux:
		if !slices.ContainsFunc(c.pass.Pkg.Imports(), func(p *types.Package) bool { return p.Path() == "net/http/pprof" || p.Path() == "expvar" }) {
			return false
		}
		for _, f := range c.pass.Files {
			scope = append(scope, f)
		}
		onMux = func(_ ast.Expr, fn *types.Func) bool {
			return fn.Pkg().Path() == "net/http" && fn.Signature().Recv() == nil
		}
	default:
		id, ok := h.(*ast.Ident)
		v, _ := info.Uses[id].(*types.Var)
		if !ok || v == nil {
			return false
		}
		scope = []ast.Node{enclosingBody(cur)}
		onMux = func(recv ast.Expr, fn *types.Func) bool { return recv != nil && isIdentOf(info, ast.Unparen(recv), v) }
		// health := healthcheck.NewHandler(), perhaps outside the literal
		// that serves it.
		if def, ok := c.ins.Root().FindByPos(v.Pos(), v.Pos()+1); ok {
			if init := astx.LocalInit(info, def, v); init != nil {
				builtByDiagnostics = fromDiagnostics(info, init)
			}
		}
	}
	diagnostics, other := 0, false
	for _, n := range scope {
		callsIn(info, n, func(fn *types.Func, reg *ast.CallExpr) bool {
			at, ok := routes[fn.Name()]
			if !ok {
				return false
			}
			var recv ast.Expr
			if sel, ok := ast.Unparen(reg.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
				recv = sel.X
			}
			if !onMux(recv, fn) || at >= len(reg.Args) {
				return false
			}
			if fromDiagnostics(info, reg.Args[at]) {
				diagnostics++
			} else {
				other = true
			}
			return false // every call is looked at
		})
	}
	return !other && (diagnostics > 0 || defaultMux || builtByDiagnostics)
}

// muxRoutes and echoRoutes are the methods that register a handler, with
// the index of its argument: a ServeMux's, and an echo instance's.
var (
	muxRoutes  = map[string]int{"Handle": 1, "HandleFunc": 1}
	echoRoutes = map[string]int{"GET": 1, "POST": 1, "PUT": 1, "DELETE": 1, "PATCH": 1, "HEAD": 1, "OPTIONS": 1, "Any": 1, "Add": 2, "Match": 2}
)

// fromDiagnostics reports whether the handler expression names a function
// or value of a profiling, metrics or health-check package (pprof.Index,
// promhttp.Handler(), a health-check library's handler), itself or
// through an adapter given only that (echo.WrapHandler(promhttp.Handler())).
func fromDiagnostics(info *types.Info, h ast.Expr) bool {
	h = ast.Unparen(h)
	if call, ok := h.(*ast.CallExpr); ok {
		if len(call.Args) == 1 && fromDiagnostics(info, call.Args[0]) {
			return true
		}
		h = ast.Unparen(call.Fun)
	}
	sel, ok := h.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	obj := info.Uses[sel.Sel]
	if obj == nil || obj.Pkg() == nil {
		return false
	}
	return diagnosticsPackage(obj.Pkg().Path())
}

// diagnosticsPackage reports whether path is a package that serves
// profiles, metrics or health checks to operators and their probes.
func diagnosticsPackage(path string) bool {
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2] // health-go/v5
	}
	return path == "net/http/pprof" || path == "expvar" || strings.Contains(path, "prometheus") || strings.Contains(last, "health")
}

// servedOnUnix reports whether the server held by holder serves a Unix
// socket: its Serve is handed a listener that net.Listen (or a
// ListenConfig's Listen) opened on one in body. A server that body starts
// with ListenAndServe listens on TCP, whatever else body opens. Where the
// server is served is not in body, a body that opens a Unix socket and
// starts no server on TCP is taken to serve it there.
func servedOnUnix(info *types.Info, body ast.Node, holder ast.Expr) bool {
	listener, tcp := servedWith(info, body, holder)
	switch {
	case tcp:
		return false
	case listener != nil:
		return unixListenerIn(info, body, listener)
	}
	return callsIn(info, body, func(fn *types.Func, call *ast.CallExpr) bool {
		return unixListen(info, fn, call)
	})
}

// servedWith returns the listener body hands to holder.Serve or ServeTLS,
// and whether body starts holder with ListenAndServe(TLS) instead.
func servedWith(info *types.Info, body ast.Node, holder ast.Expr) (listener ast.Expr, tcp bool) {
	if holder == nil || body == nil {
		return nil, false
	}
	callsIn(info, body, func(fn *types.Func, call *ast.CallExpr) bool {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !sameExpr(info, sel.X, holder) {
			return false
		}
		switch fn.FullName() {
		case "(*net/http.Server).ListenAndServe", "(*net/http.Server).ListenAndServeTLS":
			tcp = true
		case "(*net/http.Server).Serve", "(*net/http.Server).ServeTLS":
			listener = call.Args[0]
		}
		return false
	})
	return listener, tcp
}

// unixListenerIn reports whether body gives listener (a local or a field)
// the result of a Listen on a Unix socket.
func unixListenerIn(info *types.Info, body ast.Node, listener ast.Expr) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || found || len(as.Rhs) != 1 || !sameExpr(info, as.Lhs[0], listener) {
			return !found
		}
		if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok {
			fn := apis.Callee(info, call)
			found = fn != nil && unixListen(info, fn, call)
		}
		return !found
	})
	return found
}

// unixListen reports whether call is net.Listen (or a ListenConfig's
// Listen) on a Unix socket.
func unixListen(info *types.Info, fn *types.Func, call *ast.CallExpr) bool {
	network := 0
	switch fn.FullName() {
	case "net.Listen":
	case "(*net.ListenConfig).Listen":
		network = 1
	default:
		return false
	}
	return network < len(call.Args) && strings.HasPrefix(constString(info, call.Args[network]), "unix")
}

// callsIn reports whether body makes a call of a known function that
// match accepts.
func callsIn(info *types.Info, body ast.Node, match func(*types.Func, *ast.CallExpr) bool) bool {
	found := false
	if body == nil {
		return false
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !found {
			if fn := apis.Callee(info, call); fn != nil && match(fn, call) {
				found = true
			}
		}
		return !found
	})
	return found
}

// internalEndpoint reports whether pkg exists to serve metrics or
// profiles: its path names it so (metrics, metric, debug, pprof,
// diagnostics, monitoring, telemetry) and it imports a metrics or profiling handler.
func internalEndpoint(pkg *types.Package) bool {
	named := false
	for _, elem := range strings.Split(pkg.Path(), "/") {
		switch elem {
		case "metrics", "metric", "debug", "pprof", "diagnostics", "profiling", "monitoring", "telemetry":
			named = true
		}
	}
	if !named {
		return false
	}
	for _, imp := range pkg.Imports() {
		if diagnosticsPackage(imp.Path()) {
			return true
		}
	}
	return false
}

func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	if t, ok := newOf(info, call); ok {
		if apis.IsNamed(t, "net/http", "Client") || apis.IsNamed(t, "net/http", "Server") {
			c.literal(cur, call, nil)
		}
		return
	}
	fn := apis.Callee(info, call)
	if fn == nil {
		return
	}
	if c.backgroundRPC(cur, call, fn) {
		c.reportRPC(cur)
		return
	}
	if c.backgroundTokenRequest(cur, call, fn) {
		c.reportSend(cur, tokenMessage, "")
		return
	}
	if msg, ok := serveFuncs[fn.FullName()]; ok {
		c.reportServe(cur, msg)
		return
	}
	if what, ok := frameworkServe[fn.FullName()]; ok {
		if what.configurable && c.setsServerTimeouts(what.server) {
			return
		}
		c.reportServe(cur, what.msg)
		return
	}
	if msg, ok := noDeadlineFuncs[fn.FullName()]; ok {
		if fn.FullName() == "net.Dial" && connectionless(info, call) {
			return // nothing to wait for: no handshake, no peer to answer
		}
		if apis.LocalDial(info, cur, call) {
			return // this host's own kernel answers a connect at once
		}
		if fn.Pkg().Path() == "net/http" {
			msg += c.forDownloads(cur)
		}
		c.reportSend(cur, msg, "")
		return
	}
	if fn.FullName() == "net/smtp.NewClient" && len(call.Args) == 2 && dialedWithoutDeadline(info, cur, call.Args[0]) {
		c.report(cur, "smtp.NewClient over a connection with no deadline: a mail server that stalls mid-conversation holds the goroutine and its connection forever; call conn.SetDeadline(time.Now().Add(...)) before NewClient")
		return
	}
	if isClientSend(fn) && usesDefaultClient(info, cur, call) {
		msg := fmt.Sprintf("http.DefaultClient has no timeout: %s; %s", costOut, fixOut) + c.forDownloads(cur)
		if fn.Name() == "Do" && len(call.Args) == 1 {
			switch body := enclosingBody(cur); {
			case requestHasDeadline(info, body, call.Args[0]):
				return // the request's context bounds it
			case requestCarriesContext(info, body, call.Args[0]):
				c.reportSend(cur, msg, callersContext)
				return
			}
		}
		c.reportSend(cur, msg, "")
	}
}

// literal judges an http.Client, http.Server or net.Dialer built at n (a
// composite literal lit, or new(T) when lit is nil).
func (c *checker) literal(cur inspector.Cursor, n ast.Expr, lit *ast.CompositeLit) {
	info := c.pass.TypesInfo
	t := info.TypeOf(n)
	if t == nil {
		return
	}
	switch {
	case apis.IsNamed(t, "net/http", "Client"):
		if hasField(info, lit, "Timeout") || c.boundedTransport(cur, lit) {
			return
		}
		if explicitZero(info, lit, "Timeout") {
			c.add(outbound, cur, analysis.Diagnostic{Pos: cur.Node().Pos(), End: cur.Node().End(), Message: c.clientMessage(cur)},
				rank.Judgment{Level: confidence.Low, Why: "its Timeout is set to 0 in the literal: a decision on record (a stream or a long download, most often, which a whole-request timeout would cut)"})
			return
		}
		holder := holderOf(cur)
		if setLater(info, c.scopeOf(cur, holder), holder, "Timeout") || c.onlyDeadlineRequests(enclosingBody(cur), holder, 0) ||
			whenContextHasDeadline(info, cur) {
			return
		}
		field := heldInField(info, cur, holder)
		fields := []*types.Var{field}
		if field == nil {
			fields = c.storedFromReturn(cur, holder)
			if len(fields) == 0 {
				fields = c.storedFromLocal(cur, holder)
			}
		}
		if len(fields) > 0 {
			if c.allSends(fields, withDeadline) {
				return // every request through the fields has a deadline
			}
			if c.allSends(fields, withCallersContext) {
				c.reportLowered(cur, c.clientMessage(cur), "every request it sends carries its caller's context: "+callersDecide)
				return
			}
		}
		if lib := c.handedToLibrary(cur, holder); lib != nil {
			c.reportLowered(cur, c.clientMessage(cur), "handed to "+apis.ShortName(lib)+": the library sends the requests, and whether they carry deadlines is for it and its callers")
			return
		}
		if replacedOnBranch(info, enclosingBody(cur), holder, field) {
			c.reportLowered(cur, c.clientMessage(cur), "a default that the code replaces on a branch (with a client its caller passes, most often): whether any caller keeps it is not shown")
			return
		}
		if holder == nil && calledInPlace(cur) || usedOnlyHere(info, enclosingBody(cur), holder) {
			// Its requests are this function's own sends: judged like them
			// (once at start-up, a hang stalls only the start-up).
			c.reportSend(cur, c.clientMessage(cur), "")
			return
		}
		c.report(cur, c.clientMessage(cur))
	case apis.IsNamed(t, "net/http", "Server"):
		if hasField(info, lit, "ReadHeaderTimeout") || hasField(info, lit, "ReadTimeout") {
			return
		}
		holder := holderOf(cur)
		if setLater(info, c.scopeOf(cur, holder), holder, "ReadHeaderTimeout", "ReadTimeout") {
			return
		}
		c.reportServe(cur, "http.Server without ReadHeaderTimeout or ReadTimeout: "+costIn+"; set ReadHeaderTimeout (e.g. 5 * time.Second), and WriteTimeout and IdleTimeout from the latency budget")
	case apis.IsNamed(t, "net", "Dialer") && lit != nil:
		if hasField(info, lit, "Timeout") || hasField(info, lit, "Deadline") {
			return
		}
		holder := holderOf(cur)
		if setLater(info, c.scopeOf(cur, holder), holder, "Timeout", "Deadline") || !dialsWithoutContext(info, cur, holder) {
			return
		}
		c.report(cur, "net.Dialer without Timeout used with Dial: connecting to an unreachable host blocks until the kernel gives up, minutes later; set Timeout, or call DialContext with a context that has a deadline")
	case apis.IsNamed(t, "golang.org/x/crypto/ssh", "ClientConfig") && lit != nil:
		if hasField(info, lit, "Timeout") {
			return
		}
		holder := holderOf(cur)
		if setLater(info, c.scopeOf(cur, holder), holder, "Timeout") || !dialsSSH(info, cur, holder) {
			return
		}
		c.report(cur, "ssh.ClientConfig without Timeout used with ssh.Dial: connecting to an unreachable host blocks until the kernel gives up, minutes later; set Timeout (it bounds the TCP connect only: for a deadline on the handshake too, dial with a net.Dialer, call conn.SetDeadline, then ssh.NewClientConn)")
	}
}

// calledInPlace reports whether the value built at cur is the receiver of
// a method call, and nothing else ((&http.Client{}).Do(req)): it sends
// that one request and is gone.
func calledInPlace(cur inspector.Cursor) bool {
	p := cur.Parent()
	for {
		switch p.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr:
			p = p.Parent()
			continue
		case *ast.SelectorExpr:
			call, ok := p.Parent().Node().(*ast.CallExpr)
			return ok && call.Fun == p.Node()
		}
		return false
	}
}

// usedOnlyHere reports whether holder is a local variable of body used
// only through its own methods and fields (client.Do(req)), outside loops:
// the client never leaves the function, and sends a request or two.
func usedOnlyHere(info *types.Info, body ast.Node, holder ast.Expr) bool {
	v := astx.LocalVar(info, holder)
	if v == nil || body == nil {
		return false
	}
	only := true
	var walk func(n ast.Node, looped bool)
	walk = func(n ast.Node, looped bool) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				if !looped {
					walk(n, true)
					return false
				}
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && info.Uses[x] == v {
					only = only && !looped
					return false
				}
			case *ast.Ident:
				if info.Uses[n] == v {
					only = false
				}
			}
			return only
		})
	}
	walk(body, false)
	return only
}

// clientMessage says where the client without a timeout is built, so the
// finding in a command's main reads as precisely as one in a service.
func (c *checker) clientMessage(cur inspector.Cursor) string {
	where := "http.Client without Timeout"
	if fn := summary.EnclosingFunc(cur); fn != nil && c.sum.RunsOnce(fn) {
		where = "http.Client built at start-up without Timeout"
	}
	if kv, ok := fieldKey(cur); ok {
		where += " (stored in field " + kv + ")"
	} else if f := positionalField(c.pass.TypesInfo, cur); f != nil {
		where += " (stored in field " + f.Name() + ")"
	}
	return where + ": every request it sends has no deadline, so " + costOut + "; set Timeout from the latency budget (e.g. Timeout: 10 * time.Second), or give each request a context with a deadline" + c.forDownloads(cur)
}

// forDownloads adds the fix for a function that streams a response body
// (io.Copy from resp.Body): a whole-request Timeout would cut a large
// download short, so the bound belongs on the wait for headers and on
// progress.
func (c *checker) forDownloads(cur inspector.Cursor) string {
	if !copiesResponseBody(c.pass.TypesInfo, enclosingBody(cur)) {
		return ""
	}
	return "; this code streams the response body, so a whole-request Timeout would cut large downloads: bound the wait for headers (Transport.ResponseHeaderTimeout) and cancel the request's context when no data arrives for a while"
}

// copiesResponseBody reports whether body copies an http.Response's Body
// with io.Copy, io.CopyN or io.CopyBuffer.
func copiesResponseBody(info *types.Info, body ast.Node) bool {
	return callsIn(info, body, func(fn *types.Func, call *ast.CallExpr) bool {
		switch fn.FullName() {
		case "io.Copy", "io.CopyN", "io.CopyBuffer":
			sel, ok := ast.Unparen(call.Args[1]).(*ast.SelectorExpr)
			return ok && sel.Sel.Name == "Body" && apis.IsNamed(info.TypeOf(sel.X), "net/http", "Response")
		}
		return false
	})
}

// callersContext lowers a request that carries its caller's context: the
// caller may have set a deadline, or cancels when its own client leaves.
const (
	callersDecide  = "whether that has a deadline is for the callers"
	callersContext = "the request carries its caller's context: " + callersDecide
)

// reportSend reports an outbound call with no deadline. Made once while
// the process starts, outside any loop, a hang stalls the start-up, where
// an operator sees it, and holds nothing that serves requests: low.
func (c *checker) reportSend(cur inspector.Cursor, msg, lowered string) {
	fn := summary.EnclosingFunc(cur)
	if fn != nil && c.sum.RunsOnce(fn) && !astx.InOwnLoop(cur) {
		once := rank.Judgment{Level: confidence.Low, Why: "sent once while the process starts: a hang stalls the start-up, not the requests it serves"}
		c.add(outbound, cur, analysis.Diagnostic{Pos: cur.Node().Pos(), End: cur.Node().End(), Message: msg},
			rank.Where(rank.Pass{Info: c.pass.TypesInfo, Sum: c.sum}, fn, once))
		return
	}
	if lowered == "" && awaitedWithTimer(c.pass.TypesInfo, cur) {
		lowered = "sent from a goroutine its starter waits for with a timer or a context: the caller stops waiting; a stall holds only that goroutine"
	}
	c.reportLowered(cur, msg, lowered)
}

// awaitedWithTimer reports whether cur runs in a goroutine (go func() {
// ... }()) whose starter waits in a select that also receives from a
// timer or a context's Done: the caller is bounded, only the goroutine
// may hang.
func awaitedWithTimer(info *types.Info, cur inspector.Cursor) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		call, ok := lit.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != lit.Node() {
			return false
		}
		if _, ok := lit.Parent().Parent().Node().(*ast.GoStmt); !ok {
			return false
		}
		starter := summary.EnclosingFunc(lit.Parent())
		return starter != nil && selectsOnTimer(info, starter)
	}
	return false
}

// selectsOnTimer reports whether fn's own body (not its literals) has a
// select with a case receiving from a time channel or a context's Done.
func selectsOnTimer(info *types.Info, fn ast.Node) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return n == fn
		case *ast.CommClause:
			if recv := astx.Received(n.Comm); recv != nil && timerChannel(info, recv) {
				found = true
			}
		}
		return !found
	})
	return found
}

// timerChannel reports whether ch delivers time (time.After, a Timer's C)
// or is a context's Done channel.
func timerChannel(info *types.Info, ch ast.Expr) bool {
	if t, ok := info.TypeOf(ch).(*types.Chan); ok && apis.IsNamed(t.Elem(), "time", "Time") {
		return true
	}
	call, ok := ast.Unparen(ch).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := apis.Callee(info, call)
	return fn != nil && fn.FullName() == "(context.Context).Done"
}

func (c *checker) report(cur inspector.Cursor, msg string) { c.reportLowered(cur, msg, "") }

// reportLowered reports msg at cur, one level lower when lowered says why.
func (c *checker) reportLowered(cur inspector.Cursor, msg, lowered string) {
	c.reportAt(outbound, cur, msg, lowered)
}

// reportAt reports msg at cur, of direction dir, lowered as reportLowered.
func (c *checker) reportAt(dir direction, cur inspector.Cursor, msg, lowered string) {
	n := cur.Node()
	base := rank.Judgment{Level: confidence.High, Why: "every call can hang for as long as the peer stalls"}
	if lowered != "" {
		base = base.Lower(lowered)
	}
	if dir == outbound && c.sum.OnBranch(cur) {
		// A fallback built when the caller passes none (if c == nil {
		// c = &http.Client{} }): whether any caller takes it is not shown.
		// A server on a branch is a listener its configuration turns on.
		base = base.Lower("built only on a branch")
	}
	c.add(dir, cur, analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg},
		rank.Where(rank.Pass{Info: c.pass.TypesInfo, Sum: c.sum}, summary.EnclosingFunc(cur), base))
}

// replacedOnBranch reports whether body assigns another client, under an
// if, to what holds the one built (the local variable holder, or field):
// `if opts.Client != nil { c.client = opts.Client }`.
func replacedOnBranch(info *types.Info, body ast.Node, holder ast.Expr, field *types.Var) bool {
	if body == nil || holder == nil && field == nil {
		return false
	}
	holds := func(lhs ast.Expr) bool {
		switch l := ast.Unparen(lhs).(type) {
		case *ast.SelectorExpr:
			return field != nil && info.Uses[l.Sel] == field
		case *ast.Ident:
			id, ok := holder.(*ast.Ident)
			return ok && info.ObjectOf(l) != nil && info.ObjectOf(l) == info.ObjectOf(id)
		}
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		if !ok || found {
			return !found
		}
		ast.Inspect(ifs.Body, func(m ast.Node) bool {
			as, ok := m.(*ast.AssignStmt)
			if ok && len(as.Lhs) == len(as.Rhs) {
				for i, l := range as.Lhs {
					if _, lit := ast.Unparen(as.Rhs[i]).(*ast.UnaryExpr); holds(l) && !lit {
						found = true
					}
				}
			}
			return !found
		})
		return !found
	})
	return found
}

// heldInField returns the struct field the client built at cur is kept in
// (Client: &http.Client{}, or s.client = &http.Client{}), or nil.
func heldInField(info *types.Info, cur inspector.Cursor, holder ast.Expr) *types.Var {
	if sel, ok := holder.(*ast.SelectorExpr); ok {
		if v, ok := info.Uses[sel.Sel].(*types.Var); ok && v.IsField() {
			return v
		}
	}
	if id, ok := keyOf(cur); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
			return v
		}
	}
	return positionalField(info, cur)
}

// positionalField returns the field the value built at cur fills as an
// element of an unkeyed struct literal (&T{uri, &http.Client{…}, ""}),
// or nil.
func positionalField(info *types.Info, cur inspector.Cursor) *types.Var {
	elem := cur
	for {
		if _, ok := elem.Parent().Node().(*ast.UnaryExpr); !ok {
			break
		}
		elem = elem.Parent()
	}
	lit, ok := elem.Parent().Node().(*ast.CompositeLit)
	if !ok {
		return nil
	}
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i, e := range lit.Elts {
		if _, keyed := e.(*ast.KeyValueExpr); keyed {
			return nil
		}
		if e == elem.Node() && i < st.NumFields() {
			return st.Field(i)
		}
	}
	return nil
}

// onlyContextRequests reports whether the package uses the client in
// field only to Do requests built with a context from its caller (not
// Background or TODO), at least once: the callers decide the deadline.
// A Get, Post or any other use of the client has no context and counts
// against it; storing the client, or closing its idle connections, is not
// a use.
func (c *checker) onlyContextRequests(field *types.Var) bool {
	return c.onlySends(field, withCallersContext)
}

// allSends reports whether every field only sends requests ok accepts.
func (c *checker) allSends(fields []*types.Var, ok sendCheck) bool {
	for _, f := range fields {
		if !c.onlySends(f, ok) {
			return false
		}
	}
	return true
}

// storedFromReturn returns the fields the client built at cur ends in
// when a declared function returns it (return &http.Client{…}, or the
// local holder): each call of that function in the package must store
// its result in a struct field (Client: newClient(), s.c = newClient()).
func (c *checker) storedFromReturn(cur inspector.Cursor, holder ast.Expr) []*types.Var {
	info := c.pass.TypesInfo
	calls, ok := c.callsOfReturner(cur, holder)
	if !ok {
		return nil
	}
	var fields []*types.Var
	for _, call := range calls {
		f := heldInField(info, call, holderOf(call))
		if f == nil {
			return nil
		}
		if !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	return fields
}

// storedFromLocal returns the struct fields the function stores its local
// holder of the client in (&T{client: c}, t.client = c), when it does
// nothing else with it but return what holds it.
func (c *checker) storedFromLocal(cur inspector.Cursor, holder ast.Expr) []*types.Var {
	info := c.pass.TypesInfo
	id, ok := holder.(*ast.Ident)
	body := enclosingBody(cur)
	if !ok || body == nil {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	var fields []*types.Var
	other := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.KeyValueExpr:
			if key, ok := n.Key.(*ast.Ident); ok && isIdentOf(info, ast.Unparen(n.Value), v) {
				if f, ok := info.Uses[key].(*types.Var); ok && f.IsField() {
					fields = append(fields, f)
					return false
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != 1 || len(n.Rhs) != 1 || !isIdentOf(info, ast.Unparen(n.Rhs[0]), v) {
				return true
			}
			if sel, ok := n.Lhs[0].(*ast.SelectorExpr); ok {
				if f, ok := info.Uses[sel.Sel].(*types.Var); ok && f.IsField() {
					fields = append(fields, f)
					return false
				}
			}
		case *ast.Ident:
			if info.Uses[n] == v {
				other = true // a use besides the stores: sends, passes on
			}
		}
		return true
	})
	if other {
		return nil
	}
	return fields
}

// callsOfReturner returns the calls of the declared function that returns
// the value built at cur (see returnedBy and callsOf).
func (c *checker) callsOfReturner(cur inspector.Cursor, holder ast.Expr) ([]inspector.Cursor, bool) {
	decl, ok := c.returnedBy(cur, holder)
	if !ok {
		return nil, false
	}
	return c.callsOf(decl)
}

// callsOf returns the package's calls of the function decl declares, or
// false when it is also used as a value: where its results end is then not
// seen.
func (c *checker) callsOf(decl *ast.FuncDecl) ([]inspector.Cursor, bool) {
	fn, _ := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if fn == nil {
		return nil, false
	}
	return astx.CallsOf(c.pass.TypesInfo, c.ins.Root(), fn)
}

// returnedBy returns the function declaration that returns the value
// built at cur, directly or through its local holder.
func (c *checker) returnedBy(cur inspector.Cursor, holder ast.Expr) (*ast.FuncDecl, bool) {
	fn, ok := astx.FuncAt(cur)
	if !ok {
		return nil, false
	}
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return nil, false
	}
	if _, ok := cur.Parent().Node().(*ast.ReturnStmt); ok {
		return decl, true
	}
	if _, ok := cur.Parent().Node().(*ast.UnaryExpr); ok {
		if _, ok := cur.Parent().Parent().Node().(*ast.ReturnStmt); ok {
			return decl, true
		}
	}
	id, ok := holder.(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	returned := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if isIdentOf(c.pass.TypesInfo, ast.Unparen(r), v) {
					returned = true
				}
			}
		}
		return !returned
	})
	return decl, returned && v != nil
}

// handedToLibrary returns the function of another module that the client
// built at cur is handed to (docker's client.WithHTTPClient(hc), an SDK's
// NewClient(hc)): the value itself, its local holder, or, when a declared
// function returns it, the result at every call of that function.
func (c *checker) handedToLibrary(cur inspector.Cursor, holder ast.Expr) *types.Func {
	if lib := c.libraryArg(cur, holder); lib != nil {
		return lib
	}
	calls, ok := c.callsOfReturner(cur, holder)
	if !ok {
		return nil
	}
	var lib *types.Func
	for _, call := range calls {
		if lib = c.libraryArg(call, holderOf(call)); lib == nil {
			return nil
		}
	}
	return lib
}

// libraryArg returns the function of another module that the value at cur
// is passed to, directly or through holder, a local variable.
func (c *checker) libraryArg(cur inspector.Cursor, holder ast.Expr) *types.Func {
	info := c.pass.TypesInfo
	p := cur.Parent()
	if u, ok := p.Node().(*ast.UnaryExpr); ok && u.X == cur.Node() {
		p = p.Parent()
	}
	if call, ok := p.Node().(*ast.CallExpr); ok && call.Fun != cur.Node() {
		return c.library(apis.Callee(info, call))
	}
	id, ok := holder.(*ast.Ident)
	body := enclosingBody(cur)
	if !ok || body == nil {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	var lib *types.Func
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || lib != nil || v == nil {
			return lib == nil
		}
		for _, arg := range call.Args {
			if isIdentOf(info, ast.Unparen(arg), v) {
				lib = c.library(apis.Callee(info, call))
			}
		}
		return lib == nil
	})
	return lib
}

// library returns fn if it belongs to another module than the standard
// library and the one analyzed.
func (c *checker) library(fn *types.Func) *types.Func {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	path := fn.Pkg().Path()
	if apis.Standard(path) {
		return nil
	}
	if m := c.pass.Module; m != nil && m.Path != "" && (path == m.Path || strings.HasPrefix(path, m.Path+"/")) {
		return nil
	}
	return fn
}

// onlySends reports whether the package uses the client in field only to
// Do requests ok accepts, at least once.
func (c *checker) onlySends(field *types.Var, ok sendCheck) bool {
	info := c.pass.TypesInfo
	sends := 0
	for cur := range c.ins.Root().Preorder((*ast.SelectorExpr)(nil)) {
		sel := cur.Node().(*ast.SelectorExpr)
		if info.Uses[sel.Sel] != field {
			continue
		}
		switch p := cur.Parent().Node().(type) {
		case *ast.AssignStmt:
			if slices.Contains(p.Lhs, ast.Expr(sel)) {
				continue // the field's own assignment
			}
		case *ast.SelectorExpr: // a method or field of the client
			call, isCall := cur.Parent().Parent().Node().(*ast.CallExpr)
			switch {
			case p.Sel.Name == "CloseIdleConnections":
				continue
			case isClientField(info, p):
				continue // its transport configured, its jar read: no request
			case p.Sel.Name == "Do" && isCall && len(call.Args) == 1 && ok.request(info, enclosingBody(cur), call.Args[0]):
				sends++
				continue
			}
		case *ast.CallExpr: // ctxhttp.Do(ctx, client, req): sent with ctx
			if ctxhttpSend(info, p, sel) && ok.context(info, enclosingBody(cur), p.Args[0]) {
				sends++
				continue
			}
		}
		return false
	}
	return sends > 0
}

// A sendCheck judges a send: by the request it sends (client.Do(req)), or
// by the context a helper sends with (ctxhttp.Do(ctx, client, req)).
type sendCheck struct {
	request func(info *types.Info, body ast.Node, req ast.Expr) bool
	context func(info *types.Info, body ast.Node, ctx ast.Expr) bool
}

var (
	withCallersContext = sendCheck{requestCarriesContext, func(info *types.Info, _ ast.Node, ctx ast.Expr) bool { return !freshContext(info, ctx) }}
	withDeadline       = sendCheck{requestHasDeadline, func(info *types.Info, body ast.Node, ctx ast.Expr) bool {
		return contextHasDeadline(info, body, ctx, 0)
	}}
)

// ctxhttpSend reports whether call sends through the client client with
// golang.org/x/net/context/ctxhttp, whose first argument is the context
// every request it sends carries.
func ctxhttpSend(info *types.Info, call *ast.CallExpr, client ast.Expr) bool {
	fn := apis.Callee(info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "golang.org/x/net/context/ctxhttp" || len(call.Args) < 2 {
		return false
	}
	return ast.Unparen(call.Args[1]) == client
}

// requestCarriesContext reports whether the request expression was built
// in body with a context that is not a fresh Background or TODO: the
// caller's, or one derived from it.
func requestCarriesContext(info *types.Info, body ast.Node, req ast.Expr) bool {
	if fromCaller(info, body, req) {
		return true // a wrapper's caller built it, and chose its context
	}
	return requestContext(info, body, req, func(ctx ast.Expr) bool { return !freshContext(info, ctx) })
}

// fromCaller reports whether e is a parameter never assigned in body.
func fromCaller(info *types.Info, body ast.Node, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || body == nil {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Kind() == types.ParamVar && len(assignedTo(info, body, v)) == 0
}

// freshContext reports whether ctx is context.Background() or TODO().
func freshContext(info *types.Info, ctx ast.Expr) bool { return ctxscope.IsBackgroundCall(info, ctx) }

// whenContextHasDeadline reports whether cur stands in the branch of
// if _, ok := ctx.Deadline(); ok { … }: the code picks a client without a
// timeout only for a context that bounds the request already.
func whenContextHasDeadline(info *types.Info, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs := c.Node().(*ast.IfStmt)
		if !astx.Contains(ifs.Body, cur.Node()) {
			continue
		}
		as, ok := ifs.Init.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			continue
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			continue
		}
		fn := apis.Callee(info, call)
		if fn == nil || fn.FullName() != "(context.Context).Deadline" {
			continue
		}
		found, _ := as.Lhs[1].(*ast.Ident)
		if cond, isIdent := ast.Unparen(ifs.Cond).(*ast.Ident); isIdent && found != nil && info.Uses[cond] == info.Defs[found] {
			return true
		}
	}
	return false
}

// boundedTransport reports whether a client literal's Transport bounds the
// wait for headers: a peer that stalls before answering is cut off, the
// usual way a request hangs.
func (c *checker) boundedTransport(cur inspector.Cursor, lit *ast.CompositeLit) bool {
	return boundsHeadersAt(c.pass, cur, fieldValue(lit, "Transport"))
}

// boundsHeadersAt reports whether e, at cur, is a transport with
// ResponseHeaderTimeout: a literal, a local holding one, or the result of
// a function with the boundsHeaders fact.
func boundsHeadersAt(pass *analysis.Pass, cur inspector.Cursor, e ast.Expr) bool {
	info := pass.TypesInfo
	if e != nil && sendsThroughClient(pass, info.TypeOf(e)) {
		return true
	}
	v := ast.Unparen(e)
	if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
		v = ast.Unparen(u.X)
	}
	if local := astx.LocalVar(info, v); local != nil {
		return localBoundsHeaders(pass, cur, local)
	}
	switch v := v.(type) {
	case *ast.SelectorExpr:
		return localFieldBoundsHeaders(pass, cur, v)
	case *ast.CompositeLit:
		if !apis.IsNamed(info.TypeOf(v), "net/http", "Transport") {
			return false
		}
		return hasField(info, v, "ResponseHeaderTimeout") ||
			dialBoundsConn(pass, fieldValue(v, "DialContext")) || dialBoundsConn(pass, fieldValue(v, "Dial"))
	case *ast.CallExpr:
		fn := apis.Callee(info, v)
		return fn != nil && pass.ImportObjectFact(fn, new(boundsHeaders))
	}
	return false
}

// localBoundsHeaders reports whether every value the local transport v is
// given in the function around cur bounds the wait for headers, or is the
// caller's own transport (a parameter, or a field of one): a default that
// bounds its connections, built only when the caller supplied none, leaves
// the bounds of a supplied transport to whoever built it. At least one
// value must be built here and bound.
func localBoundsHeaders(pass *analysis.Pass, cur inspector.Cursor, v *types.Var) bool {
	fn, ok := astx.FuncAt(cur)
	if !ok {
		return false
	}
	values := valuesOf(pass.TypesInfo, fn, v)
	if len(values) <= 1 {
		// Defined once and never given another value (v, err := f()
		// included, whose first result LocalInit finds).
		init := astx.LocalInit(pass.TypesInfo, cur, v)
		return init != nil && boundsHeadersAt(pass, cur, init)
	}
	bounded := false
	for _, value := range values {
		switch {
		case value == nil:
			return false
		case suppliedByCaller(pass.TypesInfo, value):
		case boundsHeadersAt(pass, cur, value):
			bounded = true
		default:
			return false
		}
	}
	return bounded
}

// localFieldBoundsHeaders reports whether sel names a field of a local
// value (c.Transport) that every assignment in the function around cur
// gives a transport bounding the wait for headers; at least one must.
func localFieldBoundsHeaders(pass *analysis.Pass, cur inspector.Cursor, sel *ast.SelectorExpr) bool {
	info := pass.TypesInfo
	local := astx.LocalVar(info, sel.X)
	field, ok := info.ObjectOf(sel.Sel).(*types.Var)
	fn, inFunc := astx.FuncAt(cur)
	if local == nil || !ok || !field.IsField() || !inFunc {
		return false
	}
	same := func(s *ast.SelectorExpr) bool {
		return astx.LocalVar(info, s.X) == local && info.ObjectOf(s.Sel) == field
	}
	bounded := false
	for _, value := range selectorAssignments([]ast.Node{fn.Node()}, same) {
		if s, ok := ast.Unparen(value).(*ast.SelectorExpr); ok && astx.LocalVar(info, s.X) != nil {
			return false // another local's field: not followed further
		}
		if value == nil || !boundsHeadersAt(pass, cur, value) {
			return false
		}
		bounded = true
	}
	return bounded
}

// valuesOf returns every value v is defined with or given under fn; nil
// stands for a value that cannot be told (a, b = f()).
func valuesOf(info *types.Info, fn inspector.Cursor, v *types.Var) []ast.Expr {
	var values []ast.Expr
	for c := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var lhs, rhs []ast.Expr
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			lhs, rhs = identExprs(n.Names), n.Values
		}
		for i, l := range lhs {
			id, ok := l.(*ast.Ident)
			if !ok || info.ObjectOf(id) != v {
				continue
			}
			if len(lhs) == len(rhs) {
				values = append(values, rhs[i])
			} else {
				values = append(values, nil)
			}
		}
	}
	return values
}

// suppliedByCaller reports whether e is a parameter or the receiver, or a
// field reached from one (the receiver's settings): a value its caller chose.
func suppliedByCaller(info *types.Info, e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if sel := info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return false
			}
			e = x.X
		case *ast.Ident:
			p, ok := info.Uses[x].(*types.Var)
			return ok && (p.Kind() == types.ParamVar || p.Kind() == types.RecvVar)
		default:
			return false
		}
	}
}

// dialBoundsConn reports whether a transport's dial function e sets a
// deadline on every connection it returns (conn.SetDeadline after the
// dial): a peer that stalls is cut off by the connection itself. e is a
// function literal, or a call of a function whose every return is one
// (fact boundsHeaders: what it returns bounds the wait).
func dialBoundsConn(pass *analysis.Pass, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return setsConnDeadline(pass.TypesInfo, e.Body)
	case *ast.CallExpr:
		fn := apis.Callee(pass.TypesInfo, e)
		return fn != nil && pass.ImportObjectFact(fn, new(boundsHeaders))
	}
	return false
}

// setsConnDeadline reports whether body calls SetDeadline or
// SetReadDeadline on a connection of package net or crypto/tls.
func setsConnDeadline(info *types.Info, body ast.Node) bool {
	return callsIn(info, body, func(fn *types.Func, _ *ast.CallExpr) bool {
		if fn.Pkg() == nil || fn.Name() != "SetDeadline" && fn.Name() != "SetReadDeadline" {
			return false
		}
		return fn.Pkg().Path() == "net" || fn.Pkg().Path() == "crypto/tls"
	})
}

// sendsThroughClient reports whether t, a concrete type used as a
// client's Transport, has a RoundTrip method with the boundsHeaders fact:
// it sends each request through an http.Client of its own, whose deadline
// is judged where that client is built.
func sendsThroughClient(pass *analysis.Pass, t types.Type) bool {
	if t == nil || types.IsInterface(t) {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "RoundTrip")
	fn, ok := obj.(*types.Func)
	return ok && pass.ImportObjectFact(fn, new(boundsHeaders))
}

// maxDelegation bounds the chain of the package's own functions followed
// from a RoundTrip method to the http.Client it sends through.
const maxDelegation = 4

// delegatesToClient reports whether body sends a request through an
// http.Client (Do, Get, Post, …), itself or through the package's own
// functions (decls), at most depth calls deep.
func delegatesToClient(info *types.Info, decls map[*types.Func]*ast.FuncDecl, body ast.Node, depth int, seen map[*types.Func]bool) bool {
	return callsIn(info, body, func(fn *types.Func, _ *ast.CallExpr) bool {
		if recv := fn.Signature().Recv(); recv != nil && apis.IsNamed(recv.Type(), "net/http", "Client") {
			return fn.Name() != "CloseIdleConnections"
		}
		d := decls[fn]
		if d == nil || seen[fn] || depth == 0 {
			return false
		}
		seen[fn] = true
		return delegatesToClient(info, decls, d.Body, depth-1, seen)
	})
}

// isRoundTrip reports whether fn is an http.RoundTripper's method:
// RoundTrip(*http.Request) (*http.Response, error).
func isRoundTrip(fn *types.Func) bool {
	sig := fn.Signature()
	return fn.Name() == "RoundTrip" && sig.Recv() != nil && sig.Params().Len() == 1 && sig.Results().Len() == 2 &&
		apis.IsNamed(sig.Params().At(0).Type(), "net/http", "Request") && apis.IsNamed(sig.Results().At(0).Type(), "net/http", "Response")
}

// exportHeaderBounds gives the boundsHeaders fact to the package's
// functions whose every return hands back a transport that bounds the wait
// for headers, or a dial function that sets a deadline on its connections,
// and to its RoundTrip methods that send through an http.Client of their
// own (see sendsThroughClient).
func exportHeaderBounds(pass *analysis.Pass, ins *inspector.Inspector) {
	decls := make(map[*types.Func]*ast.FuncDecl)
	for decl := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := decl.Node().(*ast.FuncDecl)
		if fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func); fn != nil && fd.Body != nil {
			decls[fn] = fd
		}
	}
	for decl := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := decl.Node().(*ast.FuncDecl)
		fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil || fd.Body == nil || fn.Signature().Results().Len() == 0 {
			continue
		}
		if isRoundTrip(fn) {
			if delegatesToClient(pass.TypesInfo, decls, fd.Body, maxDelegation, map[*types.Func]bool{fn: true}) {
				pass.ExportObjectFact(fn, new(boundsHeaders))
			}
			continue
		}
		bounds := boundsHeadersAt
		switch res := fn.Signature().Results().At(0).Type(); {
		case apis.IsNamed(res, "net/http", "Transport"):
		case isDialFunc(res):
			bounds = func(pass *analysis.Pass, _ inspector.Cursor, e ast.Expr) bool { return dialBoundsConn(pass, e) }
		default:
			continue
		}
		all, some := true, false
		for ret := range decl.Preorder((*ast.ReturnStmt)(nil)) {
			r := ret.Node().(*ast.ReturnStmt)
			if enclosedByLit(ret, decl) {
				continue
			}
			some = true
			if len(r.Results) == 0 || !bounds(pass, ret, r.Results[0]) {
				all = false
			}
		}
		if some && all {
			pass.ExportObjectFact(fn, new(boundsHeaders))
		}
	}
}

// isDialFunc reports whether t is a transport's dial function:
// func(ctx, network, addr string) (net.Conn, error), or without the context.
func isDialFunc(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() != 2 || !apis.IsNamed(sig.Results().At(0).Type(), "net", "Conn") {
		return false
	}
	n := sig.Params().Len()
	return n == 2 || n == 3 && apis.IsContext(sig.Params().At(0).Type())
}

// enclosedByLit reports whether cur stands in a function literal inside
// decl: its returns are the literal's.
func enclosedByLit(cur, decl inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return c != decl
	}
	return false
}

// scopeOf returns the code in which a later assignment to the holder's
// fields counts: the enclosing function, or, for a package variable, every
// file of the package (an init that sets client.Timeout).
func (c *checker) scopeOf(cur inspector.Cursor, holder ast.Expr) []ast.Node {
	if body := enclosingBody(cur); body != nil {
		return []ast.Node{body}
	}
	if holder == nil {
		return nil
	}
	var files []ast.Node
	for _, f := range c.pass.Files {
		files = append(files, f)
	}
	return files
}

// newOf reports whether call is new(T), and returns *T.
func newOf(info *types.Info, call *ast.CallExpr) (types.Type, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "new" {
		return nil, false
	}
	return info.TypeOf(call), true
}

// hasField reports whether lit sets field name to something other than a
// constant zero.
func hasField(info *types.Info, lit *ast.CompositeLit, name string) bool {
	v := fieldValue(lit, name)
	if v == nil {
		return false
	}
	tv := info.Types[v]
	return tv.Value == nil || constant.Sign(tv.Value) != 0
}

// defaultClientFields reports http.DefaultClient given to a struct field
// in the literal lit at cur (&Client{HTTPClient: http.DefaultClient}): it
// has no timeout, and every request sent through the field has none,
// unless each carries a deadline (or, medium, its caller's context).
func (c *checker) defaultClientFields(cur inspector.Cursor, lit *ast.CompositeLit) {
	info := c.pass.TypesInfo
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok || !apis.IsPackageVar(info, kv.Value, "net/http", "DefaultClient") {
			continue
		}
		at, ok := cur.FindNode(kv.Value)
		if !ok {
			continue
		}
		field := heldInField(info, at, nil)
		if field == nil || c.onlySends(field, withDeadline) {
			continue
		}
		msg := "http.DefaultClient kept in field " + field.Name() + ": it has no timeout, so every request sent through the field has no deadline, and " + costOut + "; give the field an http.Client with Timeout set from the latency budget (e.g. Timeout: 10 * time.Second)"
		if c.onlyContextRequests(field) {
			c.reportLowered(at, msg, "every request it sends carries its caller's context: "+callersDecide)
			continue
		}
		c.report(at, msg)
	}
}

// defaultClientVars reports http.DefaultClient given to a package-level
// variable (DefaultHTTPClient = http.DefaultClient): the program's shared
// client then has no timeout, and neither has any request sent through it,
// from this package or another.
func (c *checker) defaultClientVars(cur inspector.Cursor, lhs, rhs []ast.Expr) {
	if len(lhs) != len(rhs) {
		return
	}
	info := c.pass.TypesInfo
	for i, r := range rhs {
		id, ok := ast.Unparen(lhs[i]).(*ast.Ident)
		if !ok || !apis.IsPackageVar(info, r, "net/http", "DefaultClient") {
			continue
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || v.Pkg() != c.pass.Pkg || v.Parent() != v.Pkg().Scope() {
			continue
		}
		if at, ok := cur.FindNode(r); ok {
			c.report(at, "http.DefaultClient kept in package variable "+v.Name()+": it has no timeout, so every request sent through the variable has no deadline, and "+costOut+"; give the variable an http.Client with Timeout set from the latency budget (e.g. Timeout: 10 * time.Second)")
		}
	}
}

func identExprs(ids []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// explicitZero reports whether lit sets field name to the constant zero
// (Timeout: 0): the author wrote the absence of a limit down.
func explicitZero(info *types.Info, lit *ast.CompositeLit, name string) bool {
	v := fieldValue(lit, name)
	if v == nil {
		return false
	}
	tv := info.Types[v]
	return tv.Value != nil && constant.Sign(tv.Value) == 0
}

// fieldValue returns the value lit gives field name, or nil (lit may be nil).
func fieldValue(lit *ast.CompositeLit, name string) ast.Expr {
	if lit == nil {
		return nil
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		}
	}
	return nil
}

// holderOf returns the variable or field a client, server or dialer built
// at cur is assigned to (through & and parentheses), or nil.
func holderOf(cur inspector.Cursor) ast.Expr {
	n := cur.Node().(ast.Expr)
	p := cur.Parent()
	for {
		switch e := p.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr:
			n = e.(ast.Expr)
			p = p.Parent()
			continue
		case *ast.AssignStmt:
			if len(e.Lhs) == len(e.Rhs) {
				for i, r := range e.Rhs {
					if r == n {
						return e.Lhs[i]
					}
				}
			}
			if len(e.Rhs) == 1 && e.Rhs[0] == n {
				return e.Lhs[0] // c, err := newClient()
			}
		case *ast.ValueSpec:
			if len(e.Names) == len(e.Values) {
				for i, v := range e.Values {
					if v == n {
						return e.Names[i]
					}
				}
			}
		}
		return nil
	}
}

// fieldKey reports whether the value built at cur is stored in a struct
// field of a composite literal, and names the field.
func fieldKey(cur inspector.Cursor) (string, bool) {
	id, ok := keyOf(cur)
	if !ok {
		return "", false
	}
	return id.Name, true
}

// keyOf returns the field key of the composite literal element the value
// built at cur is (through & and the like).
func keyOf(cur inspector.Cursor) (*ast.Ident, bool) {
	p := cur.Parent()
	for {
		if _, ok := p.Node().(*ast.UnaryExpr); !ok {
			break
		}
		p = p.Parent()
	}
	if kv, ok := p.Node().(*ast.KeyValueExpr); ok {
		id, ok := kv.Key.(*ast.Ident)
		return id, ok
	}
	return nil, false
}

// setLater reports whether the code in scope assigns one of fields on the
// holder: c := &http.Client{}; c.Timeout = 5 * time.Second.
func setLater(info *types.Info, scope []ast.Node, holder ast.Expr, fields ...string) bool {
	return holder != nil && assignsSelector(scope, func(sel *ast.SelectorExpr) bool {
		return slices.Contains(fields, sel.Sel.Name) && sameExpr(info, sel.X, holder)
	})
}

// sameExpr reports whether a and b denote the same variable or field path
// (c and c, s.client and s.client) by their objects.
func sameExpr(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		b, ok := b.(*ast.Ident)
		return ok && info.ObjectOf(a) != nil && info.ObjectOf(a) == info.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := b.(*ast.SelectorExpr)
		return ok && info.ObjectOf(a.Sel) == info.ObjectOf(b.Sel) && sameExpr(info, a.X, b.X)
	case *ast.StarExpr:
		b, ok := b.(*ast.StarExpr)
		return ok && sameExpr(info, a.X, b.X)
	}
	return false
}

// onlyDeadlineRequests reports whether the client held by the local
// variable holder is used in body only to Do requests whose context has a
// deadline, at least once — itself, or by the functions of the package it
// is handed to (watchdogOnce(ctx, client, addr), which bounds each
// request), up to two calls deep.
func (c *checker) onlyDeadlineRequests(body ast.Node, holder ast.Expr, depth int) bool {
	id, ok := holder.(*ast.Ident)
	if !ok || body == nil {
		return false
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	return c.onlyDeadlineUses(body, v, depth)
}

// onlyDeadlineUses reports whether every use of the client in v, in body,
// is a Do of a request whose context has a deadline, or a hand-over to a
// function of the package that uses its parameter only so; and there is
// at least one.
func (c *checker) onlyDeadlineUses(body ast.Node, v *types.Var, depth int) bool {
	info := c.pass.TypesInfo
	sends, other := 0, false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if other || !ok {
			return !other
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Do" && isIdentOf(info, sel.X, v) && len(call.Args) == 1 {
			if requestHasDeadline(info, body, call.Args[0]) {
				sends++
			} else {
				other = true
			}
			return false
		}
		for i, arg := range call.Args {
			if !isIdentOf(info, arg, v) {
				continue
			}
			param, decl := c.paramOf(call, i)
			if depth >= 2 || decl == nil || !c.onlyDeadlineUses(decl.Body, param, depth+1) {
				other = true
				return false
			}
			sends++
		}
		return true
	})
	// Every use must have been a send or a hand-over (the client passed to
	// the request it sends, say, is neither). Giving v a client (v = …, one
	// per branch) is not a use.
	uses := 0
	count := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
				uses++
			}
			return true
		})
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, rhs := range n.Rhs {
				count(rhs)
			}
			for _, lhs := range n.Lhs {
				if _, ok := ast.Unparen(lhs).(*ast.Ident); !ok {
					count(lhs)
				}
			}
			return false
		case *ast.Ident:
			if info.Uses[n] == v {
				uses++
			}
		}
		return true
	})
	return sends > 0 && !other && uses == sends
}

// paramOf returns the parameter that argument i of call fills, and the
// function's declaration, when call is a static call of a function
// declared in this package.
func (c *checker) paramOf(call *ast.CallExpr, i int) (*types.Var, *ast.FuncDecl) {
	fn := apis.Callee(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() != c.pass.Pkg || fn.Signature().Variadic() || i >= fn.Signature().Params().Len() {
		return nil, nil
	}
	at, ok := c.ins.Root().FindByPos(fn.Pos(), fn.Pos())
	if !ok {
		return nil, nil
	}
	for decl := range at.Enclosing((*ast.FuncDecl)(nil)) {
		if d := decl.Node().(*ast.FuncDecl); d.Body != nil && d.Name.Pos() == fn.Pos() {
			return fn.Signature().Params().At(i), d
		}
	}
	return nil, nil
}

func isIdentOf(info *types.Info, n ast.Node, v *types.Var) bool {
	id, ok := n.(*ast.Ident)
	return ok && info.Uses[id] == v
}

// requestHasDeadline reports whether the request expression was built in
// body with a context that carries a deadline: http.NewRequestWithContext
// (or req.WithContext, req.Clone) with a context from context.WithTimeout
// or WithDeadline, directly or through contexts derived from it.
func requestHasDeadline(info *types.Info, body ast.Node, req ast.Expr) bool {
	return requestContext(info, body, req, func(ctx ast.Expr) bool { return contextHasDeadline(info, body, ctx, 0) })
}

// requestContext reports whether the request expression was built in body
// with a context (http.NewRequestWithContext, req.WithContext, req.Clone)
// that ok accepts.
func requestContext(info *types.Info, body ast.Node, req ast.Expr, ok func(ctx ast.Expr) bool) bool {
	return exprTraces(info, body, req, 0, func(call *ast.CallExpr, fn *types.Func) (ast.Expr, bool) {
		switch fn.FullName() {
		case "net/http.NewRequestWithContext", "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
			if len(call.Args) > 0 {
				return call.Args[0], true
			}
		}
		return requestHelperContext(info, call, fn)
	}, ok)
}

// requestHelperContext returns the context argument of a call of a
// helper that takes a context and returns a request (req, err :=
// s.newRequest(ctx, …)): the request is built with it.
func requestHelperContext(info *types.Info, call *ast.CallExpr, fn *types.Func) (ast.Expr, bool) {
	res := fn.Signature().Results()
	if res.Len() == 0 || !apis.IsNamed(res.At(0).Type(), "net/http", "Request") {
		return nil, false
	}
	arg := ctxscope.FirstContextArg(info, call)
	return arg, arg != nil
}

func contextHasDeadline(info *types.Info, body ast.Node, ctx ast.Expr, depth int) bool {
	return exprTraces(info, body, ctx, depth, func(call *ast.CallExpr, fn *types.Func) (ast.Expr, bool) {
		if fn.Pkg() == nil || !apis.ContextPackage(fn.Pkg().Path()) || len(call.Args) == 0 {
			return nil, false
		}
		return call.Args[0], true // the parent of WithValue, WithCancel, ...
	}, func(parent ast.Expr) bool { return contextHasDeadline(info, body, parent, depth+1) }, "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause")
}

// exprTraces follows e (through the assignments of a local variable in
// body) to calls; a call of one of the names in done is true at once,
// otherwise step picks the argument to follow and next judges it. Every
// assignment of a variable must agree.
func exprTraces(info *types.Info, body ast.Node, e ast.Expr, depth int,
	step func(*ast.CallExpr, *types.Func) (ast.Expr, bool), next func(ast.Expr) bool, done ...string) bool {
	if depth > 8 || body == nil {
		return false
	}
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		fn := apis.Callee(info, call)
		if fn == nil {
			return false
		}
		for _, d := range done {
			if apis.ContextFunc(fn, d) {
				return true
			}
		}
		arg, ok := step(call, fn)
		return ok && next(arg)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	// The assignment that reaches the use is taken to be the last one
	// written before it (req = req.WithContext(ctx) after NewRequest).
	r, ok := lastAssignedBefore(info, body, v, id.Pos())
	return ok && r != nil && exprTraces(info, body, r, depth+1, step, next, done...)
}

// lastAssignedBefore returns the expression last assigned to v before pos
// in body; nil when the value cannot be told.
func lastAssignedBefore(info *types.Info, body ast.Node, v *types.Var, pos token.Pos) (ast.Expr, bool) {
	var last ast.Expr
	found := false
	for _, a := range assignedTo(info, body, v) {
		if a.stmt < pos {
			last, found = a.rhs, true
		}
	}
	return last, found
}

// assignedTo returns the expressions assigned to v in body; nil stands for
// an assignment whose value cannot be told (v, err := f() is fine: the
// call is returned for the first result).
type assignment struct {
	stmt token.Pos // the end of the assigning statement
	rhs  ast.Expr
}

func assignedTo(info *types.Info, body ast.Node, v *types.Var) []assignment {
	var out []assignment
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && info.ObjectOf(id) == v {
					var rhs ast.Expr
					switch {
					case len(n.Lhs) == len(n.Rhs):
						rhs = n.Rhs[i]
					case len(n.Rhs) == 1 && i == 0:
						rhs = n.Rhs[0]
					}
					out = append(out, assignment{n.End(), rhs})
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] == v {
					var rhs ast.Expr
					switch {
					case len(n.Names) == len(n.Values):
						rhs = n.Values[i]
					case len(n.Values) == 1 && i == 0:
						rhs = n.Values[0]
					}
					out = append(out, assignment{n.End(), rhs})
				}
			}
		}
		return true
	})
	return out
}

// isClientField reports whether sel selects a field of an http.Client
// (c.Transport, c.Jar).
func isClientField(info *types.Info, sel *ast.SelectorExpr) bool {
	s := info.Selections[sel]
	return s != nil && s.Kind() == types.FieldVal && apis.IsNamed(s.Recv(), "net/http", "Client")
}

// isClientSend reports whether fn is a method of *http.Client that sends.
func isClientSend(fn *types.Func) bool {
	switch fn.FullName() {
	case "(*net/http.Client).Do", "(*net/http.Client).Get", "(*net/http.Client).Head",
		"(*net/http.Client).Post", "(*net/http.Client).PostForm":
		return true
	}
	return false
}

// usesDefaultClient reports whether call's receiver is http.DefaultClient.
func usesDefaultClient(info *types.Info, cur inspector.Cursor, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if apis.IsPackageVar(info, sel.X, "net/http", "DefaultClient") {
		return true
	}
	// A local name for it, never given another client: c := http.DefaultClient.
	v := astx.LocalVar(info, sel.X)
	if v == nil {
		return false
	}
	init := astx.LocalInit(info, cur, v)
	return init != nil && apis.IsPackageVar(info, init, "net/http", "DefaultClient") && len(assignedTo(info, enclosingBody(cur), v)) == 1
}

// dialsWithoutContext reports whether the dialer built at cur is used to
// Dial (not DialContext, which takes the caller's deadline): called on
// directly, or through the local variable holding it in the same function.
func dialsWithoutContext(info *types.Info, cur inspector.Cursor, holder ast.Expr) bool {
	return usedWith(info, cur, holder, func(n, v ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || ast.Unparen(sel.X) != v {
			return false
		}
		fn, ok := info.Uses[sel.Sel].(*types.Func)
		return ok && fn.FullName() == "(*net.Dialer).Dial"
	})
}

// dialsSSH reports whether the SSH client configuration built at cur is
// handed to ssh.Dial, directly or through the local variable holding it.
func dialsSSH(info *types.Info, cur inspector.Cursor, holder ast.Expr) bool {
	return usedWith(info, cur, holder, func(n, v ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 3 {
			return false
		}
		fn := apis.Callee(info, call)
		return ast.Unparen(call.Args[2]) == v && fn != nil && fn.FullName() == "golang.org/x/crypto/ssh.Dial"
	})
}

// usedWith reports whether uses(n, v) holds for a node n that uses the
// value built at cur: the value's own expression v (new(T), &T{…}) at its
// parents, or a use v of the local variable holder in the same function at
// the use's parents.
func usedWith(info *types.Info, cur inspector.Cursor, holder ast.Expr, uses func(n, v ast.Node) bool) bool {
	atParents := func(c inspector.Cursor) bool {
		v := c.Node() // the value, with its & but not its parentheses
		for p := c.Parent(); p.Valid(); p = p.Parent() {
			switch p.Node().(type) {
			case *ast.UnaryExpr:
				v = p.Node()
				continue
			case *ast.ParenExpr:
				continue
			}
			return uses(p.Node(), v)
		}
		return false
	}
	if atParents(cur) {
		return true
	}
	id, ok := holder.(*ast.Ident)
	body := enclosingBody(cur)
	if !ok || body == nil {
		return false
	}
	fn, ok := astx.FuncAt(cur)
	if !ok {
		return false
	}
	for c := range astx.UsesOf(info, fn, info.ObjectOf(id)) {
		if atParents(c) {
			return true
		}
	}
	return false
}

// connectionless reports whether a net.Dial call dials a connectionless
// network (udp, ip, unixgram): it only binds a local socket and returns at
// once, whatever the peer does.
func connectionless(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	network := constString(info, call.Args[0])
	return strings.HasPrefix(network, "udp") || strings.HasPrefix(network, "ip") || network == "unixgram"
}

// constString returns e's constant string value, or "".
func constString(info *types.Info, e ast.Expr) string {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(tv.Value)
}

// connDials are the calls that return a fresh connection whose later
// reads and writes have no deadline unless one is set on it.
var connDials = map[string]bool{
	"net.Dial":                         true,
	"net.DialTimeout":                  true,
	"net.DialTCP":                      true,
	"(*net.Dialer).Dial":               true,
	"(*net.Dialer).DialContext":        true,
	"crypto/tls.Dial":                  true,
	"crypto/tls.DialWithDialer":        true,
	"(*crypto/tls.Dialer).Dial":        true,
	"(*crypto/tls.Dialer).DialContext": true,
}

// dialedWithoutDeadline reports whether conn is a local variable of the
// enclosing function that holds a connection dialed there, on which the
// function never sets a deadline. A connection from elsewhere (a
// parameter, a field, a helper) is not judged.
func dialedWithoutDeadline(info *types.Info, cur inspector.Cursor, conn ast.Expr) bool {
	id, ok := ast.Unparen(conn).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	body := enclosingBody(cur)
	if !ok || body == nil {
		return false
	}
	dialed := false
	for _, a := range assignedTo(info, body, v) {
		call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
		if !ok {
			return false // a value we cannot tell
		}
		fn := apis.Callee(info, call)
		if fn == nil || !connDials[fn.FullName()] {
			return false
		}
		dialed = true
	}
	return dialed && !setsDeadline(info, body, v)
}

// setsDeadline reports whether body calls SetDeadline, SetReadDeadline or
// SetWriteDeadline (a method taking a time.Time) on v.
func setsDeadline(info *types.Info, body ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if x, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || info.Uses[x] != v {
			return true
		}
		fn, ok := info.Uses[sel.Sel].(*types.Func)
		if !ok {
			return true
		}
		switch fn.Name() {
		case "SetDeadline", "SetReadDeadline", "SetWriteDeadline":
			sig := fn.Type().(*types.Signature)
			found = sig.Params().Len() == 1 && apis.IsNamed(sig.Params().At(0).Type(), "time", "Time")
		}
		return !found
	})
	return found
}

// enclosingBody returns the outermost function declaration around cur, so
// that a closure's client and the assignments around it are seen together.
func enclosingBody(cur inspector.Cursor) ast.Node {
	var body ast.Node
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = c.Node()
	}
	return body
}
