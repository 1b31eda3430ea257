package ranking_test

import (
	"go/ast"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pprof "github.com/google/pprof/profile"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/perflint/perflint/internal/confidence"
	"github.com/perflint/perflint/internal/driver"
	"github.com/perflint/perflint/internal/profile"
	"github.com/perflint/perflint/internal/ranking"
)

// The order service and its profiles: see testdata/profile/gen.sh. Its
// hot handler ListOrders and its cold one CancelOrders (which the profiled
// benchmark never calls) each log in a loop.
const serviceDir = "../../testdata/profile"

// logCalls reports every log.Printf call at medium confidence.
func logCalls() *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "logcalls",
		Doc:  "reports log.Printf calls",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					if fn := typeutil.StaticCallee(pass.TypesInfo, call); fn != nil && fn.FullName() == "log.Printf" {
						d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: "log call"}
						confidence.Set(&d, confidence.Medium, "test")
						pass.Report(d)
					}
					return true
				})
			}
			return nil, nil
		},
	}
}

func load(t *testing.T, name string) *profile.Profile {
	t.Helper()
	p, err := profile.Load(filepath.Join(serviceDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// analyze runs logCalls, ranked by r, on the service; it returns the
// findings by the function they sit in.
func analyze(t *testing.T, r *ranking.Ranker) (map[string]driver.Diagnostic, *driver.Result) {
	t.Helper()
	res, err := driver.Run(driver.Config{Dir: serviceDir, Tests: true}, []*analysis.Analyzer{r.Wrap(logCalls())}, []string{"./..."})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.PackageErrors) > 0 || len(res.Failures) > 0 {
		t.Fatalf("errors: %v %v", res.PackageErrors, res.Failures)
	}
	byFunc := make(map[string]driver.Diagnostic)
	for _, d := range res.Diagnostics {
		switch line := res.Fset.Position(d.Pos).Line; {
		case line < lineOf(t, "func (s *Server) ListOrders"):
			byFunc["CancelOrders"] = d
		default:
			byFunc["ListOrders"] = d
		}
	}
	if len(byFunc) != 2 {
		t.Fatalf("findings %v, want one in CancelOrders and one in ListOrders", res.Diagnostics)
	}
	return byFunc, res
}

func lineOf(t *testing.T, substr string) int {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(serviceDir, "orders", "orders.go"))
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(src), substr)
	if i < 0 {
		t.Fatalf("%q not in orders.go", substr)
	}
	return 1 + strings.Count(string(src[:i]), "\n")
}

func TestRankByServiceProfile(t *testing.T) {
	r := ranking.New()
	r.Use(load(t, "default.pgo"), []string{"example.com/shop", "example.com/shop/orders"})
	got, res := analyze(t, r)

	hot := got["ListOrders"]
	if confidence.Of(hot.Diagnostic) != confidence.High ||
		!strings.HasPrefix(hot.Message, "log call [high: test; the profile saw it run] [cpu ") {
		t.Errorf("hot finding: %q (%s), want raised to high with its CPU share", hot.Message, hot.Category)
	}
	share, ok := r.Share(hot.Analyzer.Name, res.Fset.Position(hot.Pos), hot.Message)
	if !ok || share < 0.5 || !strings.HasSuffix(hot.Message, "[cpu "+ranking.Percent(share)+"%]") {
		t.Errorf("Share of the hot finding = %v, %v; want most of the CPU, as its tag says: %q", share, ok, hot.Message)
	}

	cold := got["CancelOrders"]
	if want := "log call [low: test; the profile never saw it run]"; cold.Message != want || confidence.Of(cold.Diagnostic) != confidence.Low {
		t.Errorf("cold finding: %q (%s), want %q (low)", cold.Message, cold.Category, want)
	}
	if _, ok := r.Share(cold.Analyzer.Name, res.Fset.Position(cold.Pos), cold.Message); ok {
		t.Error("the cold finding has a share")
	}

	covered, stale := r.Coverage()
	if !covered || len(stale) > 0 {
		t.Errorf("Coverage() = %v, %v; want covered, nothing stale (the benchmark's literal is in the test variant)", covered, stale)
	}
}

func TestForeignProfileChangesNothing(t *testing.T) {
	r := ranking.New()
	r.Use(load(t, "foreign.pgo"), []string{"example.com/shop", "example.com/shop/orders"})
	got, _ := analyze(t, r)
	for fn, d := range got {
		if d.Message != "log call [medium: test]" || d.Category != "medium" {
			t.Errorf("%s: %q (%s), want it as the analyzer reported it", fn, d.Message, d.Category)
		}
	}
	if covered, _ := r.Coverage(); covered {
		t.Error("another program's profile covers the service")
	}
}

// TestFewSamplesKeepLevels: below profile.MinSamples, shares are shown but
// levels are the analyzer's.
func TestFewSamplesKeepLevels(t *testing.T) {
	f, err := os.Open(filepath.Join(serviceDir, "default.pgo"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	prof, err := pprof.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	// Keep the samples through the hot handler, each counted once: far
	// fewer than MinSamples.
	var kept []*pprof.Sample
	for _, s := range prof.Sample {
		for _, loc := range s.Location {
			if len(loc.Line) > 0 && strings.HasSuffix(loc.Line[0].Function.Name, "ListOrders") && len(kept) < 200 {
				s.Value = []int64{1, prof.Period}
				kept = append(kept, s)
				break
			}
		}
	}
	prof.Sample = kept
	path := filepath.Join(t.TempDir(), "few.pgo")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := prof.Write(out); err != nil {
		t.Fatal(err)
	}
	out.Close()
	p, err := profile.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Samples() >= profile.MinSamples {
		t.Fatalf("%d samples, want fewer than %d", p.Samples(), profile.MinSamples)
	}

	r := ranking.New()
	r.Use(p, nil)
	got, _ := analyze(t, r)
	if hot := got["ListOrders"]; !strings.HasPrefix(hot.Message, "log call [medium: test] [cpu ") || hot.Category != "medium" {
		t.Errorf("hot finding: %q (%s), want its share shown and its level kept", hot.Message, hot.Category)
	}
	if cold := got["CancelOrders"]; cold.Message != "log call [medium: test]" {
		t.Errorf("cold finding: %q, want it unchanged", cold.Message)
	}
}

// TestLoadOnFirstFinding is go vet's mode: the profile is read when the
// first finding is reported, and an unreadable one fails the pass.
func TestLoadOnFirstFinding(t *testing.T) {
	path := filepath.Join(serviceDir, "default.pgo")
	r := ranking.New()
	r.LoadOnFirstFinding(&path)
	if got, _ := analyze(t, r); got["ListOrders"].Category != "high" {
		t.Errorf("hot finding: %q, want it ranked", got["ListOrders"].Message)
	}

	missing := filepath.Join(t.TempDir(), "missing.pgo")
	r = ranking.New()
	r.LoadOnFirstFinding(&missing)
	res, err := driver.Run(driver.Config{Dir: serviceDir}, []*analysis.Analyzer{r.Wrap(logCalls())}, []string{"./orders"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failures) != 1 || !strings.Contains(res.Failures[0].Err.Error(), "-profile: reading CPU profile") {
		t.Errorf("failures %v, want one saying the profile could not be read", res.Failures)
	}

	off := ranking.Off
	r = ranking.New()
	r.LoadOnFirstFinding(&off)
	if got, _ := analyze(t, r); got["ListOrders"].Message != "log call [medium: test]" {
		t.Errorf("-profile=off: %q, want it unranked", got["ListOrders"].Message)
	}
}
