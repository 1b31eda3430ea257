package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// perflint builds the driver once per test binary and returns its path.
func perflint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the driver")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "perflint-test")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "perflint")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// run runs name with args in the demo module and returns its combined
// output and exit status.
func run(t *testing.T, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = filepath.Join("testdata", "demo")
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	}
	t.Fatalf("%s: %v", name, err)
	return "", 0
}

var finding = regexp.MustCompile(`api\.go:(\d+):\d+: (sql\.Open in handler api\.\w+ builds a new connection pool per request)`)

// reportedLines returns the api.go lines of the clientreuse findings in out.
func reportedLines(out string) []string {
	var lines []string
	for _, m := range finding.FindAllStringSubmatch(out, -1) {
		lines = append(lines, m[1])
	}
	return lines
}

func TestStandaloneHonoursNolint(t *testing.T) {
	bin := perflint(t)
	// By default the driver analyzes in process; -govet runs through go vet.
	// Both report the same findings with the same status.
	for _, mode := range [][]string{nil, {"-govet"}} {
		out, code := run(t, bin, append(mode, "./api")...)
		if code != 3 {
			t.Errorf("%v: exit status %d, want 3 (findings)\n%s", mode, code, out)
		}
		// List (line 9) and OtherLinter (line 29); every other handler
		// carries a directive that silences clientreuse.
		if got, want := strings.Join(reportedLines(out), ","), "9,29"; got != want {
			t.Errorf("%v: findings on lines %s, want %s\n%s", mode, got, want, out)
		}
	}
}

func TestCleanPackageExitsZero(t *testing.T) {
	bin := perflint(t)
	for _, mode := range [][]string{nil, {"-govet"}} {
		if out, code := run(t, bin, append(mode, "-clientreuse=false", "./api")...); code != 0 || out != "" {
			t.Errorf("%v: exit status %d, output %q; want 0 and nothing", mode, code, out)
		}
	}
}

func TestGoVetVettool(t *testing.T) {
	bin := perflint(t)
	out, code := run(t, "go", "vet", "-vettool="+bin, "./api")
	if code == 0 {
		t.Errorf("go vet exited 0 despite findings\n%s", out)
	}
	if got, want := strings.Join(reportedLines(out), ","), "9,29"; got != want {
		t.Errorf("findings on lines %s, want %s\n%s", got, want, out)
	}
	// An analyzer flag goes through go vet too.
	out, code = run(t, "go", "vet", "-vettool="+bin, "-clientreuse=false", "./api")
	if code != 0 || len(reportedLines(out)) != 0 {
		t.Errorf("-clientreuse=false: exit %d, output\n%s", code, out)
	}
}

func TestJSON(t *testing.T) {
	bin := perflint(t)
	for _, mode := range [][]string{nil, {"-govet"}} {
		out, code := run(t, bin, append(mode, "-json", "./api")...)
		if code != 0 {
			t.Errorf("%v -json exit status %d, want 0 (multichecker convention)", mode, code)
		}
		var tree map[string]map[string][]struct {
			Posn       string `json:"posn"`
			Message    string `json:"message"`
			Confidence string `json:"confidence"`
		}
		if err := json.Unmarshal([]byte(out), &tree); err != nil {
			t.Fatalf("%v -json output is not JSON: %v\n%s", mode, err, out)
		}
		diags := tree["example.com/demo/api"]["clientreuse"]
		for pkg := range tree {
			if pkg != "example.com/demo/api" {
				t.Errorf("%v: findings reported again under %q (a package's test variant repeats its files)", mode, pkg)
			}
		}
		if len(diags) != 2 {
			t.Errorf("%v: got %d clientreuse diagnostics in JSON, want 2\n%s", mode, len(diags), out)
		}
		for _, d := range diags {
			if d.Confidence != "high" || !strings.HasSuffix(d.Message, "[high: runs per request]") {
				t.Errorf("%v: finding %s has confidence %q, message %q; want high in both", mode, d.Posn, d.Confidence, d.Message)
			}
		}
	}
}

// TestConfidenceFlag checks that -confidence sets the lowest level
// reported, in process and through go vet: the demo's handlers build pools
// on the request path (high); a helper no handler is seen to call builds
// one per item of a parameter (low).
func TestConfidenceFlag(t *testing.T) {
	bin := perflint(t)
	for _, mode := range [][]string{nil, {"-govet"}} {
		count := func(level string) int {
			args := append(append([]string{}, mode...), "./levels")
			if level != "" {
				args = append([]string{"-confidence=" + level}, args...)
			}
			out, _ := run(t, bin, args...)
			return strings.Count(out, ": sql.Open")
		}
		def, high, low := count(""), count("high"), count("low")
		if def != 1 || high != 1 || low != 2 {
			t.Errorf("%v: findings by default %d, -confidence=high %d, low %d; want 1, 1, 2", mode, def, high, low)
		}
	}
	if out, code := run(t, bin, "-confidence=certain", "./levels"); code != 2 || !strings.Contains(out, "unknown confidence") {
		t.Errorf("-confidence=certain: exit %d, output %q; want 2 and the error", code, out)
	}
}

func TestLoadErrorIsNotAPanic(t *testing.T) {
	bin := perflint(t)
	for _, mode := range [][]string{nil, {"-govet"}} {
		out, code := run(t, bin, append(mode, "./...")...)
		if code != 1 {
			t.Errorf("%v: exit status %d on a package that does not type-check, want 1\n%s", mode, code, out)
		}
		if strings.Contains(out, "panic") || !strings.Contains(out, "broken.go:3") {
			t.Errorf("%v: want the type error, not a panic:\n%s", mode, out)
		}
		// The packages that do type-check are still analyzed.
		if got := len(reportedLines(out)); got != 2 {
			t.Errorf("%v: %d findings beside the load error, want 2\n%s", mode, got, out)
		}
	}
}

func TestHelp(t *testing.T) {
	bin := perflint(t)
	out, _ := run(t, bin, "help")
	if !strings.Contains(out, "clientreuse") {
		t.Errorf("help does not list clientreuse:\n%s", out)
	}
	out, _ = run(t, bin, "help", "clientreuse")
	if !strings.Contains(out, "Bad:") || !strings.Contains(out, "Good:") {
		t.Errorf("help clientreuse lacks the examples:\n%s", out)
	}
}

// -fix applies the suggested fixes (always through go vet).
func TestFix(t *testing.T) {
	bin := perflint(t)
	const src = `package fix

import (
	"database/sql"
	"net/http"
)

var db *sql.DB

func Health(w http.ResponseWriter, r *http.Request) {
	if err := db.Ping(); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}
`
	for _, mode := range [][]string{nil, {"-govet"}} {
		dir := t.TempDir()
		write := func(name, content string) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		write("go.mod", "module example.com/fix\n\ngo 1.26.0\n")
		write("fix.go", src)
		cmd := exec.Command(bin, append(mode, "-fix", "./...")...)
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		got, err := os.ReadFile(filepath.Join(dir, "fix.go"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), `db.PingContext(r.Context())`) {
			t.Errorf("%v -fix did not rewrite the call:\n%s\n%s", mode, got, out)
		}
	}
}

func TestContextLines(t *testing.T) {
	bin := perflint(t)
	out, code := run(t, bin, "-c=0", "-clientreuse", "./api")
	if code != 3 {
		t.Errorf("exit status %d, want 3\n%s", code, out)
	}
	if !regexp.MustCompile(`(?m)^9\t.*sql\.Open\(`).MatchString(out) {
		t.Errorf("-c=0 does not print line 9 of api.go:\n%s", out)
	}
}

func TestTiming(t *testing.T) {
	bin := perflint(t)
	out, _ := run(t, bin, "-timing", "./api")
	for _, want := range []string{"go list (metadata)", "parse and type-check", "analyzer clientreuse", "slowest packages"} {
		if !strings.Contains(out, want) {
			t.Errorf("-timing output lacks %q:\n%s", want, out)
		}
	}
}

func TestGoVetPathRefusesTestFalse(t *testing.T) {
	bin := perflint(t)
	out, code := run(t, bin, "-govet", "-test=false", "./api")
	if code != 2 || !strings.Contains(out, "-test=false") {
		t.Errorf("exit status %d, want 2 and an explanation\n%s", code, out)
	}
}

// -tags chooses the files as the go command's -tags does: a file behind
// //go:build integration is analyzed with -tags=integration, and only then.
func TestTags(t *testing.T) {
	bin := perflint(t)
	const want = "integration.go:11:11: sql.Open in handler tagged.Seed builds a new connection pool per request"
	for _, mode := range [][]string{nil, {"-govet"}} {
		for _, tags := range [][]string{{"-tags=integration"}, {"-tags", "integration"}} {
			args := append(append(append([]string{}, mode...), tags...), "./tagged")
			out, code := run(t, bin, args...)
			if code != 3 || !strings.Contains(out, want) {
				t.Errorf("%v: exit status %d, want 3 and %q\n%s", args, code, want, out)
			}
		}
		args := append(append([]string{}, mode...), "./tagged")
		if out, code := run(t, bin, args...); code != 0 || out != "" {
			t.Errorf("%v: exit status %d, output %q; want 0 and nothing (the file is not built)", args, code, out)
		}
	}
}

// -V prints the version; -V=full keeps the go command's tool-ID protocol
// (name, "version devel", ..., buildID=), which go vet -vettool relies on.
func TestVersion(t *testing.T) {
	bin := perflint(t)
	for _, args := range [][]string{{"-V"}, {"--V"}, {"-V=true"}, {"-V", "./api"}} {
		out, code := run(t, bin, args...)
		if code != 0 || !regexp.MustCompile(`^perflint version \S+ go\S+\n$`).MatchString(out) {
			t.Errorf("%v: exit status %d, output %q; want 0 and the version", args, code, out)
		}
	}
	out, code := run(t, bin, "-V=full")
	if f := strings.Fields(out); code != 0 || len(f) < 4 || f[1] != "version" || f[2] != "devel" || !strings.HasPrefix(f[len(f)-1], "buildID=") {
		t.Errorf("-V=full: exit status %d, output %q; want the tool-ID line", code, out)
	}
}
