package bodydrain_test

import (
	"go/version"
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perflint/perflint/analyzers/bodydrain"
	"github.com/perflint/perflint/internal/testutil"
)

func Test(t *testing.T) {
	analysistest.Run(t, testutil.Dir(t), bodydrain.Analyzer, "./bodydrain/basic", "./bodydrain/transfer", "./bodydrain/helpers")
}

func TestStrict(t *testing.T) {
	a := bodydrain.Analyzer
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	defer a.Flags.Set("strict", "false")
	analysistest.Run(t, testutil.Dir(t), a, "./bodydrain/strict")
}

func TestCloseDrains(t *testing.T) {
	for _, tc := range []struct {
		file, module string
		want         bool
	}{
		{"go1.26", "1.26.0", false},
		{"go1.27", "1.27", true},
		{"go1.28", "", true},
		{"", "1.27.3", true},
		{"", "1.26", false},
		{"go1.21", "1.27", false}, // a file pinned below by //go:build
		{"", "", false},           // unknown: assume the old transport
	} {
		if got := bodydrain.CloseDrains(tc.file, tc.module, "go1.27"); got != tc.want {
			t.Errorf("CloseDrains(%q, %q) = %v, want %v", tc.file, tc.module, got, tc.want)
		}
	}
}

// TestThreshold runs an analyzer whose threshold is the testdata module's
// own version (go 1.26): the code is judged as if at go 1.27.
func TestThreshold(t *testing.T) {
	analysistest.Run(t, testutil.Dir(t), bodydrain.NewAnalyzer("go1.26"), "./bodydrain/go127")
}

// TestGo127 checks a real go 1.27 module. It needs a go 1.27 toolchain to
// build the test itself (go/types refuses newer files than its own).
func TestGo127(t *testing.T) {
	if !version.IsValid(runtime.Version()) || version.Compare(runtime.Version(), "go1.27") < 0 {
		t.Skipf("needs go1.27 to type-check a go 1.27 module (running %s); run GOTOOLCHAIN=go1.27.3 go test -run TestGo127 ./analyzers/bodydrain", runtime.Version())
	}
	analysistest.Run(t, filepath.Join("testdata", "go127"), bodydrain.Analyzer, "./src")
}
