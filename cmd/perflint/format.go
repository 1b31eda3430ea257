package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// runAlternateFormat handles output formats that multichecker lacks (SARIF).
// It reports ok=false when args ask for none of them.
//
// -sarif (or -format=sarif) writes one SARIF 2.1.0 log to standard output.
// Every other flag means what it means to multichecker: -NAME and -NAME=false
// choose analyzers, -NAME.option sets an option, -test=false leaves test files
// out. The exit code is 3 when there are results, 1 when packages fail to
// load or an analyzer fails, 0 otherwise.
func runAlternateFormat(analyzers []*analysis.Analyzer, args []string) (code int, ok bool) {
	if vetMode(args) {
		return 0, false // go vet -vettool: unitchecker's protocol, not ours
	}
	if !wantsSARIF(analyzers, args) {
		// Let multichecker accept (and document) the flags of this hook.
		flag.Bool("sarif", false, "write results as SARIF 2.1.0 to standard output (same as -format=sarif)")
		flag.String("format", "text", "output format: text, or sarif (SARIF 2.1.0 on standard output)")
		return 0, false
	}
	return runSARIF(analyzers, args, "", os.Stdout, os.Stderr), true
}

// vetMode reports whether the go command is driving this process: it asks
// for the flags (-flags), the version (-V=full) or runs one unit (x.cfg).
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V") || strings.HasPrefix(a, "--V") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// wantsSARIF reports whether args ask for SARIF. It parses them as the SARIF
// driver would, with the analyzers' option values stood in for, so that
// nothing is set twice.
func wantsSARIF(analyzers []*analysis.Analyzer, args []string) bool {
	stubs := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		stub := &analysis.Analyzer{Name: a.Name}
		a.Flags.VisitAll(func(f *flag.Flag) {
			b, ok := f.Value.(interface{ IsBoolFlag() bool })
			stub.Flags.Var(stubValue(ok && b.IsBoolFlag()), f.Name, f.Usage)
		})
		stubs[i] = stub
	}
	d := newDriverFlags(stubs, io.Discard)
	addCommandLine(d.fs, true)
	if err := d.fs.Parse(args); err != nil {
		return false // multichecker reports the error
	}
	return d.sarif || d.format == "sarif"
}

// stubValue is a flag value that accepts anything; true: a boolean flag.
type stubValue bool

func (stubValue) String() string     { return "" }
func (stubValue) Set(string) error   { return nil }
func (v stubValue) IsBoolFlag() bool { return bool(v) }

// driverFlags mirrors the flags multichecker accepts (analysisflags.Parse and
// checker.RegisterFlags), on a flag set of its own.
type driverFlags struct {
	fs           *flag.FlagSet
	enabled      map[*analysis.Analyzer]*triState
	sarif        bool
	format       string
	includeTests bool
	json, fix    bool
	diff         bool
	context      int
}

func newDriverFlags(analyzers []*analysis.Analyzer, stderr io.Writer) *driverFlags {
	d := &driverFlags{
		fs:      flag.NewFlagSet("perflint", flag.ContinueOnError),
		enabled: make(map[*analysis.Analyzer]*triState),
	}
	fs := d.fs
	fs.SetOutput(stderr)
	for _, a := range analyzers {
		enable := new(triState)
		fs.Var(enable, a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		d.enabled[a] = enable
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.BoolVar(&d.sarif, "sarif", false, "write results as SARIF 2.1.0 to standard output (same as -format=sarif)")
	fs.StringVar(&d.format, "format", "text", "output format: text, or sarif")
	fs.BoolVar(&d.includeTests, "test", true, "indicates whether test files should be analyzed, too")
	fs.BoolVar(&d.json, "json", false, "emit JSON output")
	fs.BoolVar(&d.fix, "fix", false, "apply all suggested fixes")
	fs.BoolVar(&d.diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.IntVar(&d.context, "c", -1, "display offending line with this many lines of context")
	// Accepted and ignored, as multichecker's debugging and legacy vet flags
	// are by its SARIF-less output.
	fs.String("debug", "", "debug flags (no effect with -sarif)")
	fs.String("cpuprofile", "", "no effect with -sarif")
	fs.String("memprofile", "", "no effect with -sarif")
	fs.String("trace", "", "no effect with -sarif")
	fs.Bool("source", false, "no effect (deprecated)")
	fs.Bool("v", false, "no effect (deprecated)")
	fs.Bool("all", false, "no effect (deprecated)")
	fs.String("tags", "", "no effect (deprecated)")
	return d
}

// addCommandLine adds the flags main registered on flag.CommandLine (such as
// the -summary.* flags of a shared dependency) that fs lacks; stub: with
// values that set nothing.
func addCommandLine(fs *flag.FlagSet, stub bool) {
	flag.CommandLine.VisitAll(func(f *flag.Flag) {
		if fs.Lookup(f.Name) != nil {
			return
		}
		value := f.Value
		if stub {
			b, ok := f.Value.(interface{ IsBoolFlag() bool })
			value = stubValue(ok && b.IsBoolFlag())
		}
		fs.Var(value, f.Name, f.Usage)
	})
}

// selected applies multichecker's rule: if any -NAME flag is true, run only
// those analyzers; otherwise, if any is false, run all but those.
func (d *driverFlags) selected(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var hasTrue, hasFalse bool
	for _, ts := range d.enabled {
		hasTrue = hasTrue || *ts == setTrue
		hasFalse = hasFalse || *ts == setFalse
	}
	var keep []*analysis.Analyzer
	for _, a := range analyzers {
		switch {
		case hasTrue && *d.enabled[a] == setTrue,
			!hasTrue && hasFalse && *d.enabled[a] != setFalse,
			!hasTrue && !hasFalse:
			keep = append(keep, a)
		}
	}
	return keep
}

// runSARIF is the -sarif driver: it loads the packages named by args (in
// dir, "" for the working directory), runs the analyzers and writes SARIF to
// stdout. It returns the exit code.
func runSARIF(analyzers []*analysis.Analyzer, args []string, dir string, stdout, stderr io.Writer) int {
	d := newDriverFlags(analyzers, stderr)
	addCommandLine(d.fs, false)
	if err := d.fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2 // the flag package printed the error and the usage
	}
	switch {
	case d.format != "text" && d.format != "sarif":
		fmt.Fprintf(stderr, "perflint: unknown -format %q (want text or sarif)\n", d.format)
		return 2
	case d.json || d.fix || d.diff || d.context >= 0:
		fmt.Fprintln(stderr, "perflint: -sarif cannot be combined with -json, -fix, -diff or -c")
		return 2
	case d.fs.NArg() == 0:
		fmt.Fprintln(stderr, "perflint: -sarif needs package patterns, e.g. perflint -sarif ./...")
		return 2
	}
	analyzers = d.selected(analyzers)

	cwd := dir
	if cwd == "" {
		var err error
		if cwd, err = os.Getwd(); err != nil {
			fmt.Fprintln(stderr, "perflint:", err)
			return 1
		}
	}
	pkgs, err := load(dir, d.fs.Args(), needFacts(analyzers), d.includeTests)
	if err != nil {
		fmt.Fprintln(stderr, "perflint:", err)
		return 1
	}
	exit := 0
	var notes []string // load and analysis errors, for the log's invocation
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			fmt.Fprintln(stderr, e)
			notes = append(notes, e.Error())
			exit = 1
		}
	})

	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		fmt.Fprintln(stderr, "perflint:", err)
		return 1
	}
	var diags []diagnostic
	for act := range graph.All() {
		if act.Err != nil {
			fmt.Fprintf(stderr, "perflint: %s: %v\n", act, act.Err)
			notes = append(notes, fmt.Sprintf("%s: %v", act, act.Err))
			exit = 1
			continue
		}
		if !act.IsRoot {
			continue
		}
		for _, diag := range act.Diagnostics {
			diags = append(diags, diagnostic{act.Analyzer, act.Package.Fset, diag})
		}
	}

	log := newSARIFLog(analyzers, cwd, diags, notes)
	if err := writeJSON(stdout, log); err != nil {
		fmt.Fprintln(stderr, "perflint:", err)
		return 1
	}
	if len(log.Runs[0].Results) > 0 {
		exit = max(exit, 3)
	}
	return exit
}

// load loads the initial packages as multichecker does: syntax and types for
// them, and for their dependencies too when some analyzer uses facts.
func load(dir string, patterns []string, allSyntax, tests bool) ([]*packages.Package, error) {
	mode := packages.LoadSyntax
	if allSyntax {
		mode = packages.LoadAllSyntax
	}
	conf := packages.Config{Mode: mode | packages.NeedModule, Dir: dir, Tests: tests}
	pkgs, err := packages.Load(&conf, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return pkgs, err
}

// needFacts reports whether any of the analyzers, or those they require,
// uses facts (and so needs its dependencies loaded from source).
func needFacts(analyzers []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	queue := append([]*analysis.Analyzer(nil), analyzers...)
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		if seen[a] {
			continue
		}
		seen[a] = true
		if len(a.FactTypes) > 0 {
			return true
		}
		queue = append(queue, a.Requires...)
	}
	return false
}

// triState is multichecker's -NAME flag: unset, true or false.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) Get() any { return *ts == setTrue }

func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	if b {
		*ts = setTrue
	} else {
		*ts = setFalse
	}
	return nil
}

func (ts *triState) String() string {
	switch *ts {
	case setTrue:
		return "true"
	case setFalse:
		return "false"
	}
	return "unset"
}

func (ts *triState) IsBoolFlag() bool { return true }
