package pagination_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perflint/perflint/analyzers/internal/testutil"
	"github.com/perflint/perflint/analyzers/pagination"
)

func Test(t *testing.T) {
	analysistest.Run(t, testutil.Dir(t), pagination.Analyzer, "./pagination/...")
}
