package summary

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/internal/apis"
)

// Place is where a function runs, in the shared model of the analyzers.
type Place int

const (
	// Anywhere: nothing in the package says (an exported function of a
	// library, code whose callers are elsewhere).
	Anywhere Place = iota
	// PerRequest: a request handler (HTTP, gRPC, Connect, GraphQL) or a
	// message consumer, or code one runs.
	PerRequest
	// Rare: code that runs once per invocation or deploy, or only under
	// tests and demos — a CLI command's action, a migration, a test harness,
	// an example, a development tool. Findings there are true by the
	// letter, with no load behind them.
	Rare
	// Startup: main, init, package variables, sync.Once, and what only they
	// run. The analyzers do not report there.
	Startup
	// Harness: test support code, mocks, examples and development tools
	// outside _test.go. The analyzers do not report there either.
	Harness
)

// Where returns where fn (a *ast.FuncDecl or *ast.FuncLit of the package,
// or nil for package-level code) runs, and for Rare and Harness why.
func (r *Result) Where(fn ast.Node) (Place, string) {
	b := r.bodies[fn]
	switch {
	case r.harness == migration:
		return Rare, r.harness
	case r.harness != "":
		return Harness, r.harness // an example's main is an example first
	case b == nil:
		return Anywhere, "" // package-level code of a production package, say
	case r.testSupport[r.pass.Fset.File(fn.Pos())]:
		return Harness, "test support code"
	case b.rare == uncalled:
		return Rare, b.rare // not even its start-up code runs in a command
	case b.startup:
		return Startup, ""
	case b.reachedFrom != nil:
		return PerRequest, ""
	case b.rare != "":
		return Rare, b.rare
	}
	return Anywhere, ""
}

const migration = "a migration"

// withinModule returns the elements of a package path below its module's
// root: the module's own name says nothing of what its packages are for (a
// company or a product may be called "harness" or "examples").
func withinModule(path string, m *analysis.Module) []string {
	if m != nil && m.Path != "" {
		if path == m.Path {
			return nil
		}
		if rest, ok := strings.CutPrefix(path, m.Path+"/"); ok {
			path = rest
		}
	}
	return strings.Split(path, "/")
}

// toolLibrary reports whether only a development tool can import the
// package at elems: it sits in the internal/ directory of a program kept
// under tools/ (tools/cleaner/internal/...), and Go lets only the code
// under tools/cleaner import it. A library directly under tools/ may be
// imported by the service, so it is not one.
func toolLibrary(elems []string) bool {
	for i := 0; i+2 < len(elems); i++ {
		switch elems[i] {
		case "tools", "tool", "devtools":
			if elems[i+2] == "internal" {
				return true
			}
		}
	}
	return false
}

// namedByWord returns why a directory named of several words (joined by
// "-" or "_") holds no production code, by one of its words: a demo
// (app-demo-tor), or tests (app-upgrade-tests, api_e2e).
func namedByWord(elem string) string {
	words := strings.FieldsFunc(elem, func(r rune) bool { return r == '-' || r == '_' })
	if len(words) < 2 {
		return "" // a single word is judged by the switch below
	}
	for _, w := range words {
		switch w {
		case "demo", "demos", "example", "examples":
			return "an example"
		case "test", "tests", "e2e":
			return "test support code"
		}
	}
	return ""
}

// harnessPackage returns why the package's code runs only under tests,
// demos or by hand, or "": its path names it an example, a test helper, a
// mock or a development tool, or every non-test file imports a test
// framework. Files that import one in a package that also has production
// code are recorded in testSupport: their functions are test support, the
// rest of the package is not.
func (r *Result) harnessPackage() string {
	elems := withinModule(r.pass.Pkg.Path(), r.pass.Module)
	if len(elems) > 0 && elems[0] == "integration" {
		// A top-level integration/ holds the harness of the module's
		// integration tests (a library of integrations is "integrations").
		return "test support code"
	}
	if toolLibrary(elems) {
		return "a development tool"
	}
	for _, elem := range elems {
		if strings.HasSuffix(elem, "loadtest") || strings.HasSuffix(elem, "loadtests") {
			return "a development tool" // cmd/app-loadtest: a load generator
		}
		if strings.Contains(elem, "mock") {
			return "test support code" // mockserver, destinationmock: a stand-in for tests
		}
		if why := namedByWord(elem); why != "" {
			return why
		}
		switch elem {
		case "example", "examples", "_examples":
			return "an example"
		case "test", "tests", "testutil", "testutils", "testhelper", "testhelpers", "testing", "testsupport",
			"harness", "mock", "mocks", "fake", "fakes", "fixtures":
			return "test support code"
		case "hack", "scripts", "bench", "benchmark", "benchmarks":
			return "a development tool"
		case "tools", "tool", "devtools", "dev":
			// A program kept beside the service for its developers (a code
			// generator, a local runner); a library package of that name
			// may be production code.
			if r.pass.Pkg.Name() == "main" {
				return "a development tool"
			}
		case "e2e":
			return "test support code"
		case "migrations", "migration", "migrate":
			return migration
		}
	}
	files, support := 0, 0
	for _, f := range r.pass.Files {
		tf := r.pass.Fset.File(f.FileStart)
		if strings.HasSuffix(tf.Name(), "_test.go") {
			continue
		}
		files++
		for _, spec := range f.Imports {
			if testFramework(strings.Trim(spec.Path.Value, `"`)) {
				if r.testSupport == nil {
					r.testSupport = make(map[*token.File]bool)
				}
				r.testSupport[tf] = true
				support++
				break
			}
		}
	}
	if files > 0 && support == files {
		return "test support code"
	}
	return ""
}

// testFramework reports whether a package at path exists to run tests:
// the standard library's testing packages, or a test framework's.
func testFramework(path string) bool {
	switch path {
	case "testing", "net/http/httptest":
		return true
	}
	for _, prefix := range []string{"github.com/onsi/ginkgo", "github.com/onsi/gomega", "github.com/stretchr/testify",
		"github.com/DATA-DOG/go-sqlmock", "go.uber.org/mock", "github.com/golang/mock", "github.com/ory/dockertest",
		"github.com/testcontainers/testcontainers-go"} {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}

// rareFuncs are the fields of framework types whose function runs rarely,
// with why: a command-line framework's command actions (once per
// invocation of a command) and a migration framework's steps (once per
// database).
var rareFuncs = map[string]map[string]string{
	"github.com/spf13/cobra.Command": {"Run": cliActionWhy, "RunE": cliActionWhy, "PreRun": cliActionWhy, "PreRunE": cliActionWhy,
		"PostRun": cliActionWhy, "PostRunE": cliActionWhy, "PersistentPreRun": cliActionWhy, "PersistentPreRunE": cliActionWhy,
		"PersistentPostRun": cliActionWhy, "PersistentPostRunE": cliActionWhy},
	"github.com/urfave/cli/v2.Command":                 {"Action": cliActionWhy, "Before": cliActionWhy, "After": cliActionWhy},
	"github.com/urfave/cli/v2.App":                     {"Action": cliActionWhy, "Before": cliActionWhy, "After": cliActionWhy},
	"github.com/urfave/cli/v3.Command":                 {"Action": cliActionWhy, "Before": cliActionWhy, "After": cliActionWhy},
	"github.com/go-gormigrate/gormigrate/v2.Migration": {"Migrate": migration, "Rollback": migration},
}

// rareFunc returns why value, a field of a composite literal, runs rarely
// (&cobra.Command{RunE: func(...) {...}}, gormigrate.Migration{Migrate:
// ...}), or "".
func rareFunc(info *types.Info, lit *ast.CompositeLit, kv *ast.KeyValueExpr) string {
	key, ok := kv.Key.(*ast.Ident)
	if !ok {
		return ""
	}
	t := info.TypeOf(lit)
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return ""
	}
	return rareFuncs[named.Obj().Pkg().Path()+"."+named.Obj().Name()][key.Name]
}

// serviceInterfaces returns the interfaces a generated RPC package asks a
// service to implement, from the package and its imports: gRPC's
// RegisterXServer(registrar, XServer), Connect's and Twirp's
// NewXHandler/NewXServer(XHandler, ...) returning an http.Handler, and
// gqlgen's resolver interfaces (a package with NewExecutableSchema).
func (r *Result) serviceInterfaces() []*types.Interface {
	var ifaces []*types.Interface
	for _, pkg := range append([]*types.Package{r.pass.Pkg}, r.pass.Pkg.Imports()...) {
		if !rpcGenerated(pkg) {
			continue
		}
		scope := pkg.Scope()
		resolvers := scope.Lookup("NewExecutableSchema") != nil
		for _, name := range scope.Names() {
			obj := scope.Lookup(name)
			if resolvers {
				if tn, ok := obj.(*types.TypeName); ok && strings.HasSuffix(name, "Resolver") {
					if iface, ok := tn.Type().Underlying().(*types.Interface); ok {
						ifaces = append(ifaces, iface)
					}
				}
			}
			fn, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			if iface := registeredService(fn); iface != nil {
				ifaces = append(ifaces, iface)
			}
		}
	}
	return ifaces
}

// rpcFrameworks are the packages generated service code imports.
var rpcFrameworks = map[string]bool{
	"google.golang.org/grpc":              true,
	"connectrpc.com/connect":              true,
	"github.com/bufbuild/connect-go":      true,
	"github.com/twitchtv/twirp":           true,
	"github.com/99designs/gqlgen/graphql": true,
}

// rpcGenerated reports whether pkg may hold generated service code: it
// imports an RPC or GraphQL framework. Only such packages are scanned.
func rpcGenerated(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if rpcFrameworks[imp.Path()] {
			return true
		}
	}
	return false
}

// registeredService returns the service interface fn registers, if fn is
// a generated registration: RegisterXServer(s grpc.ServiceRegistrar or
// *grpc.Server, srv XServer), or NewXHandler(svc XHandler, ...) (string,
// http.Handler) for Connect and Twirp.
func registeredService(fn *types.Func) *types.Interface {
	sig := fn.Signature()
	params := sig.Params()
	name := fn.Name()
	switch {
	case strings.HasPrefix(name, "Register") && strings.HasSuffix(name, "Server") && params.Len() == 2:
		reg := params.At(0).Type()
		if !apis.IsNamed(reg, "google.golang.org/grpc", "ServiceRegistrar") && !apis.IsNamed(reg, "google.golang.org/grpc", "Server") {
			return nil
		}
		iface, _ := params.At(1).Type().Underlying().(*types.Interface)
		return iface
	case strings.HasPrefix(name, "New") && params.Len() >= 1:
		results := sig.Results()
		if results.Len() == 0 || !apis.IsNamed(results.At(results.Len()-1).Type(), "net/http", "Handler") &&
			!strings.HasSuffix(name, "Server") {
			return nil
		}
		if !strings.HasSuffix(name, "Handler") && !strings.HasSuffix(name, "Server") {
			return nil
		}
		iface, _ := params.At(0).Type().Underlying().(*types.Interface)
		if iface == nil || iface.NumMethods() == 0 {
			return nil
		}
		return iface
	}
	return nil
}

// serviceMethod reports whether fn, a method, implements a method of one of
// the service interfaces: a gRPC, Connect or Twirp method, or a resolver.
func serviceMethod(fn *types.Func, ifaces []*types.Interface) bool {
	recv := fn.Signature().Recv()
	if recv == nil || len(ifaces) == 0 {
		return false
	}
	t := recv.Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	for _, iface := range ifaces {
		if !hasMethod(iface, fn.Name()) {
			continue
		}
		if types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface) {
			return true
		}
	}
	return false
}

func hasMethod(iface *types.Interface, name string) bool {
	for m := range iface.Methods() {
		if m.Name() == name {
			return true
		}
	}
	return false
}
