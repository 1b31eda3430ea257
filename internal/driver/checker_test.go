package driver_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/perflint/perflint/analyzers/suite"
	"github.com/perflint/perflint/internal/driver"
	"github.com/perflint/perflint/internal/testutil"
)

// TestMatchesChecker runs the whole suite over testdata packages (every
// analyzer's, with their facts across packages, test variants and real
// libraries) with this driver and with x/tools' checker, which holds every
// package in memory: the findings must be the same. (.ci/run also runs it
// without -race, on every package.)
func TestMatchesChecker(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks a few hundred packages twice")
	}
	dir := testutil.Dir(t)
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=mod")
	// Every testdata package; under the race detector (which multiplies the
	// checker's memory several times), those with the lightest imports.
	patterns := []string{"./..."}
	if raceEnabled {
		patterns = []string{"./summary/...", "./closers/...", "./bodydrain/...", "./timeout/...", "./unboundedgo/..."}
	}
	analyzers := suite.Analyzers()

	res, err := driver.Run(driver.Config{Dir: dir, Tests: true}, analyzers, patterns)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.PackageErrors) > 0 || len(res.Failures) > 0 {
		t.Fatalf("driver: package errors %v, failures %v", res.PackageErrors, res.Failures)
	}
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, render(d.Analyzer, res.Fset.Position(d.Pos).String(), d.Message))
	}

	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: true}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for act := range graph.All() {
		if act.Err != nil {
			t.Fatalf("checker: %v: %v", act, act.Err)
		}
		if act.IsRoot {
			for _, d := range act.Diagnostics {
				want = append(want, render(act.Analyzer, act.Package.Fset.Position(d.Pos).String(), d.Message))
			}
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if len(want) < 50 {
		t.Errorf("the checker found only %d findings: the test lost its packages", len(want))
	}
	if !slices.Equal(got, want) {
		t.Errorf("driver and checker differ:\ndriver:\n%s\nchecker:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func render(a *analysis.Analyzer, posn, message string) string {
	return fmt.Sprintf("%s: %s: %s", posn, a.Name, message)
}
