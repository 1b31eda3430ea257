package driver

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/types"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// process parses and type-checks n, then runs the analyzers it needs. Only
// n.types and what the analyzers report outlive it.
func (r *run) process(n *node) {
	defer func() {
		// Parsing and type checking do not panic on well-typed input; should
		// they on other input, the package is reported, not the run lost.
		if p := recover(); p != nil {
			n.illTyped = true
			n.errors = append(n.errors, packages.Error{
				Pos:  "-",
				Msg:  fmt.Sprintf("internal error processing %s: %v\n%s", n.pkg.ID, p, debug.Stack()),
				Kind: packages.UnknownError,
			})
		}
	}()
	if n.pkg.PkgPath == "unsafe" {
		n.types = types.Unsafe
		return
	}
	n.errors = append(n.errors, n.pkg.Errors...)
	for _, dep := range n.imports {
		n.illTyped = n.illTyped || dep.illTyped
	}
	analyzers := r.plan.forPackage(n.root)
	start := time.Now()
	files, info, pkg := r.check(n, len(analyzers) > 0)
	n.types = pkg
	n.timing.Check = time.Since(start)
	if len(n.errors) > 0 {
		n.illTyped = true
	}
	if len(analyzers) == 0 || n.illTyped {
		return // analysis needs well-typed code, as the checker's does
	}
	r.analyze(n, pkg, analyzers, files, info, false)
}

// revisit analyzes again, with the whole program's facts in view, the
// well-typed root packages that ask for it (see Config.Revisit), workers
// at a time. Each is parsed and checked again rather than kept from the
// first visit, so that no package's syntax outlives its analysis.
func (r *run) revisit(workers int, ask func(*types.Package, func(analysis.Fact) bool, int, bool) bool) {
	imported := r.importedByRoots()
	var again []*node
	for _, n := range r.order {
		if n.root && !n.illTyped && n.types != nil && ask(n.types, r.facts.packageFactOf(r.plan.roots, n.types), len(n.diags), imported[n.types.Path()]) {
			again = append(again, n)
		}
	}
	r.program = make(map[*types.Package]bool, len(r.nodes))
	for _, n := range r.nodes {
		if n.types != nil {
			r.program[n.types] = true
		}
	}
	next := make(chan *node, len(again))
	for _, n := range again {
		next <- n
	}
	close(next)
	var done sync.WaitGroup
	for range min(workers, len(again)) {
		done.Go(func() {
			for n := range next {
				r.visitAgain(n)
			}
		})
	}
	done.Wait()
}

// packagesMissing reports whether a root package that is not a test
// could not be analyzed (it, or a package it imports, has errors): the
// program in view is then not the whole program, and inferences from
// whole-program facts (no package imports this one, every caller is
// start-up code) would rest on what is missing.
func (r *run) packagesMissing() bool {
	for _, n := range r.order {
		if n.root && !IsTestVariant(n.pkg.ID) && (n.illTyped || n.types == nil) {
			return true
		}
	}
	return false
}

// IsTestVariant reports whether a package ID names a test variant, an
// external test package or a test main ("p [p.test]", "p_test", "p.test").
func IsTestVariant(id string) bool {
	return strings.Contains(id, " [") || strings.HasSuffix(id, ".test") || strings.HasSuffix(id, "_test")
}

// importedByRoots returns the paths of the packages that root packages
// import from their non-test files: a test variant's or a test package's
// imports do not count.
func (r *run) importedByRoots() map[string]bool {
	imported := make(map[string]bool)
	for _, n := range r.order {
		if !n.root || IsTestVariant(n.pkg.ID) {
			continue
		}
		for path := range n.pkg.Imports {
			imported[path] = true
		}
	}
	return imported
}

// visitAgain is one package's second visit: its findings and failures
// replace the first's.
func (r *run) visitAgain(n *node) {
	errs := len(n.errors)
	defer func() {
		if p := recover(); p != nil {
			n.failures = append(n.failures, Failure{PackageID: n.pkg.ID, Analyzer: r.plan.roots[0],
				Err: fmt.Errorf("internal error in the whole-program visit: %v\n%s", p, debug.Stack())})
		}
	}()
	start := time.Now()
	files, info, pkg := r.check(n, true)
	n.timing.Check += time.Since(start)
	if len(n.errors) > errs { // not expected: the first visit checked the same files
		n.errors = n.errors[:errs]
		return
	}
	first := n.diags
	n.diags, n.failures = nil, nil
	r.analyze(n, pkg, r.plan.roots, files, info, true)
	if len(n.failures) > 0 {
		n.diags = first // a failed second visit must not lose what the first found
	}
}

// check parses n's files and type-checks them against its imports' types.
// Function bodies are checked only when analyzers will look at them.
func (r *run) check(n *node, bodies bool) ([]*ast.File, *types.Info, *types.Package) {
	files := make([]*ast.File, 0, len(n.pkg.CompiledGoFiles))
	for _, name := range n.pkg.CompiledGoFiles {
		f, err := parser.ParseFile(r.fset, name, nil, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			n.errors = append(n.errors, parseErrors(name, err)...)
		}
		if f != nil {
			files = append(files, f)
		}
	}

	var info *types.Info
	if bodies {
		info = &types.Info{
			Types:        make(map[ast.Expr]types.TypeAndValue),
			Defs:         make(map[*ast.Ident]types.Object),
			Uses:         make(map[*ast.Ident]types.Object),
			Implicits:    make(map[ast.Node]types.Object),
			Instances:    make(map[*ast.Ident]types.Instance),
			Scopes:       make(map[ast.Node]*types.Scope),
			Selections:   make(map[*ast.SelectorExpr]*types.Selection),
			FileVersions: make(map[*ast.File]string),
		}
	}
	conf := &types.Config{
		Importer:         importerFunc(func(path string) (*types.Package, error) { return n.importTypes(path) }),
		IgnoreFuncBodies: !bodies,
		Sizes:            n.pkg.TypesSizes,
		Error: func(err error) {
			if terr, ok := err.(types.Error); ok {
				n.errors = append(n.errors, packages.Error{
					Pos:  terr.Fset.Position(terr.Pos).String(),
					Msg:  terr.Msg,
					Kind: packages.TypeError,
				})
			}
		},
	}
	if m := n.pkg.Module; m != nil && m.GoVersion != "" {
		conf.GoVersion = "go" + m.GoVersion
	}
	pkg := types.NewPackage(n.pkg.PkgPath, n.pkg.Name)
	before := len(n.errors)
	err := types.NewChecker(conf, r.fset, pkg, info).Files(files)
	if err != nil && len(n.errors) == before {
		// An error the checker did not pass to conf.Error (such as a
		// Go version it cannot handle).
		n.errors = append(n.errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
	}
	return files, info, pkg
}

// importTypes resolves an import path as written in n's source.
func (n *node) importTypes(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	dep := n.byPath[path]
	switch {
	case dep == nil:
		return nil, fmt.Errorf("no metadata for %s", path)
	case dep.types == nil:
		return nil, fmt.Errorf("could not import %s", path)
	}
	return dep.types, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// parseErrors turns a parser error into one packages.Error per message.
func parseErrors(name string, err error) []packages.Error {
	list, ok := err.(scanner.ErrorList)
	if !ok {
		return []packages.Error{{Pos: name, Msg: err.Error(), Kind: packages.ParseError}}
	}
	errs := make([]packages.Error, len(list))
	for i, e := range list {
		errs[i] = packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError}
	}
	return errs
}
