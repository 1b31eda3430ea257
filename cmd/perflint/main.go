// Command perflint runs every perflint analyzer.
//
// It is a multichecker: run it standalone on package patterns,
//
//	perflint ./...
//
// or let the go command drive it, one package at a time with cached results,
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
	if code, ok := runAlternateFormat(analyzers, os.Args[1:]); ok {
		os.Exit(code)
	}
	multichecker.Main(analyzers...)
}
