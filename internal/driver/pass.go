package driver

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/types"
	"os"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
)

// plan is the order in which analyzers run on a package: on root packages
// the selected analyzers and everything they require; on dependencies only
// the analyzers that produce facts and what those require (nothing else
// there can affect a root package's findings).
type plan struct {
	roots, deps []*analysis.Analyzer // each in dependency order
}

func newPlan(selected []*analysis.Analyzer) *plan {
	roots := RequiredOrder(selected)
	var withFacts []*analysis.Analyzer
	for _, a := range roots {
		if len(a.FactTypes) > 0 {
			withFacts = append(withFacts, a)
		}
	}
	return &plan{roots: roots, deps: RequiredOrder(withFacts)}
}

func (p *plan) forPackage(root bool) []*analysis.Analyzer {
	if root {
		return p.roots
	}
	return p.deps
}

// RequiredOrder returns analyzers and all they require, each after its
// requirements.
func RequiredOrder(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var order []*analysis.Analyzer
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visit(req)
		}
		order = append(order, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	return order
}

// analyze runs analyzers (in plan order) on n. An analyzer whose
// requirements failed is not run.
//
// In a second visit (whole: see Config.Revisit) the passes see the facts
// of every package's first visit. What they export is about the objects of
// this visit's own type check, which no other package refers to.
func (r *run) analyze(n *node, pkg *types.Package, analyzers []*analysis.Analyzer, files []*ast.File, info *types.Info, whole bool) {
	results := make(map[*analysis.Analyzer]any, len(analyzers))
	failed := make(map[*analysis.Analyzer]bool)
	module := analysisModule(n)
	n.timing.Analyzers = make(map[string]time.Duration, len(analyzers))
	for _, a := range analyzers {
		inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
		var err error
		for _, req := range a.Requires {
			if failed[req] {
				err = fmt.Errorf("failed prerequisite: %s", req.Name)
				break
			}
			inputs[req] = results[req]
		}
		if err == nil {
			pass := r.newPass(n, pkg, a, files, info, module, inputs, whole)
			start := time.Now()
			results[a], err = runPass(pass)
			n.timing.Analyzers[a.Name] = time.Since(start)
		}
		if err != nil {
			failed[a] = true
			n.failures = append(n.failures, Failure{Analyzer: a, PackageID: n.pkg.ID, Err: err})
		}
	}
}

// runPass runs one analyzer on one package, turning a panic into an error:
// one analyzer's bug must not take the whole run down.
func runPass(pass *analysis.Pass) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
		pass.ExportObjectFact, pass.ExportPackageFact = nil, nil // no exports after Run
	}()
	result, err = pass.Analyzer.Run(pass)
	if err == nil {
		if got, want := reflect.TypeOf(result), pass.Analyzer.ResultType; got != want {
			err = fmt.Errorf("internal error: result of type %v, but declared ResultType %v", got, want)
		}
	}
	return result, err
}

func (r *run) newPass(n *node, pkg *types.Package, a *analysis.Analyzer, files []*ast.File, info *types.Info, module *analysis.Module, inputs map[*analysis.Analyzer]any, whole bool) *analysis.Pass {
	visible := n.visible
	if whole {
		visible = func() map[*types.Package]bool { return r.program }
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         r.fset,
		Files:        files,
		OtherFiles:   n.pkg.OtherFiles,
		IgnoredFiles: n.pkg.IgnoredFiles,
		Pkg:          pkg,
		TypesInfo:    info,
		TypesSizes:   n.pkg.TypesSizes,
		Module:       module,
		ResultOf:     inputs,
		Report: func(d analysis.Diagnostic) {
			if n.root {
				n.diags = append(n.diags, Diagnostic{Analyzer: a, PackageID: n.pkg.ID, Diagnostic: d})
			}
		},
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			return r.facts.importFact(a, factKey{obj: obj, typ: reflect.TypeOf(fact)}, fact)
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if obj.Pkg() != pkg {
				panic(fmt.Sprintf("analyzer %s exported a fact for %s, which belongs to another package", a.Name, obj))
			}
			r.facts.exportFact(a, factKey{obj: obj, typ: reflect.TypeOf(fact)}, fact)
		},
		ImportPackageFact: func(pkg *types.Package, fact analysis.Fact) bool {
			return r.facts.importFact(a, factKey{pkg: pkg, typ: reflect.TypeOf(fact)}, fact)
		},
		ExportPackageFact: func(fact analysis.Fact) {
			r.facts.exportFact(a, factKey{pkg: pkg, typ: reflect.TypeOf(fact)}, fact)
		},
		AllObjectFacts: func() []analysis.ObjectFact {
			return r.facts.allObjectFacts(a, visible())
		},
		AllPackageFacts: func() []analysis.PackageFact {
			return r.facts.allPackageFacts(a, visible())
		},
	}
	pass.ReadFile = func(name string) ([]byte, error) {
		if !readable(pass, name) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
		}
		return os.ReadFile(name)
	}
	return pass
}

// readable is Pass.ReadFile's access rule: only the package's own files.
func readable(pass *analysis.Pass, name string) bool {
	if slices.Contains(pass.OtherFiles, name) || slices.Contains(pass.IgnoredFiles, name) {
		return true
	}
	for _, f := range pass.Files {
		if pass.Fset.File(f.FileStart).Name() == name {
			return true
		}
	}
	return false
}

func analysisModule(n *node) *analysis.Module {
	m := n.pkg.Module
	if m == nil {
		return &analysis.Module{} // the checker's convention: never nil
	}
	return &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion}
}

// visible returns the packages whose facts n may see: itself and everything
// it imports, directly or not.
func (n *node) visible() map[*types.Package]bool {
	seen := make(map[*types.Package]bool)
	var walk func(m *node)
	walk = func(m *node) {
		if m.types == nil || seen[m.types] {
			return
		}
		seen[m.types] = true
		for _, dep := range m.imports {
			walk(dep)
		}
	}
	walk(n)
	return seen
}

// factKey identifies a fact: of one type, about an object or a package.
type factKey struct {
	obj types.Object
	pkg *types.Package
	typ reflect.Type
}

// factStore holds every analyzer's facts for the whole run. A package's
// facts are written while it is analyzed and read by its importers, which
// the scheduler starts only afterwards; the lock covers the map itself,
// which packages being analyzed side by side share.
type factStore struct {
	mu    sync.RWMutex
	facts map[*analysis.Analyzer]map[factKey]analysis.Fact
}

func newFactStore() *factStore {
	return &factStore{facts: make(map[*analysis.Analyzer]map[factKey]analysis.Fact)}
}

func (s *factStore) exportFact(a *analysis.Analyzer, key factKey, fact analysis.Fact) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.facts[a]
	if m == nil {
		m = make(map[factKey]analysis.Fact)
		s.facts[a] = m
	}
	m[key] = fact
}

// importFact copies the stored fact into fact, as the checker does.
func (s *factStore) importFact(a *analysis.Analyzer, key factKey, fact analysis.Fact) bool {
	s.mu.RLock()
	stored, ok := s.facts[a][key]
	s.mu.RUnlock()
	if ok {
		reflect.ValueOf(fact).Elem().Set(reflect.ValueOf(stored).Elem())
	}
	return ok
}

func (s *factStore) allObjectFacts(a *analysis.Analyzer, visible map[*types.Package]bool) []analysis.ObjectFact {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var facts []analysis.ObjectFact
	for key, fact := range s.facts[a] {
		if key.obj != nil && visible[key.obj.Pkg()] {
			facts = append(facts, analysis.ObjectFact{Object: key.obj, Fact: fact})
		}
	}
	return facts
}

func (s *factStore) allPackageFacts(a *analysis.Analyzer, visible map[*types.Package]bool) []analysis.PackageFact {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var facts []analysis.PackageFact
	for key, fact := range s.facts[a] {
		if key.pkg != nil && visible[key.pkg] {
			facts = append(facts, analysis.PackageFact{Package: key.pkg, Fact: fact})
		}
	}
	// In the order of their packages, not the map's: what an analyzer
	// derives from the first of several (a name in a message) stays the
	// same from run to run.
	slices.SortFunc(facts, func(x, y analysis.PackageFact) int {
		return cmp.Or(strings.Compare(x.Package.Path(), y.Package.Path()),
			strings.Compare(reflect.TypeOf(x.Fact).String(), reflect.TypeOf(y.Fact).String()))
	})
	return facts
}

// packageFactOf returns a lookup of pkg's package facts, of whichever of
// analyzers declares the fact's type.
func (s *factStore) packageFactOf(analyzers []*analysis.Analyzer, pkg *types.Package) func(analysis.Fact) bool {
	return func(fact analysis.Fact) bool {
		typ := reflect.TypeOf(fact)
		for _, a := range analyzers {
			for _, declared := range a.FactTypes {
				if reflect.TypeOf(declared) == typ && s.importFact(a, factKey{pkg: pkg, typ: typ}, fact) {
					return true
				}
			}
		}
		return false
	}
}
