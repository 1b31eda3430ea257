package plugin_test

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/suite"
	"github.com/perflint/perflint/plugin"
)

// newTestAnalyzer returns an analyzer with one flag of each kind, registered
// under name.
func newTestAnalyzer(name string) (a *analysis.Analyzer, strict *bool, maxDepth *int, skip *string) {
	a = &analysis.Analyzer{
		Name: name,
		Doc:  "test analyzer",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	strict = a.Flags.Bool("strict", false, "")
	maxDepth = a.Flags.Int("maxDepth", 3, "")
	skip = a.Flags.String("skip_funcs", "", "")
	plugin.Register(a)
	return a, strict, maxDepth, skip
}

func newLinter(t *testing.T, name string, conf any) (register.LinterPlugin, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin(name)
	if err != nil {
		t.Fatal(err)
	}
	return newPlugin(conf)
}

func TestSettings(t *testing.T) {
	for _, tc := range []struct {
		name string
		conf map[string]any
	}{
		{"flag names", map[string]any{"strict": true, "maxDepth": 7, "skip_funcs": "a,b"}},
		{"lower case", map[string]any{"strict": true, "maxdepth": 7, "skip_funcs": "a,b"}},
		{"kebab case", map[string]any{"strict": "true", "max-depth": 7, "skip-funcs": []any{"a", "b"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			name := "settingstest" + strings.ReplaceAll(tc.name, " ", "")
			a, strict, maxDepth, skip := newTestAnalyzer(name)
			p, err := newLinter(t, name, tc.conf)
			if err != nil {
				t.Fatal(err)
			}
			if !*strict || *maxDepth != 7 || *skip != "a,b" {
				t.Errorf("flags after settings: strict=%v maxDepth=%d skip_funcs=%q", *strict, *maxDepth, *skip)
			}
			got, err := p.BuildAnalyzers()
			if err != nil || len(got) != 1 || got[0].Name != a.Name || got[0].Flags.Lookup("strict") != a.Flags.Lookup("strict") {
				t.Errorf("BuildAnalyzers() = %v, %v; want the analyzer, sharing its flags", got, err)
			}
			if p.GetLoadMode() != register.LoadModeTypesInfo {
				t.Errorf("GetLoadMode() = %q", p.GetLoadMode())
			}
		})
	}
}

func TestNoSettings(t *testing.T) {
	_, strict, maxDepth, _ := newTestAnalyzer("nosettingstest")
	if _, err := newLinter(t, "nosettingstest", nil); err != nil {
		t.Fatal(err)
	}
	if *strict || *maxDepth != 3 {
		t.Errorf("flags changed without settings")
	}
}

func TestSettingErrors(t *testing.T) {
	newTestAnalyzer("errorstest")
	for _, tc := range []struct {
		conf any
		want string
	}{
		{map[string]any{"nosuch": 1}, `errorstest: unknown setting "nosuch"; valid settings: maxDepth, skip_funcs, strict`},
		{map[string]any{"maxdepth": "deep"}, `errorstest: setting "maxdepth": invalid value "deep"`},
		{map[string]any{"strict": map[string]any{"x": 1}}, `errorstest: setting "strict": unsupported value`},
		{[]any{"strict"}, `errorstest: decoding settings`},
	} {
		_, err := newLinter(t, "errorstest", tc.conf)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("settings %v: error %v, want %q", tc.conf, err, tc.want)
		}
	}
}

// TestSuiteRegistered checks that every analyzer of the suite, and the suite
// as a whole, is a registered plugin.
func TestSuiteRegistered(t *testing.T) {
	analyzers := suite.Analyzers()
	for _, a := range analyzers {
		p, err := newLinter(t, a.Name, nil)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		if got, _ := p.BuildAnalyzers(); len(got) != 1 || got[0].Name != a.Name {
			t.Errorf("%s: BuildAnalyzers() = %v", a.Name, got)
		}
	}
	p, err := newLinter(t, plugin.SuiteName, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := p.BuildAnalyzers(); len(got) != len(analyzers) {
		t.Errorf("%s: BuildAnalyzers() returns %d analyzers, want %d", plugin.SuiteName, len(got), len(analyzers))
	}
	if _, err := newLinter(t, plugin.SuiteName, map[string]any{"nosuch": map[string]any{}}); err == nil ||
		!strings.Contains(err.Error(), `unknown setting "nosuch"; valid settings are confidence, profile and analyzer names`) {
		t.Errorf("unknown analyzer in perflint settings: error %v", err)
	}
}

// TestRequiredSettings checks that a key naming a required analyzer with
// flags (like summary) sets that analyzer's flags.
func TestRequiredSettings(t *testing.T) {
	dep := &analysis.Analyzer{Name: "deptest", Doc: "dep", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	queries := dep.Flags.String("queries", "", "")
	a := &analysis.Analyzer{Name: "requirestest", Doc: "test", Requires: []*analysis.Analyzer{dep},
		Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	plugin.Register(a)
	if _, err := newLinter(t, "requirestest", map[string]any{"deptest": map[string]any{"queries": []any{"a.B", "c.D"}}}); err != nil {
		t.Fatal(err)
	}
	if *queries != "a.B,c.D" {
		t.Errorf("deptest.queries = %q", *queries)
	}
	_, err := newLinter(t, "requirestest", map[string]any{"nosuch": 1})
	if err == nil || !strings.Contains(err.Error(), "valid settings: deptest (a map of its settings)") {
		t.Errorf("error %v does not name deptest", err)
	}
	_, err = newLinter(t, "requirestest", map[string]any{"deptest": map[string]any{"nosuch": 1}})
	if err == nil || !strings.Contains(err.Error(), `requirestest: deptest: unknown setting "nosuch"; valid settings: queries`) {
		t.Errorf("error %v", err)
	}
}

// TestConfidenceSetting checks the confidence setting of a linter and of
// the suite linter: accepted in any case, a bad value refused clearly, and
// never passed on as an analyzer flag.
func TestConfidenceSetting(t *testing.T) {
	newTestAnalyzer("perflinttestconf")
	for _, conf := range []map[string]any{{"confidence": "medium"}, {"Confidence": "LOW"}, {"confidence": "high", "strict": true}} {
		linter, err := newLinter(t, "perflinttestconf", conf)
		if err != nil {
			t.Errorf("%v: %v", conf, err)
			continue
		}
		if _, err := linter.BuildAnalyzers(); err != nil {
			t.Errorf("%v: BuildAnalyzers: %v", conf, err)
		}
	}
	for _, conf := range []map[string]any{{"confidence": "certain"}, {"confidence": 3}} {
		if _, err := newLinter(t, "perflinttestconf", conf); err == nil || !strings.Contains(err.Error(), "confidence") {
			t.Errorf("%v: error %v, want one naming the confidence setting", conf, err)
		}
	}
	if _, err := newLinter(t, plugin.SuiteName, map[string]any{"confidence": "medium", "queryloop": map[string]any{}}); err != nil {
		t.Errorf("suite linter with confidence: %v", err)
	}
	if _, err := newLinter(t, plugin.SuiteName, map[string]any{"confidence": "sure"}); err == nil {
		t.Error("suite linter accepted confidence: sure")
	}
}
