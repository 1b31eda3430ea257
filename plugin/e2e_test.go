package plugin_test

// End-to-end test with the real golangci-lint v2.15.0.
//
// `golangci-lint custom` clones golangci-lint from GitHub, so the test builds
// the same binary the way that command does, from the module proxy instead:
// a throwaway main module that requires golangci-lint at the pinned version,
// holds a copy of its cmd/golangci-lint/main.go, blank-imports this plugin
// (the plugins.go that `custom` writes) and replaces perflint with this
// checkout. The binary is cached by a hash of the repository's Go sources, so
// only the first run after a change pays for the link.
//
// Skipped with -short and when PERFLINT_E2E=0.

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/perflint/perflint/analyzers/suite"
)

// golangciVersion is the golangci-lint release the plugin is built into; it
// must match .custom-gcl.example.yml and go.mod's x/tools pin.
const golangciVersion = "v2.15.0"

// fakeName is the test's own analyzer, registered through plugin.Register in
// the test binary only.
const fakeName = "perflintfake"

const pluginsGo = `package main

// Module plugins, as golangci-lint custom writes them.
import _ "github.com/perflint/perflint/plugin"
`

const fakeGo = `package main

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/plugin"
)

// fake reports calls to the function named by -word and suggests fakeFixed.
var fake = &analysis.Analyzer{
	Name: "perflintfake",
	Doc:  "perflintfake reports calls to the function named by -word (perflint's e2e test only)",
	Run:  runFake,
}

var word string

func init() {
	fake.Flags.StringVar(&word, "word", "fakeTarget", "name of the function whose calls are reported")
	plugin.Register(fake)
}

func runFake(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			id, ok := call.Fun.(*ast.Ident)
			if !ok || id.Name != word {
				return true
			}
			pass.Report(analysis.Diagnostic{
				Pos:     call.Pos(),
				End:     call.End(),
				Message: "call to " + word,
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "call fakeFixed",
					TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("fakeFixed")}},
				}},
			})
			return true
		})
	}
	return nil, nil
}
`

func TestE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint; skipped with -short")
	}
	if os.Getenv("PERFLINT_E2E") == "0" {
		t.Skip("PERFLINT_E2E=0")
	}
	bin := customGCL(t)

	names := suiteNames()
	if len(names) == 0 {
		t.Error("suite.Analyzers() is empty: the plugin registers no perflint linter")
	}
	linters := append(slices.Clone(names), fakeName)

	t.Run("findings", func(t *testing.T) {
		dir := corpus(t, config{enable: linters})
		got := findings(t, run(t, bin, dir, 1, jsonArgs...))
		want := expectations(t, dir, linters)
		compare(t, got, want)
	})

	t.Run("setting", func(t *testing.T) {
		dir := corpus(t, config{enable: []string{fakeName}, settings: map[string]map[string]any{
			fakeName: {"Word": "fakeOther"}, // golangci lowercases the key: word
		}})
		got := findings(t, run(t, bin, dir, 1, jsonArgs...))
		want := map[finding]int{{fakeName, "fake.go", line(t, dir, "fake.go", "\tfakeOther()")}: 1}
		compare(t, got, want)
	})

	t.Run("shared setting", func(t *testing.T) {
		// The API tables are the flags of the summary analyzer, which
		// clientreuse requires: settings under its name reach them.
		if !slices.Contains(names, "clientreuse") {
			t.Skip("no clientreuse")
		}
		dir := corpus(t, config{enable: linters, settings: map[string]map[string]any{
			"clientreuse": {"summary": map[string]any{"pools": []string{"example.com/e2e.newPool"}}},
		}})
		got := findings(t, run(t, bin, dir, 1, jsonArgs...))
		compare(t, got, expectations(t, dir, linters, "e2e", "e2e-setting"))
	})

	t.Run("unknown setting", func(t *testing.T) {
		dir := corpus(t, config{enable: []string{fakeName}, settings: map[string]map[string]any{
			fakeName: {"nosuch": true},
		}})
		out := run(t, bin, dir, 3, jsonArgs...)
		if !strings.Contains(out.stderr, `unknown setting "nosuch"; valid settings: word`) {
			t.Errorf("stderr does not name the valid settings:\n%s", out.stderr)
		}
	})

	t.Run("suite linter", func(t *testing.T) {
		if len(names) == 0 {
			t.Skip("no analyzers")
		}
		dir := corpus(t, config{enable: []string{"perflint"}})
		got := findings(t, run(t, bin, dir, 1, jsonArgs...))
		want := map[finding]int{}
		// golangci-lint keys //nolint on the linter's name: a directive
		// naming one analyzer does not silence the suite linter
		// (//nolint:perflint does).
		for f, n := range expectations(t, dir, names, "e2e", "e2e-suite") {
			f.linter = "perflint"
			want[f] += n
		}
		compare(t, got, want)
	})

	t.Run("fix", func(t *testing.T) {
		dir := corpus(t, config{enable: linters})
		run(t, bin, dir, -1, "run", "--fix", "--show-stats=false")
		src, err := os.ReadFile(filepath.Join(dir, "fake.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`\tfakeFixed\(\) +// e2e: perflintfake\n`).Match(src) {
			t.Errorf("--fix did not apply perflintfake's fix; fake.go is\n%s", src)
		}
		if want := "\tfakeTarget() //nolint:perflintfake"; !strings.Contains(string(src), want) {
			t.Errorf("--fix rewrote a //nolint'ed line; fake.go is\n%s", src)
		}
		if slices.Contains(names, "ctxflow") {
			handlers, err := os.ReadFile(filepath.Join(dir, "handlers.go"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(handlers), "db.PingContext(r.Context())") {
				t.Errorf("--fix did not apply ctxflow's fix; handlers.go is\n%s", handlers)
			}
		}
		// The fixed code still compiles.
		if out, err := command(dir, "go", "vet", "./...").CombinedOutput(); err != nil {
			t.Errorf("go vet after --fix: %v\n%s", err, out)
		}
	})

	t.Run("vscode", func(t *testing.T) {
		// The VS Code Go extension's invocation of golangci-lint v2.
		dir := corpus(t, config{enable: linters})
		out := run(t, bin, dir, 0, "run", "--issues-exit-code=0", "--output.text.print-issued-lines=false",
			"--show-stats=false", "--output.text.path=stdout", "--path-mode=abs")
		lineRE := regexp.MustCompile(`^(/[^:]+\.go):(\d+):(\d+): (.+) \(([a-z]+)\)$`)
		got := map[finding]int{}
		sc := bufio.NewScanner(strings.NewReader(out.stdout))
		for sc.Scan() {
			m := lineRE.FindStringSubmatch(sc.Text())
			if m == nil {
				t.Errorf("line does not parse as file:line:col: message (linter): %q", sc.Text())
				continue
			}
			var n int
			fmt.Sscan(m[2], &n)
			rel, err := filepath.Rel(dir, m[1])
			if err != nil || strings.HasPrefix(rel, "..") {
				t.Errorf("path %s is not under %s", m[1], dir)
			}
			got[finding{m[5], rel, n}]++
		}
		// The extension does not pass --uniq-by-line=false: golangci-lint
		// shows one issue per line, the first of the line's findings.
		want := map[finding]int{}
		for f := range expectations(t, dir, linters) {
			f.linter = ""
			want[f] = 1
		}
		lines := map[finding]int{}
		for f, n := range got {
			if !slices.Contains(linters, f.linter) {
				t.Errorf("%s: issue from linter %q, which is not enabled", f, f.linter)
			}
			f.linter = ""
			lines[f] += n
		}
		compare(t, lines, want)
	})

	t.Run("custom config", func(t *testing.T) {
		// golangci-lint custom accepts .custom-gcl.example.yml: it gets as
		// far as cloning golangci-lint, which a git URL rewrite makes fail at
		// once (the clone keeps GIT_CONFIG_* variables).
		dir := t.TempDir()
		src, err := os.ReadFile(filepath.Join("..", ".custom-gcl.example.yml"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), "version: "+golangciVersion+"\n") {
			t.Errorf(".custom-gcl.example.yml does not ask for golangci-lint %s", golangciVersion)
		}
		if err := os.WriteFile(filepath.Join(dir, ".custom-gcl.yml"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := command(dir, bin, "custom", "-v")
		cmd.Env = append(cmd.Env, "GIT_CONFIG_COUNT=1",
			"GIT_CONFIG_KEY_0=url.perflint-e2e-invalid://.insteadOf", "GIT_CONFIG_VALUE_0=https://")
		out, _ := cmd.CombinedOutput()
		if !strings.Contains(string(out), "Cloning golangci-lint repository") {
			t.Errorf("golangci-lint custom rejects .custom-gcl.example.yml:\n%s", out)
		}
	})

	t.Run("example config", func(t *testing.T) {
		example := filepath.Join("..", ".golangci.example.yml")
		src, err := os.ReadFile(example)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if !regexp.MustCompile(`(?m)^ {6}` + n + `:$`).Match(src) {
				t.Errorf("%s does not configure %s under linters.settings.custom", example, n)
			}
		}
		abs, _ := filepath.Abs(example)
		dir := corpus(t, config{enable: linters})
		out := run(t, bin, dir, -1, "linters", "-c", abs)
		if out.code != 0 {
			t.Skipf("the example names analyzers the suite lacks yet:\n%s", out.stderr)
		}
		for _, n := range names {
			if !strings.Contains(out.stdout, n+": ") {
				t.Errorf("golangci-lint linters -c %s does not list %s:\n%s", example, n, out.stdout)
			}
		}
	})
}

var jsonArgs = []string{"run", "--uniq-by-line=false", "--max-same-issues=0", "--max-issues-per-linter=0",
	"--show-stats=false", "--output.json.path=stdout"}

func suiteNames() []string {
	var names []string
	for _, a := range suite.Analyzers() {
		names = append(names, a.Name)
	}
	return names
}

// finding is one issue, by linter, file (relative to the corpus) and line.
type finding struct {
	linter string
	file   string
	line   int
}

func (f finding) String() string { return fmt.Sprintf("%s:%d: %s", f.file, f.line, f.linter) }

var wantRE = regexp.MustCompile(`// (e2e[a-z-]*): ([a-z ]+)$`)

// expectations reads the "// TAG: NAME..." comments of the corpus in dir,
// keeping the linters in enabled. The tags are "e2e" unless given: the
// findings of the default configuration; "e2e-setting" marks those that the
// "shared setting" configuration adds.
func expectations(t *testing.T, dir string, enabled []string, tags ...string) map[finding]int {
	t.Helper()
	if len(tags) == 0 {
		tags = []string{"e2e"}
	}
	want := map[finding]int{}
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(src), "\n") {
			m := wantRE.FindStringSubmatch(l)
			if m == nil || !slices.Contains(tags, m[1]) {
				continue
			}
			for _, name := range strings.Fields(m[2]) {
				if slices.Contains(enabled, name) {
					want[finding{name, filepath.Base(file), i + 1}]++
				}
			}
		}
	}
	return want
}

func compare(t *testing.T, got, want map[finding]int) {
	t.Helper()
	var keys []finding
	for f := range got {
		keys = append(keys, f)
	}
	for f := range want {
		if _, ok := got[f]; !ok {
			keys = append(keys, f)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, f := range keys {
		switch g, w := got[f], want[f]; {
		case g == w:
		case w == 0:
			t.Errorf("unexpected: %v (x%d)", f, g)
		case g == 0:
			t.Errorf("missing: %v", f)
		default:
			t.Errorf("%v: reported %d times, want %d", f, g, w)
		}
	}
}

func line(t *testing.T, dir, file, prefix string) int {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line starting %q", file, prefix)
	return 0
}

// config is a golangci-lint configuration that enables some custom linters.
type config struct {
	enable   []string
	settings map[string]map[string]any
}

// corpus copies testdata/e2e to a temporary directory with a .golangci.yml
// for c, and returns the directory.
func corpus(t *testing.T, c config) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "e2e"))); err != nil {
		t.Fatal(err)
	}
	custom := map[string]any{}
	for _, name := range c.enable {
		entry := map[string]any{"type": "module", "description": "perflint " + name}
		if s, ok := c.settings[name]; ok {
			entry["settings"] = s
		}
		custom[name] = entry
	}
	cfg := map[string]any{
		"version": "2",
		"linters": map[string]any{
			"default":  "none",
			"enable":   c.enable,
			"settings": map[string]any{"custom": custom},
		},
	}
	// JSON is YAML.
	data, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

type output struct {
	stdout, stderr string
	code           int
}

// run runs the binary in dir and checks its exit code (-1: any).
func run(t *testing.T, bin, dir string, wantCode int, args ...string) output {
	t.Helper()
	cmd := command(dir, bin, args...)
	// A cache of its own: golangci-lint's analysis cache does not key on
	// linter settings.
	cmd.Env = append(cmd.Env, "GOLANGCI_LINT_CACHE="+t.TempDir())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	out := output{stdout.String(), stderr.String(), 0}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		out.code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if wantCode >= 0 && out.code != wantCode {
		t.Fatalf("golangci-lint %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s",
			strings.Join(args, " "), out.code, wantCode, out.stdout, out.stderr)
	}
	return out
}

// findings parses golangci-lint's JSON output.
func findings(t *testing.T, out output) map[finding]int {
	t.Helper()
	var res struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal([]byte(out.stdout), &res); err != nil {
		t.Fatalf("golangci-lint JSON output: %v\n%s\nstderr:\n%s", err, out.stdout, out.stderr)
	}
	got := map[finding]int{}
	for _, is := range res.Issues {
		t.Logf("%s:%d: %s (%s)", is.Pos.Filename, is.Pos.Line, is.Text, is.FromLinter)
		got[finding{is.FromLinter, filepath.Base(is.Pos.Filename), is.Pos.Line}]++
	}
	return got
}

// command is exec.Command in dir, outside any go.work.
func command(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	return cmd
}

func cacheDir() string {
	base := os.Getenv("XDG_CACHE_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return filepath.Join(os.TempDir(), "perflint-e2e")
		}
		base = filepath.Join(home, ".cache")
	}
	return filepath.Join(base, "perflint-e2e")
}

// customGCL returns the path of golangci-lint built with perflint's plugin,
// building it unless the cache holds one for the current sources.
func customGCL(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	key, err := sourceHash(root)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(cacheDir(), "custom-gcl-"+key)
	if _, err := os.Stat(bin); err == nil {
		t.Logf("using cached %s", bin)
		return bin
	}
	start := time.Now()
	if err := buildCustomGCL(root, bin); err != nil {
		t.Fatal(err)
	}
	t.Logf("built %s in %v", bin, time.Since(start).Round(time.Second))
	// Older builds are dead weight (each is ~70 MB).
	old, _ := filepath.Glob(filepath.Join(cacheDir(), "custom-gcl-*"))
	for _, o := range old {
		if o != bin {
			os.Remove(o)
		}
	}
	return bin
}

// sourceHash hashes what goes into the binary: the repository's Go sources
// outside testdata, go.mod, go.sum, the generated files and the go version.
func sourceHash(root string) (string, error) {
	h := sha256.New()
	goVersion, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOVERSION: %w", err)
	}
	fmt.Fprintf(h, "%s\n%s\n%s\n%s\n", golangciVersion, goVersion, pluginsGo, fakeGo)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") && name != "go.mod" && name != "go.sum" {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		fmt.Fprintf(h, "%s\n", rel)
		_, err = io.Copy(h, f)
		return err
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// buildCustomGCL builds golangci-lint with the plugin into bin.
func buildCustomGCL(root, bin string) error {
	work, err := os.MkdirTemp("", "perflint-custom-gcl-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	goMod := fmt.Sprintf(`module perflint.test/custom-gcl

go 1.26.0

require (
	github.com/golangci/golangci-lint/v2 %s
	github.com/perflint/perflint v0.0.0
)

replace github.com/perflint/perflint => %s
`, golangciVersion, root)
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte(goMod), 0o644); err != nil {
		return err
	}
	goCmd := func(args ...string) ([]byte, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod"))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
		}
		return out, nil
	}

	// golangci-lint's own main.go and go.sum, from the module cache.
	out, err := goCmd("mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	if err != nil {
		return err
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return fmt.Errorf("go mod download -json: %v", err)
	}
	mainGo, err := os.ReadFile(filepath.Join(mod.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		return err
	}
	var sums []byte
	for _, f := range []string{filepath.Join(mod.Dir, "go.sum"), filepath.Join(root, "go.sum")} {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		sums = append(sums, b...)
	}
	for name, data := range map[string][]byte{
		"main.go":    mainGo,
		"plugins.go": []byte(pluginsGo),
		"fake.go":    []byte(fakeGo),
		"go.sum":     sums,
	} {
		if err := os.WriteFile(filepath.Join(work, name), data, 0o644); err != nil {
			return err
		}
	}

	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		return err
	}
	tmp := bin + ".tmp" + fmt.Sprint(os.Getpid())
	ldflags := fmt.Sprintf("-s -w -X 'main.version=%s-custom-gcl-perflint' -X 'main.date=%s'",
		strings.TrimPrefix(golangciVersion, "v"), time.Now().UTC().Format(time.RFC3339))
	if _, err := goCmd("build", "-ldflags", ldflags, "-o", tmp, "."); err != nil {
		return err
	}
	return os.Rename(tmp, bin)
}
