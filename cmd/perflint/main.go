// Command perflint runs every perflint analyzer.
//
// Run it on package patterns,
//
//	perflint ./...
//
// and it has the go command drive it, as go vet -vettool=perflint would: one
// process per package, dependencies' types from export data, facts and
// findings cached, so memory stays flat and a second run is nearly free.
// -inprocess loads and analyzes everything in one process instead (the
// multichecker way). go vet can also drive it directly:
//
//	go vet -vettool=$(which perflint) ./...
//
// It exits 3 when it reports findings, 1 when packages fail to load and 0
// otherwise. With -json it always exits 0 (the multichecker convention), so
// scripts that use -json must look at the output, not the status.
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
)

func main() {
	analyzers := suite.Analyzers()
	for i, a := range analyzers {
		analyzers[i] = suppress.Wrap(a)
	}
	exposeSummaryFlags()
	if code, ok := runAlternateFormat(analyzers, os.Args[1:]); ok {
		os.Exit(code)
	}
	if code, ok := runThroughGoVet(os.Args[1:]); ok {
		os.Exit(code)
	}
	multichecker.Main(analyzers...)
}

// exposeSummaryFlags publishes the summary analyzer's flags, which extend
// the API tables for every analyzer (-summary.queries, -summary.pools,
// -summary.loggers). multichecker only registers the flags of the analyzers
// it is given, and the summary analyzer is a dependency, not one of those.
func exposeSummaryFlags() {
	shared := suite.Shared()
	shared.Flags.VisitAll(func(f *flag.Flag) {
		flag.Var(f.Value, shared.Name+"."+f.Name, f.Usage)
	})
}
