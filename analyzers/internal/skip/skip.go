// Package skip holds the rules for code perflint never reports on: tests
// and generated files. (//nolint is the drivers' business, not the
// analyzers': see cmd/perflint/internal/suppress.)
package skip

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// File reports whether findings in f are not reported: a _test.go file, or
// a generated one (// Code generated ... DO NOT EDIT.).
func File(pass *analysis.Pass, f *ast.File) bool {
	name := pass.Fset.File(f.FileStart).Name()
	return strings.HasSuffix(name, "_test.go") || ast.IsGenerated(f)
}

// Files returns the files of the package whose findings are reported.
func Files(pass *analysis.Pass) []*ast.File {
	var keep []*ast.File
	for _, f := range pass.Files {
		if !File(pass, f) {
			keep = append(keep, f)
		}
	}
	return keep
}

// Pos reports whether a finding at pos is not reported.
func Pos(pass *analysis.Pass, pos token.Pos) bool {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return File(pass, f)
		}
	}
	return true
}

// TestHelper reports whether fn (a *ast.FuncDecl) takes a *testing.T, B or
// F, or a testing.TB: a test helper kept in a non-test file (a testutil
// package's seeding function), which runs only under go test.
func TestHelper(info *types.Info, fn *ast.FuncDecl) bool {
	if fn == nil || fn.Type.Params == nil {
		return false
	}
	for _, field := range fn.Type.Params.List {
		t := info.TypeOf(field.Type)
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "testing" {
			continue
		}
		switch named.Obj().Name() {
		case "T", "B", "F", "TB":
			return true
		}
	}
	return false
}

// TestSupportPackage reports whether pkg is a test-support package by the
// standard library's naming (net/http/httptest, an in-house .../httptest):
// the servers and clients it builds only ever run under tests.
func TestSupportPackage(pkg *types.Package) bool {
	path := pkg.Path()
	return path == "httptest" || strings.HasSuffix(path, "/httptest")
}

// Imports returns the packages the package's non-test files import: what
// a package and its test variant share.
func Imports(pass *analysis.Pass) []*types.Package {
	byPath := make(map[string]*types.Package)
	for _, p := range pass.Pkg.Imports() {
		byPath[p.Path()] = p
	}
	var out []*types.Package
	seen := make(map[string]bool)
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go") {
			continue
		}
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err == nil && !seen[path] && byPath[path] != nil {
				seen[path] = true
				out = append(out, byPath[path])
			}
		}
	}
	return out
}
