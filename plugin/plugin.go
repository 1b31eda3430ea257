// Package plugin registers perflint's analyzers as golangci-lint module
// plugins (github.com/golangci/plugin-module-register).
//
// Each analyzer is its own linter, under its analyzer name, so that
// golangci-lint's enable/disable lists, //nolint:NAME directives, severity
// rules and SARIF rule ids work per analyzer:
//
//	linters:
//	  enable: [queryloop, bodydrain]
//	  settings:
//	    custom:
//	      queryloop:
//	        type: module
//	      bodydrain:
//	        type: module
//	        settings:
//	          strict: true
//
// A linter's settings are the analyzer's flags (the -NAME.option flags of the
// standalone perflint command) without the prefix. A key may be spelled as
// the flag is, in lower case (golangci-lint lowercases keys) or in kebab-case.
// A key naming an analyzer it requires that has flags of its own (summary,
// whose -summary.* flags extend the shared API tables) takes a map of that
// analyzer's settings.
//
// The whole suite is also registered as one linter named perflint, for
// configurations that want a single entry (and //nolint:perflint); its
// settings are keyed by analyzer name:
//
//	perflint:
//	  type: module
//	  settings:
//	    bodydrain:
//	      strict: true
//
// Every linter also takes a confidence setting (high, medium or low; the
// default is high): the lowest confidence it reports. For the perflint
// linter it stands beside the analyzer names.
//
// Every linter also takes a profile setting: the path of a CPU profile of
// the program (a default.pgo, or any pprof CPU profile), relative to the
// directory golangci-lint runs in. Findings in code the profile saw run
// become high confidence and end with their CPU share ("[cpu 4.2%]"); those
// in code it never saw drop a level (see README, Ranking by a production
// profile). The plugin looks for no default.pgo: without the setting,
// nothing is ranked. Like confidence, it stands beside the analyzer names
// for the perflint linter.
//
// Enable either the per-analyzer linters or perflint, not both: each would
// report the same findings.
//
// The plugin does not filter //nolint directives itself: golangci-lint does,
// and its nolintlint needs to see the findings a directive silences.
package plugin

import (
	"flag"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/suite"
	"github.com/perflint/perflint/internal/confidence"
	"github.com/perflint/perflint/internal/profile"
	"github.com/perflint/perflint/internal/ranking"
)

// SuiteName is the name of the linter that runs every perflint analyzer.
const SuiteName = "perflint"

func init() {
	analyzers := suite.Analyzers()
	Register(analyzers...)
	register.Plugin(SuiteName, func(conf any) (register.LinterPlugin, error) {
		return newSuitePlugin(analyzers, conf)
	})
}

// Register registers each analyzer as a golangci-lint module plugin named
// after it. The package's init registers perflint's own analyzers; a custom
// golangci-lint build may register more the same way.
func Register(analyzers ...*analysis.Analyzer) {
	for _, a := range analyzers {
		register.Plugin(a.Name, func(conf any) (register.LinterPlugin, error) {
			return newPlugin(a, conf)
		})
	}
}

// linterPlugin is one golangci-lint linter running some analyzers.
type linterPlugin struct {
	analyzers []*analysis.Analyzer
	min       *confidence.Flag // the lowest confidence reported
	ranker    *ranking.Ranker  // nil without a profile
}

func (p *linterPlugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	built := make([]*analysis.Analyzer, len(p.analyzers))
	for i, a := range p.analyzers {
		// The ranker sits inside the filter, which must see its levels.
		built[i] = confidence.Filter(p.ranker.Wrap(withoutRelated(a)), p.min)
	}
	return built, nil
}

// profileSetting removes the profile key from settings and returns a ranker
// for the profile it names, read now so that a bad path fails the
// configuration; nil when absent, empty or off.
func profileSetting(settings map[string]any) (*ranking.Ranker, error) {
	key, path, err := popString(settings, "profile", "the path of a CPU profile (or off)")
	if err != nil || path == "" || path == ranking.Off {
		return nil, err
	}
	p, err := profile.Load(path)
	if err != nil {
		return nil, fmt.Errorf("setting %q: %w", key, err)
	}
	ranker := ranking.New()
	ranker.Use(p, nil)
	return ranker, nil
}

// confidenceSetting removes the confidence key from settings and returns
// its level (confidence.Default when absent).
func confidenceSetting(settings map[string]any) (*confidence.Flag, error) {
	min := confidence.NewFlag()
	key, level, err := popString(settings, "confidence", "high, medium or low")
	if err != nil || key == "" {
		return min, err
	}
	if err := min.Set(level); err != nil {
		return nil, fmt.Errorf("setting %q: %w", key, err)
	}
	return min, nil
}

// popString removes the setting named name (in any spelling normalize
// accepts) from settings and returns its key and string value; key is ""
// when the setting is absent. want says what a value must be.
func popString(settings map[string]any, name, want string) (key, value string, err error) {
	for k, v := range settings {
		if normalize(k) != name {
			continue
		}
		delete(settings, k)
		s, ok := v.(string)
		if !ok {
			return "", "", fmt.Errorf("setting %q: want %s, got %v", k, want, v)
		}
		key, value = k, s
	}
	return key, value, nil
}

// withoutRelated returns a copy of a whose findings carry no related
// information. golangci-lint turns each related position into an issue of
// its own ("queryloop(related information): the loop"), which a //nolint on
// the finding's line does not silence; the message already says what the
// related position shows.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	wrapped := *a
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			report(d)
		}
		return a.Run(pass)
	}
	return &wrapped
}

// GetLoadMode asks for type information: every perflint analyzer matches
// APIs by type.
func (*linterPlugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

func newPlugin(a *analysis.Analyzer, conf any) (register.LinterPlugin, error) {
	settings, err := register.DecodeSettings[map[string]any](conf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	min, err := confidenceSetting(settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	ranker, err := profileSetting(settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", a.Name, err)
	}
	if err := applySettings(a, settings); err != nil {
		return nil, err
	}
	return &linterPlugin{analyzers: []*analysis.Analyzer{a}, min: min, ranker: ranker}, nil
}

func newSuitePlugin(analyzers []*analysis.Analyzer, conf any) (register.LinterPlugin, error) {
	settings, err := register.DecodeSettings[map[string]any](conf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", SuiteName, err)
	}
	min, err := confidenceSetting(settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", SuiteName, err)
	}
	ranker, err := profileSetting(settings)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", SuiteName, err)
	}
	byName := make(map[string]*analysis.Analyzer, len(analyzers))
	for _, a := range analyzers {
		byName[strings.ToLower(a.Name)] = a
	}
	for _, key := range sortedKeys(settings) {
		a, ok := byName[strings.ToLower(key)]
		if !ok {
			return nil, fmt.Errorf("%s: unknown setting %q; valid settings are confidence, profile and analyzer names: %s",
				SuiteName, key, strings.Join(analyzerNames(analyzers), ", "))
		}
		options, ok := settings[key].(map[string]any)
		if !ok && settings[key] != nil {
			return nil, fmt.Errorf("%s: setting %q must be a map of %s's options, got %v",
				SuiteName, key, a.Name, settings[key])
		}
		if err := applySettings(a, options); err != nil {
			return nil, err
		}
	}
	return &linterPlugin{analyzers: analyzers, min: min, ranker: ranker}, nil
}

// applySettings sets a's flags from golangci-lint settings. A key that names
// an analyzer a requires (with flags of its own, such as the shared API
// tables) takes a map of that analyzer's settings.
func applySettings(a *analysis.Analyzer, settings map[string]any) error {
	for _, key := range sortedKeys(settings) {
		if f := lookupFlag(&a.Flags, key); f != nil {
			value, err := flagValue(settings[key])
			if err != nil {
				return fmt.Errorf("%s: setting %q: %w", a.Name, key, err)
			}
			if err := a.Flags.Set(f.Name, value); err != nil {
				return fmt.Errorf("%s: setting %q: invalid value %q: %w", a.Name, key, value, err)
			}
			continue
		}
		if dep := requiredWithFlags(a, key); dep != nil {
			options, ok := settings[key].(map[string]any)
			if !ok && settings[key] != nil {
				return fmt.Errorf("%s: setting %q must be a map of %s's settings, got %v", a.Name, key, dep.Name, settings[key])
			}
			if err := applySettings(dep, options); err != nil {
				return fmt.Errorf("%s: %w", a.Name, err)
			}
			continue
		}
		return fmt.Errorf("%s: unknown setting %q; %s", a.Name, key, validSettings(a))
	}
	return nil
}

// requiredWithFlags returns the analyzer named name among those a requires,
// directly or not, if it has flags.
func requiredWithFlags(a *analysis.Analyzer, name string) *analysis.Analyzer {
	for _, dep := range required(a) {
		if normalize(dep.Name) == normalize(name) {
			return dep
		}
	}
	return nil
}

// required lists the analyzers with flags that a requires, directly or not,
// in a stable order.
func required(a *analysis.Analyzer) []*analysis.Analyzer {
	var deps []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{a: true}
	var visit func(*analysis.Analyzer)
	visit = func(x *analysis.Analyzer) {
		for _, dep := range x.Requires {
			if seen[dep] {
				continue
			}
			seen[dep] = true
			if hasFlags(dep) {
				deps = append(deps, dep)
			}
			visit(dep)
		}
	}
	visit(a)
	return deps
}

func hasFlags(a *analysis.Analyzer) bool {
	n := 0
	a.Flags.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// lookupFlag finds the flag a settings key names: the flag's own spelling
// first, then a spelling that differs only in case, '-' and '_'
// (maxDepth, maxdepth, max-depth, max_depth).
func lookupFlag(fs *flag.FlagSet, key string) *flag.Flag {
	if f := fs.Lookup(key); f != nil {
		return f
	}
	var found *flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if found == nil && normalize(f.Name) == normalize(key) {
			found = f
		}
	})
	return found
}

func normalize(name string) string {
	return strings.NewReplacer("-", "", "_", "").Replace(strings.ToLower(name))
}

// flagValue renders a YAML/JSON scalar or list as a flag's string value.
// Lists become comma-separated, the convention of perflint's list flags.
func flagValue(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64: // JSON numbers; 'f' keeps integers integral (1e6 -> 1000000)
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			s, err := flagValue(e)
			if err != nil {
				return "", err
			}
			if _, isList := e.([]any); isList {
				return "", fmt.Errorf("nested list %v", v)
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	default:
		return "", fmt.Errorf("unsupported value %v (%T)", v, v)
	}
}

func validSettings(a *analysis.Analyzer) string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	for _, dep := range required(a) {
		names = append(names, dep.Name+" (a map of its settings)")
	}
	if len(names) == 0 {
		return "the analyzer has no settings"
	}
	sort.Strings(names)
	return "valid settings: " + strings.Join(names, ", ")
}

func analyzerNames(analyzers []*analysis.Analyzer) []string {
	names := make([]string, len(analyzers))
	for i, a := range analyzers {
		names[i] = a.Name
	}
	sort.Strings(names)
	return names
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
