// Package driver runs analyzers over packages in one process, streaming:
// each package is parsed, type-checked and analyzed as soon as its
// dependencies are, and its syntax trees and types.Info are dropped as soon
// as its analysis is done.
//
// x/tools' checker (multichecker, -sarif before this driver) asks go/packages
// for the syntax and types of every package at once: with analyzers that use
// facts that means every dependency's syntax, all held until the end (0.7-1.9
// GiB on ordinary services). Here only the metadata is loaded up front; what
// stays for the whole run is each package's *types.Package (its importers are
// checked against it), the facts, and the root packages' findings. Peak
// memory is then the types of the import graph plus a few packages in flight.
//
// Dependencies run only the analyzers that produce facts (and what those
// require), as the checker does; root packages run every selected analyzer.
// Facts stay in memory, keyed by object, and are never serialized.
package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Config says what to load.
type Config struct {
	Dir   string // working directory of the go command; "" for the current one
	Tests bool   // also load test packages (the variants with _test.go files)
	// BuildFlags are passed to go list, e.g. -tags=integration: they choose
	// the files that make up each package.
	BuildFlags []string
	// Workers bounds how many packages are processed at once; 0 means
	// GOMAXPROCS.
	Workers int
	// Revisit makes the run whole-program. Once every package has been
	// analyzed, each root package for which it returns true is analyzed
	// again: parsed and type-checked anew against the same imports, with
	// the facts of every package of the program in view (AllObjectFacts),
	// not only its imports'. Its findings replace the first visit's; its
	// facts stay those of the first visit, which its importers used.
	// packageFact looks up a package fact the first visit exported;
	// findings counts the first visit's findings; imported tells whether
	// a root package imports pkg from its non-test files.
	Revisit func(pkg *types.Package, packageFact func(analysis.Fact) bool, findings int, imported bool) bool
}

// A Diagnostic is a finding of one analyzer on one root package.
type Diagnostic struct {
	Analyzer  *analysis.Analyzer
	PackageID string // go/packages ID, e.g. "p [p.test]" for a test variant
	analysis.Diagnostic
}

// A Failure is an analyzer that returned an error (or panicked) on a package.
type Failure struct {
	Analyzer  *analysis.Analyzer
	PackageID string
	Err       error
}

func (f Failure) Error() string {
	return fmt.Sprintf("%s: %s: %v", f.PackageID, f.Analyzer.Name, f.Err)
}

// Result is what a run found. Positions are resolved through Fset.
type Result struct {
	Fset *token.FileSet
	// Roots are the IDs of the packages the patterns matched, sorted.
	Roots []string
	// PackageErrors are go list, parse and type errors, of the root packages
	// and of their dependencies, in a deterministic order; analysis of a
	// package with errors (or that imports one) is skipped.
	PackageErrors []packages.Error
	// Skipped are the root packages not analyzed because they, or packages
	// they import, have errors; sorted.
	Skipped []string
	// Partial: the run was asked to be whole-program (Config.Revisit), but
	// a root package that is not a test could not be analyzed, so what the
	// whole program shows (who imports and calls what) is not known, and
	// each package was judged on its own.
	Partial bool
	// Failures are analyzer errors, sorted by package and analyzer.
	Failures []Failure
	// Diagnostics are the root packages' findings, sorted by position,
	// analyzer and message.
	Diagnostics []Diagnostic
	// Load is the time go list took (package metadata); Timings are the
	// packages' own costs, sorted by package ID.
	Load    time.Duration
	Timings []Timing
}

// Timing is what one package cost. Packages run side by side, so times
// include waiting for the CPU.
type Timing struct {
	PackageID string
	Root      bool
	Check     time.Duration            // parsing and type checking
	Analyzers map[string]time.Duration // each analyzer's Run
}

// Run loads the packages matching patterns and analyzes them. It returns an
// error only when the patterns cannot be loaded at all (go list failed or
// matched nothing); errors in packages are in the Result.
func Run(cfg Config, analyzers []*analysis.Analyzer, patterns []string) (*Result, error) {
	if err := analysis.Validate(analyzers); err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	start := time.Now()
	roots, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes,
		Dir:        cfg.Dir,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
		Fset:       fset,
	}, patterns...)
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	r := &run{
		fset:  fset,
		plan:  newPlan(analyzers),
		facts: newFactStore(),
	}
	load := time.Since(start)
	r.build(roots)
	workers := max(1, cmp.Or(cfg.Workers, runtime.GOMAXPROCS(0)))
	r.schedule(workers)
	whole := cfg.Revisit != nil && !r.packagesMissing()
	if whole {
		r.revisit(workers, cfg.Revisit)
	}
	res := r.result()
	res.Load = load
	res.Partial = cfg.Revisit != nil && !whole
	return res, nil
}

// run is the state of one Run. Nodes are written only by the worker that
// processes them; the scheduler's channel orders those writes before any
// importer reads them.
type run struct {
	fset  *token.FileSet
	plan  *plan
	facts *factStore
	nodes []*node // every package, sorted by ID
	order []*node // nodes in dependency order (import cycles left out)
	// program is every package's first-visit types, which second visits
	// see the facts of (set before they start).
	program map[*types.Package]bool
}

// node is one package of the import graph.
type node struct {
	pkg       *packages.Package // metadata only: no syntax, no types
	root      bool
	imports   []*node          // distinct, sorted by import path
	byPath    map[string]*node // imports by the path written in the source
	importers []*node
	pending   atomic.Int32 // imports not yet processed

	// Set by process.
	types    *types.Package
	errors   []packages.Error
	illTyped bool // it, or a package it imports, has errors
	diags    []Diagnostic
	failures []Failure
	timing   Timing
}

// build makes the node graph from the loaded metadata.
func (r *run) build(roots []*packages.Package) {
	byID := make(map[string]*node)
	var add func(p *packages.Package) *node
	add = func(p *packages.Package) *node {
		if n := byID[p.ID]; n != nil {
			return n
		}
		n := &node{pkg: p, byPath: make(map[string]*node, len(p.Imports))}
		byID[p.ID] = n
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			dep := add(p.Imports[path])
			n.byPath[path] = dep
			if !slices.Contains(n.imports, dep) {
				n.imports = append(n.imports, dep)
			}
		}
		return n
	}
	for _, p := range roots {
		add(p).root = true
	}
	for _, n := range byID {
		r.nodes = append(r.nodes, n)
	}
	sort.Slice(r.nodes, func(i, j int) bool { return r.nodes[i].pkg.ID < r.nodes[j].pkg.ID })
	r.order = topological(r.nodes)
}

// topological orders nodes so that every package follows its imports, and
// wires importers and pending counts for the scheduler. go list reports
// import cycles as errors and may still list the edges: packages on or
// above a cycle are left out of the order and reported.
func topological(nodes []*node) []*node {
	indegree := make(map[*node]int, len(nodes))
	for _, n := range nodes {
		indegree[n] = len(n.imports)
		for _, dep := range n.imports {
			dep.importers = append(dep.importers, n)
		}
	}
	var order []*node
	for _, n := range nodes {
		if indegree[n] == 0 {
			order = append(order, n)
		}
	}
	for i := 0; i < len(order); i++ {
		for _, up := range order[i].importers {
			if indegree[up]--; indegree[up] == 0 {
				order = append(order, up)
			}
		}
	}
	for _, n := range nodes {
		n.pending.Store(int32(len(n.imports)))
		if indegree[n] > 0 {
			n.illTyped = true
			n.errors = append(n.errors, packages.Error{
				Pos:  "-",
				Msg:  fmt.Sprintf("package %s is part of, or imports, an import cycle", n.pkg.ID),
				Kind: packages.ListError,
			})
		}
	}
	return order
}

// schedule processes every ordered node on workers goroutines, each node
// once all its imports are done.
func (r *run) schedule(workers int) {
	if len(r.order) == 0 {
		return
	}
	ready := make(chan *node, len(r.order))
	for _, n := range r.order {
		if n.pending.Load() == 0 {
			ready <- n
		}
	}
	var remaining sync.WaitGroup
	remaining.Add(len(r.order))
	for range min(workers, len(r.order)) {
		go func() {
			for n := range ready {
				r.process(n)
				for _, up := range n.importers {
					if up.pending.Add(-1) == 0 {
						ready <- up
					}
				}
				remaining.Done()
			}
		}()
	}
	remaining.Wait()
	close(ready)
}

// result gathers what the nodes found, in a deterministic order.
func (r *run) result() *Result {
	res := &Result{Fset: r.fset}
	for _, n := range r.nodes {
		if n.root {
			res.Roots = append(res.Roots, n.pkg.ID)
			if n.illTyped {
				res.Skipped = append(res.Skipped, n.pkg.ID)
			}
		}
		res.PackageErrors = append(res.PackageErrors, n.errors...)
		res.Failures = append(res.Failures, n.failures...)
		res.Diagnostics = append(res.Diagnostics, n.diags...)
		n.timing.PackageID, n.timing.Root = n.pkg.ID, n.root
		res.Timings = append(res.Timings, n.timing)
	}
	sort.SliceStable(res.Diagnostics, func(i, j int) bool {
		return r.lessDiagnostic(res.Diagnostics[i], res.Diagnostics[j])
	})
	return res
}

func (r *run) lessDiagnostic(x, y Diagnostic) bool {
	px, py := r.fset.Position(x.Pos), r.fset.Position(y.Pos)
	switch {
	case px.Filename != py.Filename:
		return px.Filename < py.Filename
	case px.Line != py.Line:
		return px.Line < py.Line
	case px.Column != py.Column:
		return px.Column < py.Column
	case x.Analyzer.Name != y.Analyzer.Name:
		return x.Analyzer.Name < y.Analyzer.Name
	case x.Message != y.Message:
		return x.Message < y.Message
	}
	return x.PackageID < y.PackageID
}
