package pagination_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/analyzers/pagination"
	"github.com/perflint/perflint/internal/testutil"
)

// The repository and service packages hold no handler: their expectations
// are the summary's List facts, checked by TestListFacts.
var handlerPackages = []string{
	"./pagination/api",
	"./pagination/entlike/...",
	"./pagination/frameworks/...",
	"./pagination/grpcsvc/...",
	"./pagination/lookalike/...",
	"./pagination/nethttp/...",
	"./pagination/orm/...",
	"./pagination/startup/...",
}

func Test(t *testing.T) {
	analysistest.Run(t, testutil.Dir(t), pagination.Analyzer, handlerPackages...)
}

func TestListFacts(t *testing.T) {
	analysistest.Run(t, testutil.Dir(t), summary.Analyzer, "./pagination/repo", "./pagination/service")
}
