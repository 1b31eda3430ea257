// Package suite is the single list of perflint's analyzers, shared by the
// standalone driver (cmd/perflint) and the golangci-lint plugin (plugin/).
package suite

import (
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/bodydrain"
	"github.com/perflint/perflint/analyzers/clientreuse"
	"github.com/perflint/perflint/analyzers/ctxflow"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/analyzers/logloop"
	"github.com/perflint/perflint/analyzers/pagination"
	"github.com/perflint/perflint/analyzers/queryloop"
	"github.com/perflint/perflint/analyzers/timeout"
	"github.com/perflint/perflint/analyzers/unboundedgo"
)

// Analyzers returns every perflint analyzer, in a stable order.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		clientreuse.Analyzer,
		timeout.Analyzer,
		ctxflow.Analyzer,
		queryloop.Analyzer,
		logloop.Analyzer,
		unboundedgo.Analyzer,
		bodydrain.Analyzer,
		pagination.Analyzer,
	}
}

// Shared returns the analyzer whose flags extend the API tables that every
// perflint analyzer shares: -summary.queries, -summary.pools and
// -summary.loggers name in-house database wrappers, pool constructors and
// loggers. It is a dependency of the analyzers, not one of them, so drivers
// must publish its flags themselves.
func Shared() *analysis.Analyzer { return summary.Analyzer }

// Revisit reports whether a package's findings depend on code outside the
// packages it imports (calls through interfaces of the module whose
// implementations it cannot see). Whole-program drivers analyze such a
// package again once every package's summary is known (driver.Config).
func Revisit(pkg *types.Package, packageFact func(analysis.Fact) bool, findings int, imported bool) bool {
	return summary.Revisit(pkg, packageFact, findings, imported)
}
