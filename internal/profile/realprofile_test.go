package profile

import (
	"go/ast"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// hotSource is a program with every kind of function name: each function
// that calls spin burns CPU under the benchmark, so it must be in the
// profile under the name FuncName gives it. The last path element has a
// dot to check the linker's escaping.
const hotSource = `package lib

var sink int

func spin(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i * i % 7
	}
	return s
}

const debug = false

type T struct{ n int }

func (t *T) Ptr() { sink += spin(t.n) }
func (t T) Val()  { sink += spin(t.n) }

type G[E any] struct{ n int }

func (g *G[E]) Ptr() { sink += spin(g.n) }
func (g G[E]) Val()  { sink += spin(g.n) }

func Gen[E any](n int) { sink += spin(n) }

func Clos(n int) {
	f := func() {
		sink += spin(n)
		g := func() { sink += spin(n) }
		g()
		h := func() { sink += spin(n) }
		h()
	}
	f()
	k := func() { sink += spin(n) }
	k()
}

func (t *T) MClos() {
	func() { sink += spin(t.n) }()
}

func GenClos[E any](n int) {
	func() { sink += spin(n) }()
}

// Declared first, initialized second: literals are numbered in init order.
var first = func() int { return second() }
var second = func() int { return spin(100000) }

func seq(yield func(int) bool) {
	for i := 0; i < 3; i++ {
		if !yield(i) {
			return
		}
	}
}

func Range(n int) {
	for range seq {
		sink += spin(n)
		func() { sink += spin(n) }()
		for range seq {
			sink += spin(n)
		}
	}
}

func Dead(n int) {
	if debug {
		func() { sink++ }()
	}
	func() { sink += spin(n) }()
	if !debug {
		func() { sink += spin(n) }()
	} else {
		func() { sink++ }()
	}
	switch {
	case n > 0:
		func() { sink += spin(n) }()
		goto done
		func() { sink++ }()
	}
done:
	func() { sink += spin(n) }()
}

// Dead code before a label is compiled (golang/go#65593): it takes func1.
func Label(n int) {
	goto L
	func() { sink++ }()
L:
	func() { sink += spin(n) }()
}

// A for with no condition and no break is terminating for the spec, but the
// compiler keeps the code after it: the last literal is func3.
func Forever(n int, loop bool) {
	if loop {
		for {
			func() { sink += spin(n) }()
			return
		}
		func() { sink++ }()
	}
	func() { sink += spin(n) }()
}

// An if with a constant true condition that returns ends the block.
func Static(n int, on bool) {
	if on {
		if !debug {
			func() { sink += spin(n) }()
			return
		}
		func() { sink++ }()
	}
	func() { sink += spin(n) }()
}

func After(n int) int {
	f := func() { sink += spin(n) }
	f()
	return n
	func() { sink++ }()
	return 0
}
`

// hotTest profiles hotSource at 500 Hz (the 100 Hz of go test -cpuprofile
// needs several seconds for every function to be sampled).
const hotTest = `package lib

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"
)

func TestProfile(t *testing.T) {
	f, err := os.Create(os.Getenv("HOT_PROFILE"))
	if err != nil {
		t.Fatal(err)
	}
	runtime.SetCPUProfileRate(500) // StartCPUProfile then keeps this rate
	if err := pprof.StartCPUProfile(f); err != nil {
		t.Fatal(err)
	}
	tt := &T{n: 100000}
	g := &G[string]{n: 100000}
	for start := time.Now(); time.Since(start) < time.Second; {
		tt.Ptr(); tt.Val(); g.Ptr(); g.Val(); Gen[int](100000); Gen[string](100000)
		Clos(100000); tt.MClos(); GenClos[float64](100000); sink += first()
		Range(30000); Dead(100000); After(100000)
		Label(100000); Forever(100000, true); Forever(100000, false)
		Static(100000, true); Static(100000, false)
	}
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
`

// TestNamesMatchRealProfile compiles hotSource, profiles it, and checks the
// name of every function that calls spin against the profile: by exact
// name without inlining, and through ShareOf with the compiler's defaults,
// where closures are inlined under new names.
func TestNamesMatchRealProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and profiles a program")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/hot\n\ngo 1.26\n")
	writeFile(t, filepath.Join(dir, "lib.v2", "lib.go"), hotSource)
	writeFile(t, filepath.Join(dir, "lib.v2", "lib_test.go"), hotTest)

	pkg := loadPackage(t, dir, "./lib.v2", true)
	idx := NewIndex(pkg.Fset, pkg.PkgPath, pkg.Syntax, pkg.TypesInfo)
	hot := hotFuncs(pkg, idx)
	if len(hot) < 25 {
		t.Fatalf("found %d functions that call spin, want at least 25: %v", len(hot), hot)
	}

	t.Run("no inlining", func(t *testing.T) {
		// Every function is compiled under the name FuncName gives it.
		checkProfiles(t, dir, idx, hot, func(p *Profile, fn Func) bool {
			_, ok := p.byName[fn.Name]
			return ok
		}, "-gcflags=-l")
	})
	t.Run("default inlining", func(t *testing.T) {
		// Inlined closures are renamed after their callers: ShareOf finds
		// them by site.
		checkProfiles(t, dir, idx, hot, func(p *Profile, fn Func) bool {
			_, _, ok := p.ShareOf(fn)
			return ok
		})
	})
}

// checkProfiles profiles the program up to four times, until found has
// been true for every hot function in some profile: a second of profile
// has about 20 samples per function at 500 Hz, but some machines deliver
// a fraction of the profiling signals (a sandbox here: about 125 a second).
// Every profile must match the source entirely.
func checkProfiles(t *testing.T, dir string, idx *Index, hot []Func, found func(*Profile, Func) bool, flags ...string) {
	bin := buildTest(t, dir, flags...)
	missing := hot
	var last *Profile
	for run := 0; run < 4 && len(missing) > 0; run++ {
		last = runProfile(t, bin)
		missing = slices.DeleteFunc(slices.Clone(missing), func(fn Func) bool { return found(last, fn) })
		if got := last.Unmatched(idx); len(got) > 0 {
			t.Errorf("Unmatched = %v, want none", got)
		}
	}
	for _, fn := range missing {
		t.Errorf("%s (line %d) is in no profile; the last has:\n%v", fn.Name, fn.Line, functionsOf(last, idx.Package()))
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// loadPackage type-checks one package of a std-only module: with tests,
// the variant that has the package's _test.go files too.
func loadPackage(t *testing.T, dir, pattern string, tests bool) *packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo,
		Dir:   dir,
		Tests: tests,
		Env:   append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, pattern)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Fatal(e)
		}
	}
	for _, p := range pkgs {
		isTestVariant := strings.HasSuffix(p.ID, ".test]")
		if isTestVariant == tests && !strings.HasSuffix(p.PkgPath, ".test") {
			return p
		}
	}
	t.Fatalf("%s: no package among %d", pattern, len(pkgs))
	return nil
}

// hotFuncs returns the functions that enclose a call to spin.
func hotFuncs(pkg *packages.Package, idx *Index) []Func {
	var out []Func
	for _, f := range pkg.Syntax {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "spin" {
				if fn, ok := idx.At(call.Pos()); ok && !slices.Contains(out, fn) {
					out = append(out, fn)
				}
			}
			return true
		})
	}
	return out
}

func buildTest(t *testing.T, dir string, flags ...string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "lib.test")
	args := append([]string{"test", "-c", "-o=" + bin}, flags...)
	cmd := exec.Command("go", append(args, "./lib.v2")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test -c: %v\n%s", err, b)
	}
	return bin
}

// runProfile runs the profiling test of a test binary.
func runProfile(t *testing.T, bin string) *Profile {
	t.Helper()
	out := filepath.Join(t.TempDir(), "cpu.pprof")
	cmd := exec.Command(bin, "-test.run=^TestProfile$")
	cmd.Env = append(os.Environ(), "HOT_PROFILE="+out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, b)
	}
	p, err := Load(out)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func functionsOf(p *Profile, pkg string) []string {
	var names []string
	for name := range p.byName {
		if inPackage(name, pkg+".") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
