package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The order service of testdata/profile (see its gen.sh): default.pgo is a
// profile of its benchmark, in which the handler ListOrders takes nearly
// all the CPU and CancelOrders never runs. Each logs in a loop: logloop
// rates both medium (a log line is never more), the first for want of
// evidence, the second capped. runIn asks perflint for every level
// (-confidence=low) unless a test sets one.
var serviceDir = filepath.Join("..", "..", "testdata", "profile")

// runIn runs name with args in dir and returns its stdout, stderr and exit
// status.
func runIn(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if filepath.Base(name) != "go" && !hasConfidence(args) {
		args = append([]string{"-confidence=low"}, args...)
	}
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("%s: %v", name, err)
	}
	return out.String(), errOut.String(), code
}

func hasConfidence(args []string) bool {
	for _, a := range args {
		if strings.HasPrefix(a, "-confidence") || strings.HasSuffix(a, ".cfg") || a == "-V=full" || a == "-flags" {
			return true
		}
	}
	return false
}

// logFinding matches a logloop finding of the service: its line and the
// tags that end its message.
var logFinding = regexp.MustCompile(`orders\.go:(\d+):\d+: log\.Printf inside a loop [^\n]*?( \[(?:high|medium|low): [^\n]*)\n`)

// findings returns the tags of the service's log findings in output order,
// each as "line tags".
func findings(out string) []string {
	var got []string
	for _, m := range logFinding.FindAllStringSubmatch(out, -1) {
		got = append(got, m[1]+m[2])
	}
	return got
}

const (
	hotTag  = " [high: on the request path; where the loop's items come from is not shown; the profile saw it run] [cpu "
	coldTag = " [low: the loop goes over the request's decoded body; a log line per item costs less than a round-trip; the profile never saw it run]"
	// Without a profile.
	hotPlain  = " [medium: on the request path; where the loop's items come from is not shown]"
	coldPlain = " [medium: the loop goes over the request's decoded body; a log line per item costs less than a round-trip]"
)

// wantTags checks that got (from findings) has, in order, lines with
// these tags: a tag ending in "[cpu " is followed by a percentage.
func wantTags(t *testing.T, what string, got []string, tags ...string) {
	t.Helper()
	ok := len(got) == len(tags)
	for i := 0; ok && i < len(tags); i++ {
		_, tag, _ := strings.Cut(got[i], " ")
		tag = " " + tag
		if strings.HasSuffix(tags[i], "[cpu ") {
			ok = strings.HasPrefix(tag, tags[i]) && regexp.MustCompile(`\[cpu \d+\.\d%\]$`).MatchString(tag)
		} else {
			ok = tag == tags[i]
		}
	}
	if !ok {
		t.Errorf("%s: findings\n\t%s\nwant tags\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(tags, "\n\t"))
	}
}

// The service's main package has a default.pgo: perflint ranks by it
// unless told -profile=off; an explicit -profile does the same.
func TestProfileRanksFindings(t *testing.T) {
	bin := perflint(t)
	for _, args := range [][]string{{"./..."}, {"-profile=default.pgo", "./..."}, {"-profile", "default.pgo", "./orders"}} {
		out, stderr, code := runIn(t, serviceDir, bin, args...)
		if code != 3 || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q; want 3 and nothing", args, code, stderr)
		}
		// CancelOrders comes first in the file.
		wantTags(t, strings.Join(args, " "), findings(out), coldTag, hotTag)
	}
	out, stderr, code := runIn(t, serviceDir, bin, "-profile=off", "./...")
	if code != 3 || stderr != "" {
		t.Errorf("-profile=off: exit %d, stderr %q; want 3 and nothing", code, stderr)
	}
	wantTags(t, "-profile=off", findings(out), coldPlain, hotPlain)
}

// The confidence filter sees the level the profile set.
func TestProfileConfidenceFilter(t *testing.T) {
	bin := perflint(t)
	out, _, _ := runIn(t, serviceDir, bin, "-confidence=high", "./...")
	wantTags(t, "-confidence=high", findings(out), hotTag)
	// Without the profile, neither log line has the evidence for high.
	out, _, _ = runIn(t, serviceDir, bin, "-confidence=high", "-profile=off", "./...")
	wantTags(t, "-confidence=high -profile=off", findings(out))
}

func TestSortProfile(t *testing.T) {
	bin := perflint(t)
	out, _, code := runIn(t, serviceDir, bin, "-sort=profile", "./...")
	if code != 3 {
		t.Errorf("exit %d, want 3", code)
	}
	wantTags(t, "-sort=profile", findings(out), hotTag, coldTag)
	// The related position ("the loop") stays under its finding.
	if !regexp.MustCompile(`\[cpu [\d.]+%\]\n[^\n]*orders\.go:\d+:\d+: \tthe loop\n`).MatchString(out) {
		t.Errorf("the loop does not follow the hot finding:\n%s", out)
	}
	for _, args := range [][]string{{"-sort=profile", "-json"}, {"-sort=profile", "-sarif"}, {"-sort=profile", "-govet"}, {"-sort=size"}} {
		_, stderr, code := runIn(t, serviceDir, bin, append(args, "./...")...)
		if code != 2 || !strings.Contains(stderr, "-sort") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and why", args, code, stderr)
		}
	}
}

func TestProfileJSON(t *testing.T) {
	bin := perflint(t)
	out, _, code := runIn(t, serviceDir, bin, "-json", "./...")
	if code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	var tree map[string]map[string][]map[string]any
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	list := tree["example.com/shop/orders"]["logloop"]
	if len(list) != 2 {
		t.Fatalf("logloop findings %v, want 2", list)
	}
	for _, f := range list {
		msg, _ := f["message"].(string)
		cpu, hasCPU := f["cpu"].(float64)
		switch {
		case strings.Contains(msg, "; the profile saw it run]"):
			if !hasCPU || cpu < 50 || !strings.HasSuffix(msg, fmt.Sprintf("[cpu %.1f%%]", cpu)) {
				t.Errorf("hot finding: cpu %v (%v), want its share in percent: %s", f["cpu"], hasCPU, msg)
			}
			if f["confidence"] != "high" {
				t.Errorf("hot finding: confidence %v, want high", f["confidence"])
			}
		default:
			if _, ok := f["cpu"]; ok {
				t.Errorf("cold finding has cpu %v, want none", f["cpu"])
			}
			if f["confidence"] != "low" {
				t.Errorf("cold finding: confidence %v, want low", f["confidence"])
			}
		}
	}
}

// copyService copies the service into a temporary directory.
func copyService(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(serviceDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(serviceDir, path)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// With several main packages, the first one's default.pgo (by import
// path) is used, and perflint says so; without one, nothing is ranked.
func TestProfileDiscovery(t *testing.T) {
	bin := perflint(t)
	dir := copyService(t)
	// A second command, sorted after example.com/shop, whose default.pgo is
	// another program's.
	if err := os.MkdirAll(filepath.Join(dir, "zcmd"), 0o755); err != nil {
		t.Fatal(err)
	}
	foreign, err := os.ReadFile(filepath.Join(dir, "foreign.pgo"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"zcmd/main.go":     []byte("package main\n\nfunc main() {}\n"),
		"zcmd/default.pgo": foreign,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, _ := runIn(t, dir, bin, "./...")
	if want := "perflint: ranking by default.pgo, the first of 2 main packages' default.pgo (others: " + filepath.Join("zcmd", "default.pgo") + ")"; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	wantTags(t, "two main packages", findings(out), coldTag, hotTag)

	// Only the second command analyzed: its profile is the one found.
	_, stderr, _ = runIn(t, dir, bin, "./zcmd", "./orders")
	if !strings.Contains(stderr, "foreign profile") {
		t.Errorf("./zcmd ./orders: stderr %q, want the foreign profile warning", stderr)
	}

	// No main package among those analyzed: no default profile.
	out, stderr, _ = runIn(t, dir, bin, "./orders")
	if stderr != "" {
		t.Errorf("./orders: stderr %q, want nothing", stderr)
	}
	wantTags(t, "no main package", findings(out), coldPlain, hotPlain)

	// go vet, and -govet, use only an explicit profile.
	out, _, _ = runIn(t, dir, bin, "-govet", "./...")
	wantTags(t, "-govet", findings(out), coldPlain, hotPlain)
	out, _, _ = runIn(t, dir, bin, "-govet", "-profile=default.pgo", "./...")
	wantTags(t, "-govet -profile=default.pgo", findings(out), coldTag, hotTag)
	_, out, _ = runIn(t, dir, "go", "vet", "-vettool="+bin, "-confidence=low", "-profile="+filepath.Join(dir, "default.pgo"), "./...")
	wantTags(t, "go vet -vettool -profile", findings(out), coldTag, hotTag)
	_, out, _ = runIn(t, dir, "go", "vet", "-vettool="+bin, "-confidence=low", "./...")
	wantTags(t, "go vet -vettool", findings(out), coldPlain, hotPlain)
}

// A profile of another program warns and ranks nothing.
func TestForeignProfile(t *testing.T) {
	bin := perflint(t)
	plain, _, _ := runIn(t, serviceDir, bin, "-profile=off", "./...")
	out, stderr, code := runIn(t, serviceDir, bin, "-profile=foreign.pgo", "./...")
	if code != 3 || out != plain {
		t.Errorf("exit %d, output\n%s\nwant 3 and the output without a profile:\n%s", code, out, plain)
	}
	for _, want := range []string{
		"perflint: warning: profile foreign.pgo has 211 CPU samples, fewer than 1000: shares are noise",
		"perflint: warning: the profile has no samples in the analyzed packages (foreign profile: ranking off)",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q, want %q", stderr, want)
		}
	}
}

// A profile older than the code (a function renamed since) warns once and
// ranks as before.
func TestStaleProfile(t *testing.T) {
	bin := perflint(t)
	dir := copyService(t)
	fresh, _, _ := runIn(t, dir, bin, "./...")
	file := filepath.Join(dir, "orders", "orders.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	renamed := strings.ReplaceAll(string(src), "Total()", "Value()")
	if err := os.WriteFile(file, []byte(renamed), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runIn(t, dir, bin, "./...")
	if code != 3 || out != fresh {
		t.Errorf("exit %d, output\n%s\nwant 3 and the output before the rename:\n%s", code, out, fresh)
	}
	want := "perflint: warning: 1 function of the profile is no longer in the code: the profile is stale (example.com/shop/orders.Order.Total)\n"
	if stderr != want {
		t.Errorf("stderr %q, want %q once", stderr, want)
	}
}

func TestBadProfile(t *testing.T) {
	bin := perflint(t)
	for _, args := range [][]string{{"-profile=missing.pgo"}, {"-profile=go.mod"}} {
		out, stderr, code := runIn(t, serviceDir, bin, append(args, "./...")...)
		if code != 1 || out != "" || !strings.HasPrefix(stderr, "perflint: -profile: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 1 and the reason", args, code, out, stderr)
		}
	}
}
