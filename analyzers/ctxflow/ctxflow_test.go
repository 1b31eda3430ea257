package ctxflow_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/perflint/perflint/analyzers/ctxflow"
	"github.com/perflint/perflint/internal/testutil"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testutil.Dir(t), ctxflow.Analyzer, "./ctxflow/...")
}

// TestGoldenTypeChecks type-checks the fixed code: every .golden file
// replaces its .go file in an overlay, and the packages must still compile.
func TestGoldenTypeChecks(t *testing.T) {
	dir := testutil.Dir(t)
	goldens, err := filepath.Glob(filepath.Join(dir, "ctxflow", "*", "*.go.golden"))
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	overlay := make(map[string][]byte)
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		overlay[strings.TrimSuffix(g, ".golden")] = data
	}
	cfg := &packages.Config{
		Mode:    packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
		Dir:     dir,
		Overlay: overlay,
		Env:     append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, "./ctxflow/...")
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if !strings.HasPrefix(p.PkgPath, "example.com/td/ctxflow") {
			return
		}
		for _, e := range p.Errors {
			t.Errorf("fixed code of %s does not type-check: %v", p.PkgPath, e)
		}
	})
}
