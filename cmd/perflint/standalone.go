package main

import (
	stdcmp "cmp"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/suite"
	"github.com/perflint/perflint/internal/confidence"
	"github.com/perflint/perflint/internal/driver"
	"github.com/perflint/perflint/internal/ranking"
)

// runStandalone is perflint ./...: it parses args, analyzes the packages
// they name (in dir, "" for the working directory) with the streaming
// in-process driver, and prints the findings as text (multichecker's lines,
// on stdout), JSON (multichecker's tree) or SARIF. -govet, -fix and -diff
// hand the run to go vet instead. It returns the exit code: 1 when packages
// fail to load or an analyzer fails, else 3 with findings, else 0; with
// -json, like multichecker, 0 unless packages fail to load.
//
// ranker is the one the analyzers were wrapped with (nil: none); the run
// tells it which profile to rank by (see resolveProfile).
func runStandalone(analyzers []*analysis.Analyzer, ranker *ranking.Ranker, args []string, dir string, stdout, stderr io.Writer) int {
	d := newDriverFlags(analyzers, stderr)
	addCommandLine(d.fs)
	if err := d.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2 // the flag package printed the error and the usage
	}
	if d.version {
		printVersion(stdout)
		return 0
	}
	sarif := d.sarif || d.format == "sarif"
	switch {
	case d.format != "text" && d.format != "sarif":
		fmt.Fprintf(stderr, "perflint: unknown -format %q (want text or sarif)\n", d.format)
		return 2
	case sarif && (d.json || d.fix || d.diff || d.context >= 0 || d.govet):
		fmt.Fprintln(stderr, "perflint: -sarif cannot be combined with -json, -fix, -diff, -c or -govet")
		return 2
	case d.sort != sortPosition && d.sort != sortProfile:
		fmt.Fprintf(stderr, "perflint: unknown -sort %q (want position or profile)\n", d.sort)
		return 2
	case d.sort == sortProfile && (sarif || d.json || d.govet || d.fix || d.diff):
		fmt.Fprintln(stderr, "perflint: -sort=profile orders text output: -json and -sarif carry each finding's cpu share instead, and -govet, -fix and -diff run through go vet, which cannot sort")
		return 2
	case d.fs.NArg() == 0:
		fmt.Fprintln(stderr, "perflint: no package patterns given, e.g. perflint ./...")
		return 2
	case d.govet || d.fix || d.diff:
		if !d.includeTests {
			fmt.Fprintln(stderr, "perflint: -test=false is not available through go vet (-govet, -fix, -diff)")
			return 2
		}
		return runThroughGoVet(args, dir, stdout, stderr)
	}
	stop, err := startProfiles(d)
	if err != nil {
		fmt.Fprintln(stderr, "perflint:", err)
		return 1
	}
	defer stop()

	if err := resolveProfile(d, ranker, dir, stderr); err != nil {
		fmt.Fprintln(stderr, "perflint:", err)
		return 1
	}
	analyzers = d.selected(analyzers)
	start := time.Now()
	cfg := driver.Config{Dir: dir, Tests: d.includeTests, BuildFlags: d.buildFlags()}
	if d.whole {
		cfg.Revisit = suite.Revisit
	}
	res, err := driver.Run(cfg, analyzers, d.fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, "perflint:", err)
		return 1
	}
	if d.timing {
		defer func() { printTimings(stderr, res, time.Since(start)) }()
	}
	warnProfile(ranker, stderr)
	var notes []string // package errors and analyzer failures
	printed := make(map[string]bool)
	for _, e := range res.PackageErrors {
		if msg := e.Error(); !printed[msg] { // a package and its test variant share files
			printed[msg] = true
			fmt.Fprintln(stderr, msg)
			notes = append(notes, msg)
		}
	}
	for _, id := range res.Skipped {
		msg := fmt.Sprintf("perflint: %s not analyzed: it, or a package it imports, has errors", id)
		fmt.Fprintln(stderr, msg)
		notes = append(notes, msg)
	}
	if res.Partial {
		msg := "perflint: whole-program analysis off: packages of the program could not be analyzed, so what they import and call is unknown; each package is judged on its own"
		fmt.Fprintln(stderr, msg)
		notes = append(notes, msg)
	}
	for _, f := range res.Failures {
		fmt.Fprintln(stderr, "perflint:", f)
		notes = append(notes, f.Error())
	}
	exit := 0
	if len(notes) > 0 {
		exit = 1
	}
	switch {
	case sarif:
		cwd, err := workDir(dir)
		if err != nil {
			fmt.Fprintln(stderr, "perflint:", err)
			return 1
		}
		log := newSARIFLog(analyzers, cwd, withFset(res.Fset, ranker, unique(res)), notes)
		if err := writeJSON(stdout, log); err != nil {
			fmt.Fprintln(stderr, "perflint:", err)
			return 1
		}
		if exit == 0 && len(log.Runs[0].Results) > 0 {
			exit = 3
		}
	case d.json:
		if err := writeJSON(stdout, jsonTree(res, ranker)); err != nil {
			fmt.Fprintln(stderr, "perflint:", err)
			return 1
		}
		if len(res.PackageErrors) == 0 {
			exit = 0 // multichecker's -json convention
		}
	default:
		findings := unique(res)
		if d.sort == sortProfile {
			byShare(res.Fset, ranker, findings)
		}
		for _, diag := range findings {
			printPlain(stdout, res.Fset, d.context, diag.Diagnostic)
		}
		if exit == 0 && len(findings) > 0 {
			exit = 3 // errors take precedence, as in multichecker
		}
	}
	return exit
}

func workDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	return os.Getwd()
}

// unique drops the copies of a finding that a package and its test variant
// both report (the same file is analyzed in each). The copies may differ in
// confidence, when the test variant's files change what the package shows
// (a test that imports a driver): the plain package's copy is kept, since
// it describes the program as it runs.
func unique(res *driver.Result) []driver.Diagnostic {
	type key struct {
		pos, end token.Position
		analyzer string
		message  string
	}
	at := make(map[key]int)
	var kept []driver.Diagnostic
	for _, d := range res.Diagnostics {
		k := key{res.Fset.Position(d.Pos), res.Fset.Position(d.End), d.Analyzer.Name, confidence.Untagged(d.Message)}
		i, seen := at[k]
		switch {
		case !seen:
			at[k] = len(kept)
			kept = append(kept, d)
		case driver.IsTestVariant(kept[i].PackageID) && !driver.IsTestVariant(d.PackageID):
			kept[i] = d
		}
	}
	return kept
}

func withFset(fset *token.FileSet, ranker *ranking.Ranker, diags []driver.Diagnostic) []diagnostic {
	out := make([]diagnostic, len(diags))
	for i, d := range diags {
		out[i] = diagnostic{analyzer: d.Analyzer, fset: fset, Diagnostic: d.Diagnostic, cpu: cpuPercent(fset, ranker, d)}
	}
	return out
}

// cpuPercent is the CPU share of the code a finding sits in, in percent to
// one decimal as the message's tag shows it, or nil when the profile has no
// samples there.
func cpuPercent(fset *token.FileSet, ranker *ranking.Ranker, d driver.Diagnostic) *float64 {
	share, ok := ranker.Share(d.Analyzer.Name, fset.Position(d.Pos), d.Message)
	if !ok {
		return nil
	}
	pct := math.Round(1000*share) / 10
	return &pct
}

// byShare is -sort=profile: findings by the CPU share of their code,
// highest first, then (stably) in the driver's order, by position.
func byShare(fset *token.FileSet, ranker *ranking.Ranker, diags []driver.Diagnostic) {
	type ranked struct {
		share float64
		d     driver.Diagnostic
	}
	list := make([]ranked, len(diags))
	for i, d := range diags {
		share, _ := ranker.Share(d.Analyzer.Name, fset.Position(d.Pos), d.Message)
		list[i] = ranked{share, d}
	}
	slices.SortStableFunc(list, func(x, y ranked) int { return stdcmp.Compare(y.share, x.share) })
	for i, r := range list {
		diags[i] = r.d
	}
}

// printPlain writes a finding as multichecker's text output does: position
// and message, each related position indented by a tab, and with context
// >= 0 the source lines around each.
func printPlain(w io.Writer, fset *token.FileSet, context int, d analysis.Diagnostic) {
	print := func(pos, end token.Pos, message string) {
		posn := fset.Position(pos)
		fmt.Fprintf(w, "%s: %s\n", posn, message)
		if context < 0 {
			return
		}
		last := fset.Position(end)
		if !last.IsValid() || last.Filename != posn.Filename {
			last = posn
		}
		data, err := os.ReadFile(posn.Filename)
		if err != nil {
			return
		}
		lines := strings.Split(string(data), "\n")
		for i := posn.Line - context; i <= last.Line+context; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	print(d.Pos, d.End, d.Message)
	for _, r := range d.Related {
		print(r.Pos, r.End, "\t"+r.Message)
	}
}

// startProfiles starts what -cpuprofile and -trace ask for and returns the
// function that stops them and writes -memprofile.
func startProfiles(d *driverFlags) (stop func(), err error) {
	var stops []func()
	stop = func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	if d.cpuProfile != "" {
		f, err := os.Create(d.cpuProfile)
		if err != nil {
			return stop, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return stop, err
		}
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if d.trace != "" {
		f, err := os.Create(d.trace)
		if err != nil {
			stop()
			return func() {}, err
		}
		if err := trace.Start(f); err != nil {
			f.Close()
			stop()
			return func() {}, err
		}
		stops = append(stops, func() { trace.Stop(); f.Close() })
	}
	if d.memProfile != "" {
		name := d.memProfile
		stops = append(stops, func() {
			f, err := os.Create(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, "perflint:", err)
				return
			}
			runtime.GC()
			if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
				fmt.Fprintln(os.Stderr, "perflint:", err)
			}
			f.Close()
		})
	}
	return stop, nil
}

// The JSON output is multichecker's (analysisflags' JSON tree): package ID
// → analyzer → findings, or {"error": "..."} when the analyzer failed.
type (
	jsonFinding struct {
		Category       string        `json:"category,omitempty"`
		Confidence     string        `json:"confidence,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		CPU            *float64      `json:"cpu,omitempty"` // percent of the profile's CPU in the finding's function
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"` // byte offsets
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonFailure struct {
		Err string `json:"error"`
	}
)

func jsonTree(res *driver.Result, ranker *ranking.Ranker) map[string]map[string]any {
	tree := make(map[string]map[string]any)
	add := func(pkg, analyzer string, v any) {
		if tree[pkg] == nil {
			tree[pkg] = make(map[string]any)
		}
		tree[pkg][analyzer] = v
	}
	byPkg := make(map[[2]string][]jsonFinding)
	for _, d := range unique(res) {
		k := [2]string{d.PackageID, d.Analyzer.Name}
		f := toJSON(res.Fset, d.Diagnostic)
		f.CPU = cpuPercent(res.Fset, ranker, d)
		byPkg[k] = append(byPkg[k], f)
	}
	for k, list := range byPkg {
		add(k[0], k[1], list)
	}
	for _, f := range res.Failures {
		add(f.PackageID, f.Analyzer.Name, jsonFailure{f.Err.Error()})
	}
	return tree
}

func toJSON(fset *token.FileSet, d analysis.Diagnostic) jsonFinding {
	posn := func(pos, end token.Pos) (string, string) {
		if !end.IsValid() {
			end = pos
		}
		return fset.Position(pos).String(), fset.Position(end).String()
	}
	f := jsonFinding{Category: d.Category, Message: d.Message, Confidence: confidence.Of(d).String()}
	f.Posn, f.End = posn(d.Pos, d.End)
	for _, fix := range d.SuggestedFixes {
		jf := jsonFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			start, end := fset.Position(e.Pos), fset.Position(e.End)
			jf.Edits = append(jf.Edits, jsonEdit{Filename: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText)})
		}
		f.SuggestedFixes = append(f.SuggestedFixes, jf)
	}
	for _, r := range d.Related {
		jr := jsonRelated{Message: r.Message}
		jr.Posn, jr.End = posn(r.Pos, r.End)
		f.Related = append(f.Related, jr)
	}
	return f
}

// printTimings is -timing: totals per phase and analyzer, then the slowest
// packages. Packages run side by side, so the sums exceed the wall time.
func printTimings(w io.Writer, res *driver.Result, wall time.Duration) {
	type cost struct {
		name string
		d    time.Duration
	}
	var check time.Duration
	byAnalyzer := make(map[string]time.Duration)
	packages := make([]cost, 0, len(res.Timings))
	for _, t := range res.Timings {
		total := t.Check
		check += t.Check
		for name, d := range t.Analyzers {
			byAnalyzer[name] += d
			total += d
		}
		packages = append(packages, cost{t.PackageID, total})
	}
	analyzers := make([]cost, 0, len(byAnalyzer))
	for name, d := range byAnalyzer {
		analyzers = append(analyzers, cost{name, d})
	}
	slowestFirst := func(list []cost) {
		slices.SortFunc(list, func(x, y cost) int {
			if x.d != y.d {
				return -stdcmp.Compare(x.d, y.d)
			}
			return strings.Compare(x.name, y.name)
		})
	}
	slowestFirst(analyzers)
	slowestFirst(packages)
	ms := func(d time.Duration) string { return fmt.Sprintf("%9.1f ms", float64(d)/float64(time.Millisecond)) }
	fmt.Fprintf(w, "perflint: %d packages in %s (wall)\n", len(res.Timings), strings.TrimSpace(ms(wall)))
	fmt.Fprintf(w, "%s  go list (metadata)\n", ms(res.Load))
	fmt.Fprintf(w, "%s  parse and type-check\n", ms(check))
	for _, a := range analyzers {
		fmt.Fprintf(w, "%s  analyzer %s\n", ms(a.d), a.name)
	}
	fmt.Fprintln(w, "slowest packages (type-check + analyzers):")
	for _, p := range packages[:min(10, len(packages))] {
		fmt.Fprintf(w, "%s  %s\n", ms(p.d), p.name)
	}
}
