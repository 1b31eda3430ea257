package confidence

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestReset(t *testing.T) {
	for _, tc := range []struct {
		msg, category string
		level         Level
		want          string
	}{
		{"log in loop [medium: on the request path]", "medium", High,
			"log in loop [high: on the request path; the profile saw it run]"},
		{"log in loop [high: the loop goes over the body]", "high", Medium,
			"log in loop [medium: the loop goes over the body; the profile saw it run]"},
		// A reason with brackets of its own: only the last level tag counts.
		{"chain F[...] [low: via G[...]]", "low", Low,
			"chain F[...] [low: via G[...]; the profile saw it run]"},
		// Another suite's finding has no tag: one is added.
		{"something else", "", Medium, "something else [medium: the profile saw it run]"},
		{"ends with [a bracket]", "", High, "ends with [a bracket] [high: the profile saw it run]"},
	} {
		d := analysis.Diagnostic{Message: tc.msg, Category: tc.category}
		Reset(&d, tc.level, "the profile saw it run")
		if d.Message != tc.want || d.Category != tc.level.String() {
			t.Errorf("Reset(%q, %s):\n got %q (%s)\nwant %q (%s)", tc.msg, tc.level, d.Message, d.Category, tc.want, tc.level)
		}
		if Of(d) != tc.level {
			t.Errorf("Of after Reset = %s, want %s", Of(d), tc.level)
		}
	}
}
