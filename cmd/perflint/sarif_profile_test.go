package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/suite"
	"github.com/perflint/perflint/cmd/perflint/internal/suppress"
	"github.com/perflint/perflint/internal/confidence"
	"github.com/perflint/perflint/internal/ranking"
)

// TestSARIFProfile runs the suite as main wires it on the order service of
// testdata/profile (see profile_test.go): a finding in code the profile saw
// run is ranked by its CPU share, one it never saw by its confidence.
func TestSARIFProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("analyzes net/http from source")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "profile"))
	if err != nil {
		t.Fatal(err)
	}
	ranker := ranking.New()
	all := confidence.NewFlag()
	if err := all.Set("low"); err != nil {
		t.Fatal(err)
	}
	var analyzers []*analysis.Analyzer
	for _, a := range suite.Analyzers() {
		analyzers = append(analyzers, confidence.Filter(ranker.Wrap(suppress.Wrap(a)), all))
	}
	var out, errOut bytes.Buffer
	if code := runStandalone(analyzers, ranker, []string{"-sarif", "./..."}, dir, &out, &errOut); code != 3 {
		t.Fatalf("exit %d, want 3; stderr:\n%s", code, errOut.String())
	}
	validate(t, out.Bytes())
	var log map[string]any
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	results, _ := get(log, "runs", 0, "results").([]any)
	if len(results) != 2 {
		t.Fatalf("%d results, want 2:\n%s", len(results), out.Bytes())
	}
	for _, r := range results {
		msg, _ := get(r, "message", "text").(string)
		rank, _ := get(r, "rank").(float64)
		cpu, hasCPU := get(r, "properties", "cpu").(float64)
		level := get(r, "properties", "confidence")
		if strings.Contains(msg, "; the profile saw it run]") {
			if !hasCPU || rank != cpu || cpu < 50 || level != "high" {
				t.Errorf("hot result: rank %v, cpu %v (%v), confidence %v; want the CPU share as rank and property, high", rank, cpu, hasCPU, level)
			}
			continue
		}
		if hasCPU || rank != sarifRank[confidence.Low] || level != "low" {
			t.Errorf("cold result: rank %v, cpu %v, confidence %v; want the rank of low confidence, no cpu", rank, get(r, "properties", "cpu"), level)
		}
	}
}
