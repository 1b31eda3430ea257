package main_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The layered module is a service whose handlers know the layers below
// only by their interfaces (handler → service → repository → SQL), wired
// in main. Its findings need the whole program: a line marked
//
//	// whole: ANALYZER "regexp"
//
// must carry that finding from perflint ./..., and no other line any; with
// -whole=false and through go vet, which see one package at a time, the
// handlers' package cannot see the implementations and reports nothing.
func TestWholeProgram(t *testing.T) {
	bin := perflint(t)
	dir := filepath.Join("testdata", "layered")
	want := wholeExpectations(t, dir, "whole")
	if len(want) == 0 {
		t.Fatal("no // whole: expectations in the layered module")
	}
	compareFindings(t, want, findingsIn(t, bin, dir, "-confidence=low", "-json", "./..."))
	if got := findingsIn(t, bin, dir, "-confidence=low", "-json", "-whole=false", "./..."); len(got) != 0 {
		t.Errorf("-whole=false found %v, want nothing (the handlers' package sees no implementation)", got)
	}
}

// The places module has exported functions whose callers are all in other
// packages: a line marked // whole: carries its finding with the whole
// program in view, one marked // alone: with -whole=false, where nothing
// tells that main is their only caller.
func TestWholeProgramPlaces(t *testing.T) {
	bin := perflint(t)
	dir := filepath.Join("testdata", "places")
	compareFindings(t, wholeExpectations(t, dir, "whole"), findingsIn(t, bin, dir, "-confidence=low", "-json", "./..."))
	compareFindings(t, wholeExpectations(t, dir, "alone"), findingsIn(t, bin, dir, "-confidence=low", "-json", "-whole=false", "./..."))
}

// compareFindings reports the expectations without their finding, and the
// findings without an expectation.
func compareFindings(t *testing.T, want map[string]expectation, got map[string]wholeFinding) {
	t.Helper()
	for pos, w := range want {
		f, ok := got[pos]
		switch {
		case !ok:
			t.Errorf("%s: no finding, want %s %q", pos, w.analyzer, w.re)
		case f.analyzer != w.analyzer || !w.re.MatchString(f.message):
			t.Errorf("%s: got %s %q, want %s matching %q", pos, f.analyzer, f.message, w.analyzer, w.re)
		}
	}
	for pos, f := range got {
		if _, ok := want[pos]; !ok {
			t.Errorf("%s: unexpected %s finding %q", pos, f.analyzer, f.message)
		}
	}
}

type expectation struct {
	analyzer string
	re       *regexp.Regexp
}

type wholeFinding struct{ analyzer, message string }

var wholeComment = regexp.MustCompile(`// (whole|alone|both): (\w+) "([^"]*)"`)

// wholeExpectations reads the module's expectations for a mode ("whole"
// or "alone"; "both" holds in either), keyed by file:line (relative to
// dir).
func wholeExpectations(t *testing.T, dir, mode string) map[string]expectation {
	t.Helper()
	want := make(map[string]expectation)
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		rel, _ := filepath.Rel(dir, path)
		sc := bufio.NewScanner(f)
		for line := 1; sc.Scan(); line++ {
			for _, m := range wholeComment.FindAllStringSubmatch(sc.Text(), -1) {
				if m[1] == mode || m[1] == "both" {
					want[fmt.Sprintf("%s:%d", rel, line)] = expectation{m[2], regexp.MustCompile(m[3])}
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// findingsIn runs perflint -json in dir and returns its findings by
// file:line relative to dir (a package and its test variant report the
// same finding once).
func findingsIn(t *testing.T, bin, dir string, args ...string) map[string]wholeFinding {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("perflint %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := make(map[string]wholeFinding)
	pkgs := make([]string, 0, len(tree))
	for pkg := range tree {
		pkgs = append(pkgs, pkg)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		for analyzer, list := range tree[pkg] {
			for _, d := range list {
				// file:line:col → file:line, relative to dir
				posn := strings.TrimPrefix(d.Posn, abs+string(filepath.Separator))
				if i := strings.LastIndex(posn, ":"); i >= 0 {
					posn = posn[:i]
				}
				got[posn] = wholeFinding{analyzer, d.Message}
			}
		}
	}
	return got
}
