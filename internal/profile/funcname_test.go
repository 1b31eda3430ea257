package profile

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"regexp"
	"strings"
	"testing"
)

// nameSource marks positions with /*@name*/: FuncName at the comment must
// be example.com/app/lib%2ev2.name.
const nameSource = `package lib

type seq func(yield func(int) bool)

type T struct{}
type A = T
type G[K comparable, V any] struct{}

const off = false

var (
	x = 1 /*@init*/
	h = func() { _ = k /*@init.func2*/ } // initialized after k
	k = func() int { /*@init.func1*/ return x }()
)

func F() { /*@F*/
	_ = func() { /*@F.func1*/
		_ = func() { /*@F.func1.1*/ }
		_ = func() { /*@F.func1.2*/ }
	}
	_ = func() { /*@F.func2*/ }
}

func (T) V()      { /*@T.V*/ }
func (*T) P()     { /*@(*T).P*/ }
func (a A) AV()   { /*@T.AV*/ }
func (*G[K, V]) M() { _ = func() { /*@(*G[...]).M.func1*/ } }
func (G[_, _]) N()  { /*@G[...].N*/ }
func Gen[E any]()   { _ = func() { /*@Gen[...].func1*/ } }

func R(s seq) {
	for range s { /*@R-range1*/
		_ = func() { /*@R.func1*/ }
		for range s { /*@R-range2*/ }
	}
	for range []int{} { /*@R*/ }
	_ = func() { /*@R.func2*/
		for range s { /*@R.func2-range1*/ }
	}
}

func D() int {
	if off {
		_ = func() {}
	}
	_ = func() { /*@D.func1*/ }
	if true {
		_ = func() { /*@D.func2*/ }
	} else {
		_ = func() {}
	}
	switch {
	case true:
		return 0
		_ = func() {}
	}
	_ = func() { /*@D.func3*/ }
	return 1
	_ = func() {}
	panic(0)
}

func L(b bool) {
	if b {
		if true {
			return
		}
		_ = func() {}
	}
	goto X
	_ = func() { /*@L.func1*/ } // kept: a label follows
X:
	for {
		_ = func() { /*@L.func2*/ }
	}
	_ = func() { /*@L.func3*/ } // kept: the compiler does not judge loops
}

func init() { _ = func() { /*@init.0.func1*/ } }
func init() { /*@init.1*/ }

func _() { _ = func() { /*@glob..func1*/ } }
`

func TestFuncName(t *testing.T) {
	const pkgPath = "example.com/app/lib.v2"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "lib.go", nameSource, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{}).Check(pkgPath, fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	marks := regexp.MustCompile(`^/\*@(.*)\*/$`)
	n := 0
	for _, cg := range f.Comments {
		m := marks.FindStringSubmatch(cg.Text())
		if m == nil {
			m = marks.FindStringSubmatch(cg.List[0].Text)
		}
		if m == nil {
			continue
		}
		n++
		want := "example.com/app/lib%2ev2." + m[1]
		if got := FuncName(info, f, pkgPath, cg.Pos()); got != want {
			t.Errorf("line %d: FuncName = %s, want %s", fset.Position(cg.Pos()).Line, got, want)
		}
	}
	if n < 25 {
		t.Fatalf("found %d marks", n)
	}
	if got := FuncName(info, f, pkgPath, f.Package); got != "" {
		t.Errorf("outside any function: %q, want \"\"", got)
	}
	if got := FuncName(info, nil, pkgPath, f.Package); got != "" {
		t.Errorf("nil file: %q", got)
	}
}

// TestFuncNameWithoutTypes: receivers and generics are read from syntax.
func TestFuncNameWithoutTypes(t *testing.T) {
	src := `package main
func (t *T[K]) M() { _ = func() { /*here*/ } }
func (t T) V() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	pos := token.Pos(int(f.FileStart) + strings.Index(src, "/*here*/"))
	if got, want := FuncName(nil, f, "example.com/cmd/app", pos), "main.(*T[...]).M.func1"; got != want {
		t.Errorf("FuncName = %s, want %s", got, want)
	}
	pos = token.Pos(int(f.FileStart) + strings.Index(src, "{}"))
	if got, want := FuncName(nil, f, "example.com/cmd/app", pos), "main.T.V"; got != want {
		t.Errorf("FuncName = %s, want %s", got, want)
	}
}

// TestIndexInitsAcrossFiles: func init is numbered across the package's
// files in build order.
func TestIndexInitsAcrossFiles(t *testing.T) {
	fset := token.NewFileSet()
	var files []*ast.File
	for i, src := range []string{
		"package p\nfunc init() {}\nfunc init() {}\n",
		"package p\nfunc init() { _ = func() {} }\n",
	} {
		f, err := parser.ParseFile(fset, string(rune('a'+i))+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	idx := NewIndex(fset, "example.com/p", files, nil)
	var names []string
	for _, fn := range idx.Funcs() {
		names = append(names, fn.Name+"@"+fn.File)
	}
	want := "example.com/p.init@ example.com/p.init.0@a.go example.com/p.init.1@a.go example.com/p.init.2@b.go example.com/p.init.2.func1@b.go"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("Funcs:\n got %s\nwant %s", got, want)
	}
	if idx.Package() != "example.com/p" {
		t.Errorf("Package() = %s", idx.Package())
	}
}

func TestSymbols(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"example.com/x", "example.com/x"},
		{"gopkg.in/yaml.v3", "gopkg.in/yaml%2ev3"},
		{"example.com/a b", "example.com/a%20b"},
		{"main", "main"},
	} {
		if got := symbolPackage(tc.in); got != tc.want {
			t.Errorf("symbolPackage(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"p.F", "p.F"},
		{"p.F[go.shape.int]", "p.F[...]"},
		{"p.(*T[go.shape.map[string]int,go.shape.int]).M.func1", "p.(*T[...]).M.func1"},
		{"p.F[...]", "p.F[...]"},
		{"p.F[go.shape", "p.F[...]"},
	} {
		if got := normalize(tc.in); got != tc.want {
			t.Errorf("normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	closures := map[string]bool{
		"p.F": false, "p.init.0": false, "p.(*T).M": false, "example.com/func1.F": false,
		"p.F.func1": true, "p.F.func1.2": true, "p.F-range1": true, "p.glob..func1": true,
		"p.F.gowrap2": true, "p.Caller.F.func3": true, "p.F[go.shape.func1].M": false,
		"p.funcX.Y": false,
	}
	for name, want := range closures {
		if got := isClosure(name); got != want {
			t.Errorf("isClosure(%q) = %v", name, got)
		}
	}
	for _, tc := range []struct {
		name, prefix string
		want         bool
	}{
		{"example.com/x.F", "example.com/x.", true},
		{"example.com/x.F[go.shape.struct { A example.com/y.T }]", "example.com/x.", true},
		{"example.com/x.y/z.F", "example.com/x.", false},
		{"example.com/xy.F", "example.com/x.", false},
	} {
		if got := inPackage(tc.name, tc.prefix); got != tc.want {
			t.Errorf("inPackage(%q, %q) = %v", tc.name, tc.prefix, got)
		}
	}
	for name, want := range map[string]string{
		"example.com/x.F": "example.com/x",
		"example.com/x.(*T[go.shape.struct { A example.com/y.T }]).M": "example.com/x",
		"gopkg.in/yaml%2ev3.Unmarshal":                                "gopkg.in/yaml%2ev3",
		"main.main.func1":                                             "main",
		"runtime.mallocgc":                                            "runtime",
		"nodot":                                                       "nodot",
	} {
		if got := packageOf(name); got != want {
			t.Errorf("packageOf(%q) = %q, want %q", name, got, want)
		}
	}
	if got := commonSuffix(slashed(`C:\src\x\x.go`), "/home/x/x.go"); got != 2 {
		t.Errorf("commonSuffix = %d, want 2", got)
	}
}

// FuzzIndex: no source, however broken, makes naming panic.
func FuzzIndex(f *testing.F) {
	f.Add(nameSource)
	f.Add("package p\nfunc (") // parse errors leave partial trees
	f.Add("package p\nvar x = func() { for range y { if z { return }; func(){}() } }")
	f.Fuzz(func(t *testing.T, src string) {
		fset := token.NewFileSet()
		file, _ := parser.ParseFile(fset, "f.go", src, parser.SkipObjectResolution)
		if file == nil {
			return
		}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
		(&types.Config{Error: func(error) {}}).Check("example.com/p", fset, []*ast.File{file}, info)
		for _, in := range []*types.Info{info, nil} {
			idx := NewIndex(fset, "example.com/p", []*ast.File{file}, in)
			for pos := file.FileStart; pos <= file.FileEnd; pos += 7 {
				idx.At(pos)
			}
		}
	})
}
