package plugin_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/perflint/perflint/internal/driver"
	"github.com/perflint/perflint/plugin"
)

// The order service and its profile: see testdata/profile/gen.sh.
var (
	serviceDir     = filepath.Join("..", "testdata", "profile")
	serviceProfile = filepath.Join(serviceDir, "default.pgo")
)

// TestProfileSetting: each linter, and the suite linter beside its
// analyzer names, takes a profile and ranks by it; off and "" rank nothing.
func TestProfileSetting(t *testing.T) {
	for _, tc := range []struct {
		linter string
		conf   map[string]any
		ranked bool
	}{
		{"logloop", map[string]any{"profile": serviceProfile}, true},
		{"logloop", map[string]any{"Profile": serviceProfile, "confidence": "high"}, true},
		{plugin.SuiteName, map[string]any{"profile": serviceProfile, "logloop": map[string]any{}}, true},
		// Without a profile no log finding is high: ask for every level.
		{"logloop", map[string]any{"profile": "off", "confidence": "low"}, false},
		{"logloop", map[string]any{"profile": "", "confidence": "low"}, false},
		{"logloop", map[string]any{"confidence": "low"}, false},
	} {
		p, err := newLinter(t, tc.linter, tc.conf)
		if err != nil {
			t.Errorf("%s %v: %v", tc.linter, tc.conf, err)
			continue
		}
		if testing.Short() {
			continue
		}
		analyzers, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		res, err := driver.Run(driver.Config{Dir: serviceDir}, analyzers, []string{"./orders"})
		if err != nil {
			t.Fatal(err)
		}
		ranked := false
		for _, d := range res.Diagnostics {
			ranked = ranked || regexp.MustCompile(`the profile saw it run\] \[cpu \d+\.\d%\]$`).MatchString(d.Message)
		}
		if ranked != tc.ranked || len(res.Diagnostics) == 0 {
			t.Errorf("%s %v: findings %v; want ranked = %v", tc.linter, tc.conf, res.Diagnostics, tc.ranked)
		}
	}
}

func TestProfileSettingErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.pgo")
	for _, tc := range []struct {
		linter string
		conf   map[string]any
		want   string
	}{
		{"logloop", map[string]any{"profile": missing}, `logloop: setting "profile": reading CPU profile: open ` + missing},
		{plugin.SuiteName, map[string]any{"profile": missing}, `perflint: setting "profile": reading CPU profile: open ` + missing},
		{"logloop", map[string]any{"profile": filepath.Join(serviceDir, "go.mod")}, `logloop: setting "profile": ` + filepath.Join(serviceDir, "go.mod") + `: not a pprof profile`},
		{"logloop", map[string]any{"profile": 3.0}, `logloop: setting "profile": want the path of a CPU profile (or off), got 3`},
	} {
		_, err := newLinter(t, tc.linter, tc.conf)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %v: error %v, want %q", tc.linter, tc.conf, err, tc.want)
		}
	}
}
