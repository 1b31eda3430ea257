package summary_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/testutil"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testutil.Dir(t), summary.Analyzer, "./summary/...")
}
