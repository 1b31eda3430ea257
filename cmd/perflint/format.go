package main

import "golang.org/x/tools/go/analysis"

// runAlternateFormat handles output formats that multichecker lacks (SARIF).
// It reports ok=false when args ask for none of them.
func runAlternateFormat(analyzers []*analysis.Analyzer, args []string) (code int, ok bool) {
	return 0, false
}
