// Command perflint runs every perflint analyzer.
//
// Run it on package patterns,
//
//	perflint ./...
//
// and it analyzes them in this process, streaming: each package is parsed,
// type-checked and analyzed once its dependencies are, and its syntax is
// dropped as soon as it is done, so memory holds little more than the types
// of the import graph. -govet has the go command drive it instead, as
// go vet -vettool=perflint would: one process per package, findings and
// facts cached, so a re-run on unchanged code is nearly free. go vet can
// also drive it directly:
//
//	go vet -vettool=$(which perflint) ./...
//
// It exits 3 when it reports findings, 1 when packages fail to load and 0
// otherwise. With -json it exits 0 unless packages fail to load (the
// multichecker convention), so scripts that use -json must look at the
// output, not the status. -sarif writes SARIF 2.1.0 instead.
//
// Every finding has a confidence, high, medium or low (see package
// confidence); -confidence=LEVEL sets the lowest level reported, medium by
// default, and -confidence=low reports everything.
//
// With a CPU profile of the program (-profile=FILE, or by default the
// default.pgo of the main package analyzed), findings in code the profile
// saw run become high confidence and show their CPU share; findings in code
// it never saw drop a level (see package ranking). -profile=off turns it off.
//
// Findings can be silenced with //nolint:NAME, //nolint:perflint or a bare
// //nolint on the reported line, on a line of its own just above the
// statement, or on the enclosing declaration. golangci-lint applies its own
// //nolint handling; this driver does the same for the standalone and go vet
// paths, which have none.
package main

import (
	"flag"
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/perflint/perflint/analyzers/suite"
	"github.com/perflint/perflint/cmd/perflint/internal/suppress"
	"github.com/perflint/perflint/internal/confidence"
	"github.com/perflint/perflint/internal/ranking"
)

// multicheckerOnly are the flags that only x/tools' checker implements:
// help, and its debugging modes.
var multicheckerOnly = []string{"h", "help", "debug"}

func main() {
	analyzers := suite.Analyzers()
	min := confidence.NewFlag()
	flag.Var(min, "confidence", confidence.Usage)
	// The ranker sits inside the filter: filtering sees the level the
	// profile sets.
	ranker := ranking.New()
	for i, a := range analyzers {
		analyzers[i] = confidence.Filter(ranker.Wrap(suppress.Wrap(a)), min)
	}
	exposeSummaryFlags()
	args := os.Args[1:]
	if vetMode(args) {
		// One process per package: only an explicit -profile applies,
		// read on the first finding.
		ranker.LoadOnFirstFinding(flag.String("profile", "", ranking.VetUsage))
		multichecker.Main(analyzers...) // go vet's unit protocol
	}
	registerHelpFlags()
	if len(args) == 0 || args[0] == "help" || hasFlag(args, multicheckerOnly) {
		multichecker.Main(analyzers...) // usage, help, -debug
	}
	os.Exit(runStandalone(analyzers, ranker, args, "", os.Stdout, os.Stderr))
}

// exposeSummaryFlags publishes the summary analyzer's flags, which extend
// the API tables for every analyzer (-summary.queries, -summary.pools,
// -summary.loggers). The analyzer is a dependency, not one of those whose
// flags the drivers register.
func exposeSummaryFlags() {
	shared := suite.Shared()
	shared.Flags.VisitAll(func(f *flag.Flag) {
		flag.Var(f.Value, shared.Name+"."+f.Name, f.Usage)
	})
}
