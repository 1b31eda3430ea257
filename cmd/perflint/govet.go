package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/internal/confidence"
	"github.com/perflint/perflint/internal/ranking"
)

// With -govet (and always for -fix and -diff), a standalone run goes
// through the go command:
//
//	go vet -vettool=<this binary> -json [flags] [packages]
//
// The go command then runs perflint once per package, dependencies first,
// each process reading its dependencies' types from export data and their
// facts from files, and caches both the facts and the findings: memory stays
// flat and a re-run on unchanged code is nearly free, but a first run costs
// more CPU than the in-process driver (a process and export-data reads per
// package). This path prints the findings as the in-process driver would and
// keeps its exit codes: 3 with findings, 1 when packages fail to load, 0
// when clean.

// passThrough are the flags whose output go vet itself produces as this
// driver would: fixes, diffs, and text with context lines.
var passThrough = []string{"fix", "diff", "c"}

// runThroughGoVet runs the analysis as go vet -vettool=<this binary>, in
// dir, and prints what it reports as the standalone driver would.
func runThroughGoVet(args []string, dir string, stdout, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(stderr, "perflint:", err)
		return 1
	}
	vet := []string{"vet", "-vettool=" + self}
	args = absProfile(dropDriverDefaults(args), dir)
	command := func(args []string) *exec.Cmd {
		cmd := exec.Command("go", append(vet, args...)...)
		cmd.Dir, cmd.Stdin, cmd.Stdout, cmd.Stderr = dir, os.Stdin, stdout, stderr
		return cmd
	}
	if hasFlag(args, passThrough) {
		return exitCode(command(args).Run())
	}
	var out bytes.Buffer
	wantJSON := hasFlag(args, []string{"json"})
	if !wantJSON {
		args = append([]string{"-json"}, args...)
	}
	cmd := command(args)
	cmd.Stdout = &out
	runErr := cmd.Run()
	if wantJSON {
		return printMergedJSON(stdout, stderr, &out, runErr)
	}
	findings, analyzerErrs, err := decodeVetJSON(&out)
	if err != nil {
		fmt.Fprintf(stderr, "perflint: reading go vet's output: %v\n", err)
		return 1
	}
	printFindings(stdout, findings)
	for _, e := range analyzerErrs {
		fmt.Fprintln(stderr, e)
	}
	switch {
	case runErr != nil || len(analyzerErrs) > 0:
		if exitCode(runErr) == -1 {
			fmt.Fprintf(stderr, "perflint: go vet: %v\n", runErr)
		}
		return 1
	case len(findings) > 0:
		return 3
	}
	return 0
}

// dropDriverDefaults removes the flags of this driver that go vet does not
// know and that only chose this path or ask for what it does anyway:
// -govet, -format=text, -sarif=false, -test.
func dropDriverDefaults(args []string) []string {
	var kept []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			return append(kept, args[i:]...)
		}
		switch strings.TrimLeft(a, "-") {
		case "govet", "govet=true", "format=text", "sarif=false", "test", "test=true", "sort=" + sortPosition:
			continue
		case "format", "sort":
			if i+1 < len(args) && args[i+1] == map[string]string{"format": "text", "sort": sortPosition}[strings.TrimLeft(a, "-")] {
				i++
				continue
			}
		}
		kept = append(kept, a)
	}
	return kept
}

// absProfile makes a -profile path absolute: the go command runs the tool
// in each package's directory.
func absProfile(args []string, dir string) []string {
	abs := func(path string) string {
		if path == "" || path == ranking.Off || filepath.IsAbs(path) {
			return path
		}
		if p, err := filepath.Abs(filepath.Join(dir, path)); err == nil {
			return p
		}
		return path
	}
	out := slices.Clone(args)
	for i := 0; i < len(out) && strings.HasPrefix(out[i], "-"); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(out[i], "-"), "=")
		switch {
		case name == "profile" && hasValue:
			out[i] = "-profile=" + abs(value)
		case name == "profile" && i+1 < len(out):
			out[i+1] = abs(out[i+1])
			i++
		case !hasValue && valueFlags[name]:
			i++
		}
	}
	return out
}

// hasFlag reports whether args, up to the first package pattern, set one of
// the named flags (-name, --name, -name=value).
func hasFlag(args []string, names []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") {
			return false
		}
		name := strings.TrimLeft(a, "-")
		name, _, hasValue := strings.Cut(name, "=")
		if !hasValue && valueFlags[name] {
			i++ // -tags integration: the next argument is the value
		}
		for _, n := range names {
			if name == n {
				return true
			}
		}
	}
	return false
}

// valueFlags are the flags of this driver that take a value, which may be
// written as the next argument.
var valueFlags = map[string]bool{
	"tags": true, "c": true, "format": true, "cpuprofile": true, "memprofile": true, "trace": true,
	"profile": true, "sort": true,
	"summary.queries": true, "summary.pools": true, "summary.loggers": true,
}

func exitCode(err error) int {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.ExitCode()
	}
	return -1
}

// vetFinding is one diagnostic as analysisflags' JSON spells it.
type vetFinding struct {
	Analyzer string `json:"-"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Related  []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

// decodeVetJSON reads the stream of per-package JSON trees go vet -json
// prints: {"pkg": {"analyzer": [findings] or {"error": "..."}}}. A package
// and its test variant report the same findings: each is kept once.
func decodeVetJSON(r io.Reader) ([]vetFinding, []string, error) {
	var findings []vetFinding
	var errs []string
	seen := make(map[string]bool)
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, err
		}
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var list []vetFinding
				if err := json.Unmarshal(raw, &list); err != nil {
					var failure struct{ Error string }
					if json.Unmarshal(raw, &failure) == nil && failure.Error != "" {
						errs = append(errs, fmt.Sprintf("%s: %s: %s", pkg, analyzer, failure.Error))
					}
					continue
				}
				for _, f := range list {
					f.Analyzer = analyzer
					key := analyzer + "\x00" + f.Posn + "\x00" + f.Message
					if !seen[key] {
						seen[key] = true
						findings = append(findings, f)
					}
				}
			}
		}
	}
	sort.Strings(errs)
	sort.Slice(findings, func(i, j int) bool { return lessFinding(findings[i], findings[j]) })
	return findings, errs, nil
}

// printMergedJSON merges go vet's per-package JSON trees into the single
// tree multichecker's -json prints (packages without findings left out).
// Like multichecker, it exits 0 unless packages failed to load.
func printMergedJSON(w, stderr io.Writer, r io.Reader, runErr error) int {
	merged := make(map[string]map[string]json.RawMessage)
	dec := json.NewDecoder(r)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			fmt.Fprintf(stderr, "perflint: reading go vet's output: %v\n", err)
			return 1
		}
		for pkg, byAnalyzer := range tree {
			if len(byAnalyzer) > 0 {
				for name, raw := range byAnalyzer {
					byAnalyzer[name] = withConfidence(raw)
				}
				merged[pkg] = byAnalyzer
			}
		}
	}
	out, err := json.MarshalIndent(merged, "", "\t")
	if err != nil {
		fmt.Fprintf(stderr, "perflint: %v\n", err)
		return 1
	}
	fmt.Fprintf(w, "%s\n", out)
	if runErr != nil {
		return 1
	}
	return 0
}

// withConfidence adds the confidence field the standalone path's JSON has
// to each finding of go vet's list (read from its category); an analyzer's
// failure ({"error": ...}) is left as it is.
func withConfidence(raw json.RawMessage) json.RawMessage {
	var list []map[string]any
	if json.Unmarshal(raw, &list) != nil {
		return raw
	}
	for _, f := range list {
		category, _ := f["category"].(string)
		f["confidence"] = confidence.Of(analysis.Diagnostic{Category: category}).String()
	}
	out, err := json.Marshal(list)
	if err != nil {
		return raw
	}
	return out
}

// printFindings writes findings as multichecker's text output does: the
// position, the message, then each related position indented.
func printFindings(w io.Writer, findings []vetFinding) {
	for _, f := range findings {
		fmt.Fprintf(w, "%s: %s\n", f.Posn, f.Message)
		for _, r := range f.Related {
			fmt.Fprintf(w, "%s: \t%s\n", r.Posn, r.Message)
		}
	}
}

// lessFinding orders findings by file, line, column, analyzer and message.
func lessFinding(x, y vetFinding) bool {
	xf, xl, xc := splitPosn(x.Posn)
	yf, yl, yc := splitPosn(y.Posn)
	switch {
	case xf != yf:
		return xf < yf
	case xl != yl:
		return xl < yl
	case xc != yc:
		return xc < yc
	case x.Analyzer != y.Analyzer:
		return x.Analyzer < y.Analyzer
	}
	return x.Message < y.Message
}

// splitPosn splits "file:line:col" (the file may itself contain colons).
func splitPosn(posn string) (file string, line, col int) {
	rest, c, ok := cutLast(posn)
	if !ok {
		return posn, 0, 0
	}
	file, l, ok := cutLast(rest)
	if !ok {
		return rest, c, 0
	}
	return file, l, c
}

func cutLast(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0, false
	}
	return s[:i], n, true
}
