// Package ranking weighs perflint's findings with a CPU profile of the
// analyzed program: evidence from production of which code is hot.
//
// A Ranker wraps analyzers as confidence.Filter does, and must sit inside
// it (confidence.Filter(r.Wrap(a), min)) so that filtering sees the level
// it sets. For each finding it looks up the cumulative CPU share of the
// function the finding sits in (the innermost function, literal or
// declared, as the profile names it) and
//
//   - ends the message with " [cpu 4.2%]" when the function has samples;
//   - when the profile covers the package (has samples in it) and has at
//     least profile.MinSamples samples, makes a finding in a function with
//     samples high ("the profile saw it run": nothing says more surely that
//     code runs than seeing it run in production) and drops a finding in a
//     function without samples one level ("the profile never saw it run").
//     Otherwise the level is left as the analyzer set it.
//
// The share of every finding it tagged is kept in a side table, keyed by
// analyzer, position and final message, so that a driver can print it (JSON,
// SARIF, sorting) without parsing messages. The table belongs to the
// Ranker, which belongs to one run; it is safe for concurrent passes.
package ranking

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/internal/confidence"
	"github.com/perflint/perflint/internal/profile"
)

// Off is the -profile value that turns ranking off.
const Off = "off"

// Reasons added to a finding's confidence tag.
const (
	sawRun   = "the profile saw it run"
	neverRan = "the profile never saw it run"
)

// A Ranker ranks the findings of the analyzers it wraps by one profile.
// The zero value and nil rank nothing.
type Ranker struct {
	// Where the profile comes from: given (Use), or read on the first
	// finding from the path *lazy names (LoadOnFirstFinding).
	lazy *string
	once sync.Once
	prof *profile.Profile
	err  error

	roots map[string]bool // package paths whose coverage is tallied; nil: rank every package, tally none

	mu     sync.Mutex
	shares map[Key]float64
	seen   map[*types.Package]bool
	pkgs   map[string][]map[string]bool // by package path: the profile functions each variant does not match
	hits   map[string]bool              // package paths the profile covers
}

// Key names a finding in the side table.
type Key struct {
	Analyzer string
	Pos      token.Position
	Message  string // as reported, tags included
}

// New returns a Ranker that ranks nothing until Use or LoadOnFirstFinding.
func New() *Ranker { return &Ranker{} }

// Use ranks by p (nil: nothing). With roots (package import paths), only
// findings in those packages are ranked, and Coverage reports on them;
// with none, every package's findings are ranked and Coverage knows
// nothing. Call it before the analyzers run.
func (r *Ranker) Use(p *profile.Profile, roots []string) {
	r.once.Do(func() {}) // the profile is given: nothing to load
	r.prof = p
	if len(roots) > 0 {
		r.roots = make(map[string]bool, len(roots))
		for _, path := range roots {
			r.roots[path] = true
		}
	}
}

// LoadOnFirstFinding makes r read the profile *path names (flags are parsed
// after analyzers are wrapped) when the first finding is reported, once:
// as go vet runs a process per package, most of which report nothing.
// An empty path or Off ranks nothing.
func (r *Ranker) LoadOnFirstFinding(path *string) { r.lazy = path }

// profile returns the profile to rank by, loading it on first use.
func (r *Ranker) profile() (*profile.Profile, error) {
	r.once.Do(func() {
		if r.lazy == nil || *r.lazy == "" || *r.lazy == Off {
			return
		}
		r.prof, r.err = profile.Load(*r.lazy)
	})
	return r.prof, r.err
}

// Wrap returns a copy of a whose findings are ranked by r. Requires, facts
// and flags are shared with a.
func (r *Ranker) Wrap(a *analysis.Analyzer) *analysis.Analyzer {
	if r == nil {
		return a
	}
	wrapped := *a
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		if r.roots != nil && !r.roots[pass.Pkg.Path()] {
			return a.Run(pass) // a dependency: its findings are not shown
		}
		pr := &passRanker{r: r, pass: pass, analyzer: a.Name}
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) { report(pr.rank(d)) }
		result, err := a.Run(pass)
		r.tally(pr)
		if err == nil && pr.err != nil {
			err = fmt.Errorf("-profile: %w", pr.err)
		}
		return result, err
	}
	return &wrapped
}

// passRanker ranks the findings of one pass: one index of the package's
// functions, built on the first finding.
type passRanker struct {
	r        *Ranker
	pass     *analysis.Pass
	analyzer string
	idx      *profile.Index
	strong   bool // the profile covers the package with enough samples to judge
	err      error
}

func (pr *passRanker) index(p *profile.Profile) *profile.Index {
	if pr.idx == nil {
		pass := pr.pass
		pr.idx = profile.NewIndex(pass.Fset, pass.Pkg.Path(), pass.Files, pass.TypesInfo)
		pr.strong = pr.idx.Covered(p) && p.Samples() >= profile.MinSamples
	}
	return pr.idx
}

func (pr *passRanker) rank(d analysis.Diagnostic) analysis.Diagnostic {
	p, err := pr.r.profile()
	if err != nil {
		pr.err = err
	}
	if p == nil {
		return d
	}
	idx := pr.index(p)
	var cum float64
	hot := false
	if fn, ok := idx.At(d.Pos); ok {
		_, cum, hot = p.ShareOf(fn)
	}
	switch {
	case pr.strong && hot:
		confidence.Reset(&d, confidence.High, sawRun)
	case pr.strong:
		confidence.Reset(&d, confidence.Of(d).Lower(), neverRan)
	}
	if hot {
		d.Message += fmt.Sprintf(" [cpu %s%%]", Percent(cum))
		pr.r.record(Key{pr.analyzer, pr.pass.Fset.Position(d.Pos), d.Message}, cum)
	}
	return d
}

// Percent renders a share (0..1) as the tag and the drivers show it.
func Percent(share float64) string { return fmt.Sprintf("%.1f", 100*share) }

func (r *Ranker) record(k Key, share float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.shares == nil {
		r.shares = make(map[Key]float64)
	}
	r.shares[k] = share
}

// Share returns the cumulative CPU share (0..1) of the function a finding
// sits in, if the profile has samples in it.
func (r *Ranker) Share(analyzer string, pos token.Position, message string) (float64, bool) {
	if r == nil {
		return 0, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	share, ok := r.shares[Key{analyzer, pos, message}]
	return share, ok
}

// tally records, once per package variant of the roots, whether the profile
// covers it and which of the profile's functions of it the source lacks.
func (r *Ranker) tally(pr *passRanker) {
	if r.roots == nil || r.prof == nil {
		return
	}
	pkg := pr.pass.Pkg
	r.mu.Lock()
	if r.seen == nil {
		r.seen = make(map[*types.Package]bool)
		r.pkgs = make(map[string][]map[string]bool)
		r.hits = make(map[string]bool)
	}
	claimed := !r.seen[pkg]
	r.seen[pkg] = true
	r.mu.Unlock()
	if !claimed {
		return
	}
	idx := pr.index(r.prof)
	unmatched := make(map[string]bool)
	for _, name := range r.prof.Unmatched(idx) {
		unmatched[name] = true
	}
	covered := idx.Covered(r.prof)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pkgs[pkg.Path()] = append(r.pkgs[pkg.Path()], unmatched)
	if covered {
		r.hits[pkg.Path()] = true
	}
}

// Tallying reports whether Coverage will know something: a profile is in
// use, with roots.
func (r *Ranker) Tallying() bool { return r != nil && r.prof != nil && r.roots != nil }

// Coverage tells, after a run with roots (see Use), whether the profile
// covers any of the analyzed packages, and which of its functions in them
// the code no longer has (sorted): those no variant of their package (with
// or without its _test.go files) matches.
func (r *Ranker) Coverage() (covered bool, stale []string) {
	if r == nil {
		return false, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, variants := range r.pkgs {
		for name := range variants[0] {
			if !slices.ContainsFunc(variants[1:], func(v map[string]bool) bool { return !v[name] }) {
				stale = append(stale, name)
			}
		}
	}
	slices.Sort(stale)
	return len(r.hits) > 0, stale
}

// Usage is the -profile flag's help text.
const Usage = "CPU profile (pprof) to rank findings by: a finding in code the profile saw run becomes high confidence and shows its CPU share, one in code it never saw drops a level. " +
	"Default: the default.pgo of the analyzed main package; off: none (see README, Ranking by a production profile)"

// VetUsage is the -profile flag's help text under go vet -vettool, where only
// an explicit profile applies.
const VetUsage = "CPU profile (pprof) to rank findings by; an absolute path (go vet runs the tool in each package's directory). " +
	"No default.pgo is looked for under go vet"
