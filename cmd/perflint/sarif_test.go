package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/suite"
	"github.com/perflint/perflint/cmd/perflint/internal/suppress"
)

var corpusDir = filepath.Join("testdata", "sarif", "src")

// newFake returns an analyzer that reports calls to the function its -word
// flag names (fakeTarget), related to the enclosing function, with a fix
// that calls fakeFixed instead; wrapped for //nolint as main does.
func newFake() *analysis.Analyzer {
	a := &analysis.Analyzer{Name: "perflintfake", Doc: "perflintfake reports calls to fakeTarget\n\nIt is the SARIF tests' own analyzer."}
	word := a.Flags.String("word", "fakeTarget", "name of the function whose calls are reported")
	a.Run = func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			for _, decl := range f.Decls {
				fn, ok := decl.(*ast.FuncDecl)
				if !ok {
					continue
				}
				ast.Inspect(fn, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					id, ok := call.Fun.(*ast.Ident)
					if !ok || id.Name != *word {
						return true
					}
					pass.Report(analysis.Diagnostic{
						Pos: call.Pos(), End: call.End(),
						Message: "call to " + *word,
						Related: []analysis.RelatedInformation{{Pos: fn.Name.Pos(), End: fn.Name.End(), Message: "in " + fn.Name.Name}},
						SuggestedFixes: []analysis.SuggestedFix{{
							Message:   "call fakeFixed",
							TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("fakeFixed")}},
						}},
					})
					return true
				})
			}
		}
		return nil, nil
	}
	return suppress.Wrap(a)
}

// sarifOut runs the SARIF driver on the corpus.
func sarifOut(t *testing.T, analyzers []*analysis.Analyzer, args ...string) (log map[string]any, raw []byte, code int, stderr string) {
	t.Helper()
	dir, err := filepath.Abs(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code = runStandalone(analyzers, nil, args, dir, &out, &errOut)
	if out.Len() > 0 {
		validate(t, out.Bytes())
		if err := json.Unmarshal(out.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
	}
	return log, out.Bytes(), code, errOut.String()
}

var schema *jsonschema.Schema

// validate checks data against the SARIF 2.1.0 JSON schema (OASIS,
// errata 01), formats included.
func validate(t *testing.T, data []byte) {
	t.Helper()
	if schema == nil {
		f, err := os.Open(filepath.Join("testdata", "sarif", "sarif-schema-2.1.0.json"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			t.Fatal(err)
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
			t.Fatal(err)
		}
		if schema, err = c.Compile("sarif-schema-2.1.0.json"); err != nil {
			t.Fatal(err)
		}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, data)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("output is not valid SARIF 2.1.0: %v\n%s", err, data)
	}
}

// get walks a decoded JSON value: get(v, "runs", 0, "results").
func get(v any, path ...any) any {
	for _, p := range path {
		switch p := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[p]
		case int:
			s, _ := v.([]any)
			if p >= len(s) {
				return nil
			}
			v = s[p]
		}
	}
	return v
}

func TestSARIF(t *testing.T) {
	log, _, code, stderr := sarifOut(t, []*analysis.Analyzer{newFake()}, "-sarif", "./app")
	if code != 3 {
		t.Errorf("exit %d, want 3; stderr:\n%s", code, stderr)
	}
	run := get(log, "runs", 0)
	wantRule := map[string]any{
		"id":                   "perflintfake",
		"shortDescription":     map[string]any{"text": "perflintfake reports calls to fakeTarget"},
		"fullDescription":      map[string]any{"text": "perflintfake reports calls to fakeTarget\n\nIt is the SARIF tests' own analyzer."},
		"help":                 map[string]any{"text": "perflintfake reports calls to fakeTarget\n\nIt is the SARIF tests' own analyzer."},
		"helpUri":              "https://github.com/perflint/perflint#perflintfake",
		"defaultConfiguration": map[string]any{"level": "warning"},
	}
	if got := get(run, "tool", "driver", "rules", 0); !jsonEqual(got, wantRule) {
		t.Errorf("rule = %v\nwant %v", got, wantRule)
	}
	if got := get(run, "tool", "driver", "name"); got != "perflint" {
		t.Errorf("driver name = %v", got)
	}
	abs, _ := filepath.Abs(corpusDir)
	if got, want := get(run, "originalUriBaseIds", "%SRCROOT%", "uri"), "file://"+filepath.ToSlash(abs)+"/"; got != want {
		t.Errorf("%%SRCROOT%% = %v, want %v", got, want)
	}

	results, _ := get(run, "results").([]any)
	if len(results) != 2 {
		t.Fatalf("%d results, want 2 (the //nolint'ed call is silenced):\n%v", len(results), results)
	}
	lineA := corpusLine(t, "app/app.go", `fakeTarget("a")`)
	lineC := corpusLine(t, "app/app.go", `fakeTarget("c")`)
	want := map[string]any{
		"ruleId":    "perflintfake",
		"ruleIndex": 0,
		"level":     "warning",
		"message":   map[string]any{"text": "call to fakeTarget"},
		// A finding with no confidence of its own (another suite's
		// analyzer) counts as high.
		"rank":       90,
		"properties": map[string]any{"confidence": "high"},
		"locations": []any{map[string]any{"physicalLocation": map[string]any{
			"artifactLocation": map[string]any{"uri": "app/app.go", "uriBaseId": "%SRCROOT%"},
			"region":           map[string]any{"startLine": lineA, "startColumn": 2, "endLine": lineA, "endColumn": 17},
		}}},
		"relatedLocations": []any{map[string]any{
			"id": 1,
			"physicalLocation": map[string]any{
				"artifactLocation": map[string]any{"uri": "app/app.go", "uriBaseId": "%SRCROOT%"},
				"region":           map[string]any{"startLine": lineA - 1, "startColumn": 6, "endLine": lineA - 1, "endColumn": 9},
			},
			"message": map[string]any{"text": "in Use"},
		}},
		"fixes": []any{map[string]any{
			"description": map[string]any{"text": "call fakeFixed"},
			"artifactChanges": []any{map[string]any{
				"artifactLocation": map[string]any{"uri": "app/app.go", "uriBaseId": "%SRCROOT%"},
				"replacements": []any{map[string]any{
					"deletedRegion":   map[string]any{"startLine": lineA, "startColumn": 2, "endLine": lineA, "endColumn": 12},
					"insertedContent": map[string]any{"text": "fakeFixed"},
				}},
			}},
		}},
	}
	if !jsonEqual(results[0], want) {
		got, _ := json.MarshalIndent(results[0], "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Errorf("first result:\n%s\nwant:\n%s", got, w)
	}
	// The second call follows "héllo, 世界" on its line: columns count UTF-16
	// code units (é and 世界 are one each), not bytes.
	src, _ := os.ReadFile(filepath.Join(corpusDir, "app", "app.go"))
	lineText := strings.Split(string(src), "\n")[lineC-1]
	prefix := lineText[:strings.Index(lineText, `fakeTarget("c")`)]
	wantCol := len([]rune(prefix)) + 1
	if wantCol == len(prefix)+1 {
		t.Fatal("corpus line has no multi-byte characters before the call")
	}
	region := get(results[1], "locations", 0, "physicalLocation", "region")
	if !jsonEqual(region, map[string]any{"startLine": lineC, "startColumn": wantCol, "endLine": lineC, "endColumn": wantCol + len(`fakeTarget("c")`)}) {
		t.Errorf("second result's region = %v, want line %d column %d (UTF-16)", region, lineC, wantCol)
	}
	if get(run, "invocations", 0, "executionSuccessful") != true {
		t.Errorf("executionSuccessful is not true: %v", get(run, "invocations"))
	}
}

func TestSARIFFlags(t *testing.T) {
	t.Run("option", func(t *testing.T) {
		log, _, code, _ := sarifOut(t, []*analysis.Analyzer{newFake()}, "-perflintfake.word=fakeOther", "-format=sarif", "./app")
		results, _ := get(log, "runs", 0, "results").([]any)
		if code != 3 || len(results) != 2 || get(results[0], "message", "text") != "call to fakeOther" {
			t.Errorf("-perflintfake.word=fakeOther: exit %d, results %v", code, results)
		}
	})
	t.Run("disabled", func(t *testing.T) {
		log, _, code, _ := sarifOut(t, []*analysis.Analyzer{newFake()}, "-perflintfake=false", "-format", "sarif", "./app")
		if code != 0 || len(get(log, "runs", 0, "results").([]any)) != 0 || len(get(log, "runs", 0, "tool", "driver", "rules").([]any)) != 0 {
			t.Errorf("-perflintfake=false: exit %d, log %v", code, log)
		}
	})
	t.Run("enabled", func(t *testing.T) {
		other := &analysis.Analyzer{Name: "other", Doc: "other", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
		log, _, _, _ := sarifOut(t, []*analysis.Analyzer{other, newFake()}, "-sarif", "-perflintfake", "./app")
		rules, _ := get(log, "runs", 0, "tool", "driver", "rules").([]any)
		if len(rules) != 1 || get(rules[0], "id") != "perflintfake" {
			t.Errorf("-perflintfake: rules %v, want perflintfake only", rules)
		}
	})
	t.Run("bad flag", func(t *testing.T) {
		_, out, code, stderr := sarifOut(t, []*analysis.Analyzer{newFake()}, "-sarif", "-nosuch", "./app")
		if code != 2 || len(out) != 0 || !strings.Contains(stderr, "flag provided but not defined: -nosuch") {
			t.Errorf("-nosuch: exit %d, stdout %q, stderr %q", code, out, stderr)
		}
	})
	t.Run("fix", func(t *testing.T) {
		_, _, code, stderr := sarifOut(t, []*analysis.Analyzer{newFake()}, "-sarif", "-fix", "./app")
		if code != 2 || !strings.Contains(stderr, "cannot be combined") {
			t.Errorf("-sarif -fix: exit %d, stderr %q", code, stderr)
		}
	})
}

func TestSARIFLoadError(t *testing.T) {
	log, _, code, stderr := sarifOut(t, []*analysis.Analyzer{newFake()}, "-sarif", "./broken")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, "broken.go:4:13: cannot use") {
		t.Errorf("stderr does not carry the type error:\n%s", stderr)
	}
	inv := get(log, "runs", 0, "invocations", 0)
	if get(inv, "executionSuccessful") != false || !strings.Contains(get(inv, "toolExecutionNotifications", 0, "message", "text").(string), "cannot use") {
		t.Errorf("invocation = %v", inv)
	}

	_, _, code, stderr = sarifOut(t, []*analysis.Analyzer{newFake()}, "-sarif", "./nosuchdir")
	if code != 1 || stderr == "" {
		t.Errorf("./nosuchdir: exit %d, stderr %q", code, stderr)
	}
}

// TestSARIFDriver runs the perflint command with -sarif on the corpus, with
// the suite's analyzers.
func TestSARIFDriver(t *testing.T) {
	if testing.Short() {
		t.Skip("builds perflint; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "perflint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	perflint := func(args ...string) ([]byte, int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = corpusDir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		t.Logf("perflint %s: exit %d\n%s", strings.Join(args, " "), code, stderr.Bytes())
		return out, code
	}

	out, code := perflint("-sarif", "./app")
	validate(t, out)
	var log map[string]any
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range suite.Analyzers() {
		names = append(names, a.Name)
	}
	var ids []string
	for _, r := range get(log, "runs", 0, "tool", "driver", "rules").([]any) {
		ids = append(ids, get(r, "id").(string))
	}
	if !slices.Equal(ids, names) {
		t.Errorf("rules %v, want the suite's analyzers %v", ids, names)
	}

	want := map[string]bool{}
	for _, f := range corpusAnnotations(t, "app/app.go", names) {
		want[f] = true
	}
	got := map[string]bool{}
	for _, r := range get(log, "runs", 0, "results").([]any) {
		loc := get(r, "locations", 0, "physicalLocation")
		got[fmtFinding(get(loc, "artifactLocation", "uri").(string), int(get(loc, "region", "startLine").(float64)), get(r, "ruleId").(string))] = true
	}
	for f := range want {
		if !got[f] {
			t.Errorf("missing: %s", f)
		}
	}
	for f := range got {
		if !want[f] {
			t.Errorf("unexpected: %s", f)
		}
	}
	if wantCode := map[bool]int{true: 3, false: 0}[len(want) > 0]; code != wantCode {
		t.Errorf("exit %d, want %d", code, wantCode)
	}
	if len(names) == 0 {
		t.Error("the suite has no analyzers")
	}

	// -format=sarif is -sarif; the output is deterministic.
	if out2, _ := perflint("-format=sarif", "./app"); !bytes.Equal(out, out2) {
		t.Errorf("-format=sarif output differs from -sarif output")
	}
	// Without -sarif the driver is multichecker, which accepts -format=text.
	if _, code := perflint("-format=text", "./app"); code != map[bool]int{true: 3, false: 0}[len(want) > 0] {
		t.Errorf("-format=text: exit %d", code)
	}
	// go vet asks for the flags: -sarif is not one (unitchecker ignores it).
	if flags, _ := perflint("-flags"); bytes.Contains(flags, []byte(`"sarif"`)) {
		t.Errorf("-flags lists -sarif, which go vet -vettool cannot honor")
	}
	// Flags main publishes on the command line (the shared API tables).
	if slices.Contains(names, "clientreuse") {
		out, _ := perflint("-sarif", "-summary.pools=example.com/sarif/app.newPool", "./app")
		line := corpusLine(t, "app/app.go", "// sarif-setting: clientreuse")
		if !bytes.Contains(out, []byte(fmt.Sprintf(`"startLine": %d,`, line))) {
			t.Errorf("-summary.pools did not make clientreuse report app/app.go:%d", line)
		}
	}
	if _, code := perflint("-sarif", "./broken"); code != 1 {
		t.Errorf("./broken: exit %d, want 1", code)
	}
}

var annotationRE = regexp.MustCompile(`// sarif: ([a-z ]+)$`)

func corpusAnnotations(t *testing.T, file string, names []string) []string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(corpusDir, file))
	if err != nil {
		t.Fatal(err)
	}
	var findings []string
	for i, l := range strings.Split(string(src), "\n") {
		if m := annotationRE.FindStringSubmatch(l); m != nil {
			for _, n := range strings.Fields(m[1]) {
				if slices.Contains(names, n) {
					findings = append(findings, fmtFinding(file, i+1, n))
				}
			}
		}
	}
	return findings
}

func fmtFinding(file string, line int, rule string) string {
	return fmt.Sprintf("%s:%d: %s", file, line, rule)
}

func corpusLine(t *testing.T, file, substr string) int {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(corpusDir, file))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, substr) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line containing %q", file, substr)
	return 0
}

// jsonEqual compares decoded JSON with a Go value of the same shape.
func jsonEqual(got, want any) bool {
	a, _ := json.Marshal(got)
	var w any
	b, _ := json.Marshal(want)
	_ = json.Unmarshal(b, &w)
	b, _ = json.Marshal(w)
	return bytes.Equal(a, b)
}
