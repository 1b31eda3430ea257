package profile

import (
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"

	"github.com/google/pprof/profile"
)

// The service and its profiles: see testdata/profile/gen.sh.
const (
	serviceDir = "../../testdata/profile"
	ordersPkg  = "example.com/shop/orders"
)

func loadTestdata(t *testing.T, name string) *Profile {
	t.Helper()
	p, err := Load(filepath.Join(serviceDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestServiceProfile(t *testing.T) {
	p := loadTestdata(t, "default.pgo")
	if p.Samples() < MinSamples {
		t.Errorf("Samples() = %d, want at least MinSamples (%d): regenerate with gen.sh", p.Samples(), MinSamples)
	}
	pkg := loadPackage(t, serviceDir, "./orders", false)
	idx := NewIndex(pkg.Fset, pkg.PkgPath, pkg.Syntax, pkg.TypesInfo)
	if !p.Covers(ordersPkg) || !idx.Covered(p) {
		t.Fatalf("the service's profile does not cover %s", ordersPkg)
	}

	hottest, hottestCum := "", -1.0
	for _, fn := range idx.Funcs() {
		flat, cum, ok := p.ShareOf(fn)
		if !ok {
			continue
		}
		if flat < 0 || flat > cum || cum > 1 {
			t.Errorf("%s: flat %.3f cum %.3f, want 0 <= flat <= cum <= 1", fn.Name, flat, cum)
		}
		if cum > hottestCum {
			hottest, hottestCum = fn.Name, cum
		}
	}
	if want := ordersPkg + ".(*Server).ListOrders"; hottest != want {
		t.Errorf("largest cum share: %s (%.1f%%), want %s", hottest, 100*hottestCum, want)
	}
	_, healthCum, _ := p.Share(ordersPkg + ".(*Server).Health")
	if healthCum >= hottestCum/10 {
		t.Errorf("Health cum %.3f, want far below ListOrders' %.3f", healthCum, hottestCum)
	}
	for _, name := range []string{
		ordersPkg + ".Filter[...]",                // one per shape in the profile
		ordersPkg + ".Order.Total",                // value receiver, inlined
		ordersPkg + ".(*Server).ListOrders.func2", // the sort's comparison
	} {
		if _, cum, ok := p.Share(name); !ok || cum <= 0 {
			t.Errorf("Share(%s) = %v, %v; want a share", name, cum, ok)
		}
	}
	if _, _, ok := p.Share(ordersPkg + ".(*Server).Refund"); ok {
		t.Error("a function the profile does not have has a share")
	}
	// The benchmark's literal (what RunParallel's goroutines run) is in a
	// _test.go file, which the index did not see.
	if got := p.Unmatched(idx); !slices.Equal(got, []string{ordersPkg + ".BenchmarkServe.func1"}) {
		t.Errorf("Unmatched = %v, want the benchmark's literal only", got)
	}
}

// TestStaleProfile renames the hot handler: the profile's names for it and
// its literals no longer match the code.
func TestStaleProfile(t *testing.T) {
	p := loadTestdata(t, "default.pgo")
	src, err := os.ReadFile(filepath.Join(serviceDir, "orders", "orders.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	renamed := strings.ReplaceAll(string(src), "ListOrders", "ListAll")
	f, err := parser.ParseFile(fset, "/elsewhere/orders/orders.go", renamed, 0)
	if err != nil {
		t.Fatal(err)
	}
	idx := NewIndex(fset, ordersPkg, []*ast.File{f}, nil)
	got := p.Unmatched(idx)
	for _, want := range []string{".(*Server).ListOrders", ".BenchmarkServe.func1"} {
		if !slices.Contains(got, ordersPkg+want) {
			t.Errorf("Unmatched = %v, want %s among them", got, want)
		}
	}
	// The literals kept their lines: matched by site under their old names.
	if slices.Contains(got, ordersPkg+".(*Server).ListOrders.func2") {
		t.Errorf("Unmatched = %v: a literal at the same place should still match", got)
	}
}

func TestForeignProfile(t *testing.T) {
	p := loadTestdata(t, "foreign.pgo")
	if p.Covers(ordersPkg) || p.Covers("example.com/shop") || p.Covers("main") {
		t.Error("another program's profile covers the order service")
	}
	if !p.Covers("example.com/thumbs") {
		t.Error("the profile does not cover its own program")
	}
	if p.Covers("example.com/thumb") || p.Covers("example.com") {
		t.Error("Covers matched a prefix of a package path")
	}
	if _, _, ok := p.Share(ordersPkg + ".(*Server).ListOrders"); ok {
		t.Error("another program's profile has a share for the handler")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join(serviceDir, "default.pgo"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"empty.pgo":     nil,
		"text.pgo":      []byte("this is not a profile\n"),
		"truncated.pgo": good[:len(good)/2],
		"garbage.pgo":   bytes.Repeat([]byte{0x0a, 0xff}, 100),
		"heap.pgo":      heapProfile(t),
		"idle.pgo":      writeProfile(t, cpuProfile()),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ file, want string }{
		{"missing.pgo", "no such file"},
		{"empty.pgo", "not a pprof profile"},
		{"text.pgo", "not a pprof profile"},
		{"truncated.pgo", "not a valid pprof profile"},
		{"garbage.pgo", "not a valid pprof profile"},
		{"heap.pgo", "not a CPU profile"},
		{"idle.pgo", "no CPU samples"},
	} {
		path := filepath.Join(dir, tc.file)
		p, err := Load(path)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("Load(%s) = %v, %v; want an error naming the file and saying %q", tc.file, p, err, tc.want)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.pgo")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v is not fs.ErrNotExist", err)
	}
	if _, err := Load(filepath.Join(dir, "idle.pgo")); !errors.Is(err, ErrNoSamples) {
		t.Errorf("idle profile: %v is not ErrNoSamples", err)
	}
}

func heapProfile(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pprof.Lookup("heap").WriteTo(&buf, 0); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cpuProfile returns an empty profile shaped as runtime/pprof writes one.
func cpuProfile() *profile.Profile {
	return &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
		PeriodType: &profile.ValueType{Type: "cpu", Unit: "nanoseconds"},
		Period:     10_000_000,
	}
}

func writeProfile(t testing.TB, p *profile.Profile) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// builder makes small profiles by hand for exact arithmetic.
type builder struct {
	p     *profile.Profile
	funcs map[string]*profile.Function
}

func newBuilder() *builder {
	return &builder{p: cpuProfile(), funcs: map[string]*profile.Function{}}
}

// fn returns the function of that name, declared in file at line.
func (b *builder) fn(name, file string, line int64) *profile.Function {
	if f, ok := b.funcs[name]; ok {
		return f
	}
	f := &profile.Function{ID: uint64(len(b.p.Function) + 1), Name: name, SystemName: name, Filename: file, StartLine: line}
	b.p.Function = append(b.p.Function, f)
	b.funcs[name] = f
	return f
}

// loc makes a location whose frames are innermost first (inlined calls).
func (b *builder) loc(frames ...*profile.Function) *profile.Location {
	l := &profile.Location{ID: uint64(len(b.p.Location) + 1), Address: uint64(0x1000 + len(b.p.Location))}
	for _, f := range frames {
		l.Line = append(l.Line, profile.Line{Function: f, Line: f.StartLine + 1})
	}
	b.p.Location = append(b.p.Location, l)
	return l
}

// sample adds n samples of the stack, leaf first.
func (b *builder) sample(n int64, stack ...*profile.Location) {
	b.p.Sample = append(b.p.Sample, &profile.Sample{Location: stack, Value: []int64{n, n * 10_000_000}})
}

func (b *builder) load(t *testing.T) *Profile {
	t.Helper()
	p, err := parse(writeProfile(t, b.p))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestShares(t *testing.T) {
	b := newBuilder()
	a, bb, c := b.fn("main.a", "/src/app/main.go", 10), b.fn("main.b", "/src/app/main.go", 20), b.fn("main.c", "/src/app/main.go", 30)
	inlined := b.loc(c, bb) // c inlined into b
	la, lb := b.loc(a), b.loc(bb)
	b.sample(30, inlined, la) // c <- b <- a
	b.sample(10, lb, lb, la)  // b <- b <- a: recursion counts once
	b.sample(60, la)
	p := b.load(t)

	if p.Samples() != 100 {
		t.Errorf("Samples() = %d, want 100", p.Samples())
	}
	for _, tc := range []struct {
		name      string
		flat, cum float64
	}{
		{"main.a", 0.6, 1.0},
		{"main.b", 0.1, 0.4},
		{"main.c", 0.3, 0.3},
	} {
		flat, cum, ok := p.Share(tc.name)
		if !ok || !near(flat, tc.flat) || !near(cum, tc.cum) {
			t.Errorf("Share(%s) = %.3f, %.3f, %v; want %.3f, %.3f", tc.name, flat, cum, ok, tc.flat, tc.cum)
		}
	}
	if _, _, ok := p.Share("main.d"); ok {
		t.Error("Share of an absent function is ok")
	}
}

func TestGenericShapesAddUp(t *testing.T) {
	b := newBuilder()
	top := b.loc(b.fn("main.main", "/src/app/main.go", 1))
	b.sample(20, b.loc(b.fn("example.com/x.Map[go.shape.int,go.shape.string]", "/src/x/x.go", 5)), top)
	b.sample(30, b.loc(b.fn("example.com/x.Map[go.shape.struct { A example.com/x.T }]", "/src/x/x.go", 5)), top)
	b.sample(50, b.loc(b.fn("example.com/x.(*Set[go.shape.int]).Add", "/src/x/x.go", 9)), top)
	p := b.load(t)
	if flat, _, ok := p.Share("example.com/x.Map[...]"); !ok || !near(flat, 0.5) {
		t.Errorf("Map[...] flat %.3f, %v; want 0.5", flat, ok)
	}
	if flat, _, ok := p.Share("example.com/x.(*Set[...]).Add"); !ok || !near(flat, 0.5) {
		t.Errorf("(*Set[...]).Add flat %.3f, %v; want 0.5", flat, ok)
	}
	if !p.Covers("example.com/x") {
		t.Error("a type argument's path hides the package")
	}
}

// TestInlinedClosureCopies: inlining copies F.func1 into its callers as
// Caller.F.func3; the copies keep the literal's file and line.
func TestInlinedClosureCopies(t *testing.T) {
	b := newBuilder()
	caller := b.fn("example.com/x.Caller", "/build/x/x.go", 3)
	b.sample(10, b.loc(b.fn("example.com/x.F.func1", "/build/x/x.go", 12)))
	b.sample(15, b.loc(b.fn("example.com/x.Caller.F.func3", "/build/x/x.go", 12), caller))
	b.sample(25, b.loc(b.fn("example.com/x.Other.F.func1", "/build/x/x.go", 12)))
	b.sample(50, b.loc(caller))
	p := b.load(t)

	// Analyzed elsewhere: another absolute path, the same package dir and file.
	fn := Func{Name: "example.com/x.F.func1", File: "/home/dev/src/x/x.go", Line: 12}
	if flat, _, ok := p.ShareOf(fn); !ok || !near(flat, 0.5) {
		t.Errorf("ShareOf(F.func1) flat %.3f, %v; want 0.5 (the literal and its two copies)", flat, ok)
	}
	if _, cum, _ := p.Share("example.com/x.Caller"); !near(cum, 0.65) {
		t.Errorf("Caller cum %.3f, want 0.65", cum)
	}
	moved := Func{Name: "example.com/x.F.func1", File: "/home/dev/src/x/x.go", Line: 40}
	if flat, _, _ := p.ShareOf(moved); !near(flat, 0.5) {
		t.Errorf("by name, ShareOf(F.func1) flat %.3f; want 0.5", flat)
	}
	onlyCopy := Func{Name: "example.com/x.G.func1", File: "/src/x/x.go", Line: 12}
	if _, _, ok := p.ShareOf(onlyCopy); !ok {
		t.Error("a literal known only by its copies' site was not found")
	}
	// The module root's directory is named differently on each machine.
	root := Func{Name: "example.com/x.G.func1", File: "/home/dev/checkout/x.go", Line: 12}
	if _, _, ok := p.ShareOf(root); !ok {
		t.Error("a literal in a differently named directory was not found by file name and line")
	}
}

// TestSitesPreferTheClosestPath: two files named alike, each with a literal
// at the same line.
func TestSitesPreferTheClosestPath(t *testing.T) {
	b := newBuilder()
	b.sample(10, b.loc(b.fn("example.com/a.Caller.F.func1", "/build/a/util.go", 7)))
	b.sample(90, b.loc(b.fn("example.com/b.Caller.G.func1", "/build/b/util.go", 7)))
	p := b.load(t)
	for file, want := range map[string]float64{"/src/a/util.go": 0.1, "/src/b/util.go": 0.9} {
		flat, _, ok := p.ShareOf(Func{Name: "example.com/x.H.func1", File: file, Line: 7})
		if !ok || !near(flat, want) {
			t.Errorf("ShareOf(%s) = %.2f, %v; want %.2f", file, flat, ok, want)
		}
	}
}

// TestSampleTypes: weighed by CPU time when there is one, else by count;
// a profile with a CPU period but other names by its last value.
func TestSampleTypes(t *testing.T) {
	b := newBuilder()
	f := b.loc(b.fn("main.f", "/a/b.go", 1))
	g := b.loc(b.fn("main.g", "/a/b.go", 5))
	b.p.Sample = []*profile.Sample{
		{Location: []*profile.Location{f}, Value: []int64{1, 90}},
		{Location: []*profile.Location{g}, Value: []int64{3, 10}},
	}
	if flat, _, _ := b.load(t).Share("main.f"); !near(flat, 0.9) {
		t.Errorf("by cpu/nanoseconds: flat %.3f, want 0.9", flat)
	}
	b.p.SampleType = []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "wall", Unit: "nanoseconds"}}
	if flat, _, _ := b.load(t).Share("main.f"); !near(flat, 0.25) {
		t.Errorf("by samples/count: flat %.3f, want 0.25", flat)
	}
	b.p.SampleType = []*profile.ValueType{{Type: "ticks", Unit: "count"}, {Type: "time", Unit: "nanoseconds"}}
	if flat, _, _ := b.load(t).Share("main.f"); !near(flat, 0.9) {
		t.Errorf("by the last value: flat %.3f, want 0.9", flat)
	}

	// CPU time only (a converted profile): samples are time over period.
	b.p.SampleType = []*profile.ValueType{{Type: "cpu", Unit: "nanoseconds"}}
	b.p.Period = 10
	b.p.Sample = []*profile.Sample{
		{Location: []*profile.Location{f}, Value: []int64{90}},
		{Location: []*profile.Location{g}, Value: []int64{0}}, // weighs nothing
	}
	p := b.load(t)
	if p.Samples() != 9 {
		t.Errorf("Samples() = %d, want 9", p.Samples())
	}
	if _, _, ok := p.Share("main.g"); ok {
		t.Error("a function with no weight has a share")
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// FuzzParse: no input makes Load panic.
func FuzzParse(f *testing.F) {
	good, err := os.ReadFile(filepath.Join(serviceDir, "foreign.pgo"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte{})
	f.Add([]byte{0x1f, 0x8b})
	f.Add([]byte{0x0a, 0x04, 0x08, 0x01, 0x10, 0x02})
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse(data)
		if err == nil && (p == nil || p.total <= 0) {
			t.Errorf("parse returned no error and %v", p)
		}
	})
}
