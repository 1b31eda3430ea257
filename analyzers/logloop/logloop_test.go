package logloop_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perflint/perflint/analyzers/logloop"
	"github.com/perflint/perflint/internal/testutil"
)

func Test(t *testing.T) {
	analysistest.Run(t, testutil.Dir(t), logloop.Analyzer, "./logloop/direct/...", "./logloop/traps/...")
}

func TestIndirect(t *testing.T) {
	if err := logloop.Analyzer.Flags.Set("indirect", "true"); err != nil {
		t.Fatal(err)
	}
	defer logloop.Analyzer.Flags.Set("indirect", "false")
	analysistest.Run(t, testutil.Dir(t), logloop.Analyzer, "./logloop/indirect/...")
}
