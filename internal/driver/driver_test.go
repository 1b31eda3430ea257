package driver_test

import (
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/perflint/perflint/internal/driver"
)

// module is a small module with an import chain (a ← b ← c), a test
// variant, a package that does not type-check and one that imports it.
var module = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.26.0\n",
	"a/a.go": `package a

func Sink() {}

func CallsSink() { Sink() }
`,
	"b/b.go": `package b

import "example.com/m/a"

func Indirect() { a.CallsSink() }

func Clean() {}
`,
	"c/c.go": `package c

import "example.com/m/b"

func Use() {
	b.Indirect()
	b.Clean()
}
`,
	"c/c_test.go": `package c

import (
	"testing"

	"example.com/m/b"
)

func TestUse(t *testing.T) { b.Indirect() }
`,
	"broken/broken.go": `package broken

var N int = "not an int"
`,
	"usesbroken/u.go": `package usesbroken

import "example.com/m/broken"

func Use() { _ = broken.N }
`,
	"boom/boom.go": `package boom

func Boom() {}
`,
}

// patterns are the roots: c (with its test variants), a package importing
// one that does not type-check, and the package panicker panics on.
var patterns = []string{"./c", "./usesbroken", "./boom"}

func writeModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeModuleIn(dir)
	return dir
}

func writeModuleIn(dir string) {
	for name, content := range module {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			panic(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			panic(err)
		}
	}
}

// reachesSink is a fact: the function calls Sink, directly or not.
type reachesSink struct{}

func (*reachesSink) AFact()         {}
func (*reachesSink) String() string { return "reachesSink" }

// harness holds the test analyzers and what they saw. Each test makes its
// own, so nothing is shared between tests.
type harness struct {
	mu    sync.Mutex
	ran   map[string][]string // analyzer → package paths it ran on
	files []weak.Pointer[ast.File]

	sinks, counter, panicker *analysis.Analyzer
}

func newHarness() *harness {
	h := &harness{ran: make(map[string][]string)}
	// sinks exports reachesSink for every function that calls Sink or a
	// function with the fact, and reports calls to the latter.
	h.sinks = &analysis.Analyzer{
		Name:      "sinks",
		Doc:       "test analyzer with facts",
		FactTypes: []analysis.Fact{(*reachesSink)(nil)},
		Run: func(pass *analysis.Pass) (any, error) {
			h.saw(pass)
			for _, f := range pass.Files {
				for _, decl := range f.Decls {
					fn, ok := decl.(*ast.FuncDecl)
					if !ok || fn.Body == nil {
						continue
					}
					ast.Inspect(fn.Body, func(n ast.Node) bool {
						call, ok := n.(*ast.CallExpr)
						if !ok {
							return true
						}
						callee, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
						if !ok {
							return true
						}
						if callee.Name() == "Sink" || pass.ImportObjectFact(callee, new(reachesSink)) {
							pass.ExportObjectFact(pass.TypesInfo.Defs[fn.Name], new(reachesSink))
							if callee.Name() != "Sink" {
								pass.Reportf(call.Pos(), "%s reaches Sink", callee.Name())
							}
						}
						return true
					})
				}
			}
			return nil, nil
		},
	}
	h.counter = &analysis.Analyzer{
		Name: "counter",
		Doc:  "test analyzer without facts",
		Run: func(pass *analysis.Pass) (any, error) {
			h.saw(pass)
			return nil, nil
		},
	}
	h.panicker = &analysis.Analyzer{
		Name: "panicker",
		Doc:  "test analyzer that panics on package boom",
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "boom" {
				panic("boom")
			}
			return nil, nil
		},
	}
	return h
}

func (h *harness) saw(pass *analysis.Pass) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.ran[pass.Analyzer.Name] = append(h.ran[pass.Analyzer.Name], pass.Pkg.Path())
	for _, f := range pass.Files {
		h.files = append(h.files, weak.Make(f))
	}
}

func (h *harness) analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{h.sinks, h.counter, h.panicker}
}

func errorMessages(res *driver.Result) string {
	var msgs []string
	for _, e := range res.PackageErrors {
		msgs = append(msgs, e.Msg)
	}
	return strings.Join(msgs, "\n")
}

// findings renders the diagnostics as "file:line: analyzer: message".
func findings(res *driver.Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		p := res.Fset.Position(d.Pos)
		out = append(out, fmt.Sprintf("%s:%d: %s: %s", filepath.Base(p.Filename), p.Line, d.Analyzer.Name, d.Message))
	}
	return out
}

// analyzed runs the harness on the module once per test binary; the tests
// below look at different sides of the same run.
var analyzed = sync.OnceValues(func() (*harness, *driver.Result) {
	h := newHarness()
	dir, err := os.MkdirTemp("", "driver-test")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	writeModuleIn(dir)
	res, err := driver.Run(driver.Config{Dir: dir, Tests: true}, h.analyzers(), patterns)
	if err != nil {
		panic(err)
	}
	return h, res
})

func TestFactsCrossPackagesAndOnlyRootsReport(t *testing.T) {
	h, res := analyzed()

	// c.Use calls b.Indirect, which reaches Sink through a.CallsSink: two
	// packages away. a and b are dependencies: their findings (a.CallsSink
	// in b) are not reported. c.go is in both c and its test variant.
	want := []string{
		"c.go:6: sinks: Indirect reaches Sink",
		"c.go:6: sinks: Indirect reaches Sink",
		"c_test.go:9: sinks: Indirect reaches Sink",
	}
	if got := findings(res); !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Dependencies run only the analyzers with facts.
	if got := h.ran["sinks"]; !slices.Contains(got, "example.com/m/a") || !slices.Contains(got, "example.com/m/b") {
		t.Errorf("sinks ran on %v, want the dependencies a and b too", got)
	}
	for _, path := range h.ran["counter"] {
		if path == "example.com/m/a" || path == "example.com/m/b" {
			t.Errorf("counter (no facts) ran on dependency %s", path)
		}
	}
}

func TestErrorsAndPanicsAreReportedNotFatal(t *testing.T) {
	h, res := analyzed()

	var typeErr bool
	for _, e := range res.PackageErrors {
		typeErr = typeErr || strings.Contains(e.Pos, "broken.go:3") && strings.Contains(e.Msg, "cannot use")
	}
	if !typeErr {
		t.Errorf("package errors %v lack broken.go's type error", res.PackageErrors)
	}
	// usesbroken imports a package with errors: not analyzed, and said so.
	if !slices.Equal(res.Skipped, []string{"example.com/m/usesbroken"}) {
		t.Errorf("skipped = %v, want usesbroken", res.Skipped)
	}
	for name, paths := range h.ran {
		if slices.Contains(paths, "example.com/m/usesbroken") || slices.Contains(paths, "example.com/m/broken") {
			t.Errorf("%s ran on a package with errors or importing one: %v", name, paths)
		}
	}
	// The panic is one failure of one analyzer on one package.
	if len(res.Failures) != 1 || res.Failures[0].Analyzer != h.panicker ||
		res.Failures[0].PackageID != "example.com/m/boom" || !strings.Contains(res.Failures[0].Err.Error(), "panic: boom") {
		t.Errorf("failures = %v, want panicker's panic on boom", res.Failures)
	}
	if !slices.Contains(h.ran["counter"], "example.com/m/boom") {
		t.Errorf("counter did not run on boom beside the panicking analyzer: %v", h.ran["counter"])
	}
}

// The point of the driver: no package's syntax outlives its analysis.
func TestSyntaxIsNotRetained(t *testing.T) {
	h, res := analyzed()
	runtime.GC()
	if len(h.files) == 0 {
		t.Fatal("no files seen")
	}
	for i, w := range h.files {
		if w.Value() != nil {
			t.Errorf("file %d of %d is still reachable after Run", i, len(h.files))
		}
	}
	runtime.KeepAlive(res)
}

func TestDeterministic(t *testing.T) {
	_, res := analyzed() // GOMAXPROCS workers
	first := append(findings(res), fmt.Sprint(res.Roots), errorMessages(res), fmt.Sprint(len(res.Failures)))
	dir := writeModule(t)
	for _, workers := range []int{1, 5} {
		h := newHarness()
		res, err := driver.Run(driver.Config{Dir: dir, Tests: true, Workers: workers}, h.analyzers(), patterns)
		if err != nil {
			t.Fatal(err)
		}
		got := append(findings(res), fmt.Sprint(res.Roots), errorMessages(res), fmt.Sprint(len(res.Failures)))
		if !slices.Equal(got, first) {
			t.Errorf("workers=%d: %v, want %v", workers, got, first)
		}
	}
}

func TestMissingPackages(t *testing.T) {
	h := newHarness()
	// A pattern naming no directory is a package error, as with go build.
	res, err := driver.Run(driver.Config{Dir: writeModule(t)}, []*analysis.Analyzer{h.counter}, []string{"./nosuch"})
	if err != nil || len(res.PackageErrors) != 1 || !strings.Contains(res.PackageErrors[0].Msg, "not found") {
		t.Errorf("./nosuch: err %v, package errors %v; want one 'directory not found'", err, res.PackageErrors)
	}
	// A module with no packages at all is an error of the whole run.
	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "go.mod"), []byte("module example.com/empty\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = driver.Run(driver.Config{Dir: empty}, []*analysis.Analyzer{h.counter}, []string{"./..."})
	if err == nil || !strings.Contains(err.Error(), "matched no packages") {
		t.Errorf("empty module: err = %v, want 'matched no packages'", err)
	}
}

// TestWholeProgramNeedsEveryPackage checks that a run asked to be
// whole-program revisits packages only when every root package that is not
// a test was analyzed: with one missing, who imports and calls what is not
// known, and the run says it is partial.
func TestWholeProgramNeedsEveryPackage(t *testing.T) {
	h := newHarness()
	dir := writeModule(t)
	asked := 0
	revisit := func(*types.Package, func(analysis.Fact) bool, int, bool) bool { asked++; return true }
	res, err := driver.Run(driver.Config{Dir: dir, Tests: true, Revisit: revisit}, h.analyzers(), patterns)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Partial || asked != 0 {
		t.Errorf("with usesbroken not analyzed: partial %v, revisit asked %d times; want partial and never asked", res.Partial, asked)
	}
	res, err = driver.Run(driver.Config{Dir: dir, Tests: true, Revisit: revisit}, h.analyzers(), []string{"./c", "./boom"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Partial || asked == 0 {
		t.Errorf("with every root analyzed: partial %v, revisit asked %d times; want whole and asked", res.Partial, asked)
	}
}
