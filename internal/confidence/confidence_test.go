package confidence_test

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perflint/perflint/internal/confidence"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want confidence.Level
		ok   bool
	}{
		{"high", confidence.High, true},
		{"Medium", confidence.Medium, true},
		{"LOW", confidence.Low, true},
		{"", 0, false},
		{"certain", 0, false},
	} {
		got, err := confidence.Parse(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestSetAndOf(t *testing.T) {
	d := analysis.Diagnostic{Message: "sql.Open in handler H builds a pool"}
	confidence.Set(&d, confidence.Medium, "built only on a branch")
	if d.Category != "medium" || confidence.Of(d) != confidence.Medium {
		t.Errorf("category %q, level %v; want medium", d.Category, confidence.Of(d))
	}
	if want := "sql.Open in handler H builds a pool [medium: built only on a branch]"; d.Message != want {
		t.Errorf("message %q, want %q", d.Message, want)
	}
	// Another suite's finding, with no level of its own, is never filtered.
	if got := confidence.Of(analysis.Diagnostic{Category: "style"}); got != confidence.High {
		t.Errorf("Of(no level) = %v, want high", got)
	}
	if confidence.Low.Lower() != confidence.Low || confidence.High.Lower() != confidence.Medium {
		t.Error("Lower does not step down one level, stopping at low")
	}
}

func TestFlag(t *testing.T) {
	f := confidence.NewFlag()
	if f.String() != "high" || f.Level != confidence.Default {
		t.Errorf("new flag = %v, want the default, high", f)
	}
	if err := f.Set("bogus"); err == nil {
		t.Error("Set(bogus) succeeded")
	}
	if err := f.Set("low"); err != nil || f.Level != confidence.Low {
		t.Errorf("Set(low) = %v, level %v", err, f.Level)
	}
}

// levels reports one finding per level on every function declaration.
var levels = &analysis.Analyzer{
	Name: "levels",
	Doc:  "reports a finding at each confidence level",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				if fn, ok := decl.(*ast.FuncDecl); ok {
					for l := confidence.Low; l <= confidence.High; l++ {
						d := analysis.Diagnostic{Pos: fn.Pos(), Message: "finding"}
						confidence.Set(&d, l, "test")
						pass.Report(d)
					}
				}
			}
		}
		return nil, nil
	},
}

func TestFilter(t *testing.T) {
	files := map[string]string{"p/p.go": "package p\n\nfunc F() {}\n"}
	dir, cleanup, err := analysistest.WriteFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	for _, tc := range []struct {
		min  string
		want []string
	}{
		{"high", []string{"high"}},
		{"medium", []string{"medium", "high"}},
		{"low", []string{"low", "medium", "high"}},
	} {
		min := confidence.NewFlag()
		if err := min.Set(tc.min); err != nil {
			t.Fatal(err)
		}
		results := analysistest.Run(fakeT{t}, dir, confidence.Filter(levels, min), "p")
		var got []string
		for _, r := range results {
			for _, d := range r.Diagnostics {
				got = append(got, d.Category)
			}
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("-confidence=%s reported %v, want %v", tc.min, got, tc.want)
		}
	}
}

// fakeT drops analysistest's complaints about unexpected diagnostics (the
// test file has no // want comments): the test checks the results itself.
type fakeT struct{ *testing.T }

func (fakeT) Errorf(string, ...any) {}
