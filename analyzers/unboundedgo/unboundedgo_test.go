package unboundedgo_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perflint/perflint/analyzers/unboundedgo"
	"github.com/perflint/perflint/internal/testutil"
)

func Test(t *testing.T) {
	analysistest.Run(t, testutil.Dir(t), unboundedgo.Analyzer, "./unboundedgo/...")
}
