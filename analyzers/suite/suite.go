// Package suite is the single list of perflint's analyzers, shared by the
// standalone driver (cmd/perflint) and the golangci-lint plugin (plugin/).
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/clientreuse"
	"github.com/perflint/perflint/analyzers/internal/summary"
)

// Analyzers returns every perflint analyzer, in a stable order.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		clientreuse.Analyzer,
	}
}

// Shared returns the analyzer whose flags extend the API tables that every
// perflint analyzer shares: -summary.queries, -summary.pools and
// -summary.loggers name in-house database wrappers, pool constructors and
// loggers. It is a dependency of the analyzers, not one of them, so drivers
// must publish its flags themselves.
func Shared() *analysis.Analyzer { return summary.Analyzer }
