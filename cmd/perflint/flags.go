package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/internal/ranking"
)

// vetMode reports whether the go command is driving this process: it asks
// for the flags (-flags), the tool ID (-V=full) or runs one unit (x.cfg).
// A plain -V is a person asking for the version: see versionFlag.
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || a == "-V=full" || a == "--V=full" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// versionFlag is -V: a person asking for perflint's version. -V=full never
// gets here: it is the go command's tool-ID query, answered by multichecker
// (see vetMode).
type versionFlag struct{ set *bool }

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) String() string   { return "" }

func (f versionFlag) Set(v string) error {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("want -V or -V=full")
	}
	*f.set = b
	return nil
}

// printVersion writes perflint's module version and the Go version it was
// built with.
func printVersion(w io.Writer) {
	ver := version()
	if ver == "" {
		ver = "(devel)"
	}
	fmt.Fprintf(w, "perflint version %s %s\n", ver, runtime.Version())
}

// driverFlags are the flags of the standalone driver: multichecker's
// (analysisflags.Parse and checker.RegisterFlags) on a flag set of its own,
// plus output formats and the choice of driver.
type driverFlags struct {
	fs           *flag.FlagSet
	enabled      map[*analysis.Analyzer]*triState
	sarif        bool
	format       string
	govet        bool
	includeTests bool
	whole        bool
	json, fix    bool
	diff         bool
	context      int
	cpuProfile   string
	memProfile   string
	trace        string
	timing       bool
	tags         string
	version      bool
	profile      string // path, "" for the main package's default.pgo, or ranking.Off
	sort         string
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
	fs.BoolVar(&d.sarif, "sarif", false, sarifUsage)
	fs.StringVar(&d.format, "format", "text", formatUsage)
	fs.BoolVar(&d.govet, "govet", false, govetUsage)
	fs.BoolVar(&d.includeTests, "test", true, "indicates whether test files should be analyzed, too")
	fs.BoolVar(&d.whole, "whole", true, wholeUsage)
	fs.BoolVar(&d.json, "json", false, "emit JSON output")
	fs.BoolVar(&d.fix, "fix", false, "apply all suggested fixes")
	fs.BoolVar(&d.diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.IntVar(&d.context, "c", -1, "display offending line with this many lines of context")
	fs.StringVar(&d.cpuProfile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&d.memProfile, "memprofile", "", "write memory profile to this file")
	fs.StringVar(&d.trace, "trace", "", "write trace log to this file")
	fs.BoolVar(&d.timing, "timing", false, timingUsage)
	fs.StringVar(&d.tags, "tags", "", tagsUsage)
	fs.StringVar(&d.profile, "profile", "", ranking.Usage)
	fs.StringVar(&d.sort, "sort", sortPosition, sortUsage)
	fs.Var(versionFlag{&d.version}, "V", versionUsage)
	// multichecker's legacy vet flags, accepted and ignored as it does.
	fs.Bool("source", false, "no effect (deprecated)")
	fs.Bool("v", false, "no effect (deprecated)")
	fs.Bool("all", false, "no effect (deprecated)")
	return d
}

// buildFlags are the go command flags the packages are loaded with.
func (d *driverFlags) buildFlags() []string {
	if d.tags == "" {
		return nil
	}
	return []string{"-tags=" + d.tags}
}

// -sort values.
const (
	sortPosition = "position"
	sortProfile  = "profile"
)

const (
	sortUsage    = "order of text output: position (file, line), or profile (by the CPU share of the code, highest first; then position)"
	tagsUsage    = "a comma-separated list of build tags to consider satisfied, as the go command's -tags (e.g. -tags=integration)"
	versionUsage = "print perflint's version and exit (-V=full: the go command's tool-ID line)"
	timingUsage  = "print to stderr where the time went: go list, type checking, each analyzer, the slowest packages"
	sarifUsage   = "write results as SARIF 2.1.0 to standard output (same as -format=sarif)"
	formatUsage  = "output format: text, or sarif (SARIF 2.1.0 on standard output)"
	govetUsage   = "run through go vet -vettool: one process per package, findings and facts cached by the go command " +
		"(a re-run on unchanged code is nearly free; a first run costs more CPU). -fix and -diff always run this way"
)

// registerHelpFlags declares this driver's own flags on flag.CommandLine, so
// that multichecker's -help lists them and go vet's -flags query sees them.
func registerHelpFlags() {
	flag.Bool("sarif", false, sarifUsage)
	flag.String("format", "text", formatUsage)
	flag.Bool("govet", false, govetUsage)
	flag.Bool("timing", false, timingUsage)
	flag.String("profile", "", ranking.Usage)
	flag.String("sort", sortPosition, sortUsage)
}

// addCommandLine adds the flags main registered on flag.CommandLine (such as
// the -summary.* flags of a shared dependency) that fs lacks.
func addCommandLine(fs *flag.FlagSet) {
	flag.CommandLine.VisitAll(func(f *flag.Flag) {
		if fs.Lookup(f.Name) == nil {
			fs.Var(f.Value, f.Name, f.Usage)
		}
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

const wholeUsage = "follow calls through interfaces to their implementations anywhere in the program: packages whose findings depend on them are analyzed a second time, once every package's summary is known (go vet and golangci-lint see one package at a time and resolve only the implementations a package imports)"
