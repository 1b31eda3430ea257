// Package suite is the single list of perflint's analyzers, shared by the
// standalone driver (cmd/perflint) and the golangci-lint plugin (plugin/).
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/clientreuse"
)

// Analyzers returns every perflint analyzer, in a stable order.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		clientreuse.Analyzer,
	}
}
