package clientreuse_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/perflint/perflint/analyzers/clientreuse"
	"github.com/perflint/perflint/internal/testutil"
)

func Test(t *testing.T) {
	analysistest.Run(t, testutil.Dir(t), clientreuse.Analyzer,
		"./clientreuse/cloud", "./clientreuse/crosspkg/...", "./clientreuse/frameworks", "./clientreuse/beegoctl", "./clientreuse/helper",
		"./clientreuse/nethttp", "./clientreuse/pools", "./clientreuse/startup", "./clientreuse/grpcsvc/...",
		"./clientreuse/branch/...", "./clientreuse/memo", "./clientreuse/lazy", "./clientreuse/handles",
		"./clientreuse/resty", "./clientreuse/perlink", "./clientreuse/target", "./clientreuse/redisv6")
}

// TestSearch type-checks the Elasticsearch client, whose typed API is
// hundreds of thousands of lines: minutes under the race detector, which
// adds nothing to a single-goroutine analysis. .ci/run runs it without.
func TestSearch(t *testing.T) {
	if raceEnabled {
		t.Skip("the Elasticsearch corpus is too large to type-check under -race; .ci/run runs it without")
	}
	analysistest.Run(t, testutil.Dir(t), clientreuse.Analyzer, "./clientreuse/search")
}

// TestCloudStorage type-checks the Cloud Storage client and its gRPC and
// OpenTelemetry dependencies: minutes under the race detector, like
// TestSearch. .ci/run runs it without.
func TestCloudStorage(t *testing.T) {
	if raceEnabled {
		t.Skip("the Cloud Storage client is too large to type-check under -race; .ci/run runs it without")
	}
	analysistest.Run(t, testutil.Dir(t), clientreuse.Analyzer, "./clientreuse/gcs")
}
