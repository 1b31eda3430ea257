// Package confidence ranks perflint's findings: how sure a finding is to be
// worth fixing, from the evidence the analyzer had.
//
//   - high: the evidence a reviewer would ask for is in the code — a pool
//     built in a handler, a query per row of another query, a body never
//     closed on a path;
//   - medium: the costly thing is certain, where it runs or how often is
//     inferred — a loop over a parameter of a function on the request path,
//     an effect through a chain of helpers;
//   - low: true by the letter, with no evidence of load — a loop whose data
//     is unknown, code that no handler, consumer or worker is seen to run,
//     test harnesses and examples outside _test.go, an embedded database.
//
// An analyzer states the level in the finding's Category (one of the
// names above), so every driver can read and filter it, and ends the
// message with the level and its reason, so that a user reading any
// driver's text output, and analysistest's `// want`, sees both.
package confidence

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Level is a finding's confidence.
type Level int

const (
	Low Level = iota + 1
	Medium
	High
)

// Default is the lowest level reported unless -confidence says otherwise:
// the lowest level whose findings were at least 90 % true on services
// perflint was never tuned on (docs/precision.md).
const Default = High

var names = [...]string{Low: "low", Medium: "medium", High: "high"}

func (l Level) String() string {
	if l < Low || l > High {
		return "unknown"
	}
	return names[l]
}

// Parse reads a level's name.
func Parse(s string) (Level, error) {
	for l := Low; l <= High; l++ {
		if strings.EqualFold(s, names[l]) {
			return l, nil
		}
	}
	return 0, fmt.Errorf("unknown confidence %q (want low, medium or high)", s)
}

// Of returns the level of a finding. A finding whose category names no
// level (another suite's analyzer) counts as high: nothing filters it.
func Of(d analysis.Diagnostic) Level {
	if l, err := Parse(d.Category); err == nil {
		return l
	}
	return High
}

// Set gives d level l and ends its message with the level and why.
func Set(d *analysis.Diagnostic, l Level, why string) {
	d.Category = l.String()
	d.Message += fmt.Sprintf(" [%s: %s]", l, why)
}

// Untagged returns a finding's message without its trailing tags (the
// level Set or Reset wrote, and a profile's " [cpu …]"): what two copies
// of one finding share whatever their levels.
func Untagged(msg string) string {
	if i := strings.LastIndex(msg, " [cpu "); i >= 0 && strings.HasSuffix(msg, "]") {
		msg = msg[:i]
	}
	if before, _, ok := cutTag(msg); ok {
		return before
	}
	return msg
}

// Reset gives d level l for a further reason, why: it rewrites the
// trailing " [level: reason]" tag Set wrote to " [l: reason; why]", keeping
// the analyzer's reason beside the new one, or appends " [l: why]" when
// the message has no such tag (another suite's analyzer).
func Reset(d *analysis.Diagnostic, l Level, why string) {
	d.Category = l.String()
	if msg, reason, ok := cutTag(d.Message); ok {
		d.Message = fmt.Sprintf("%s [%s: %s; %s]", msg, l, reason, why)
		return
	}
	d.Message += fmt.Sprintf(" [%s: %s]", l, why)
}

// cutTag splits a message that ends with a " [level: reason]" tag into the
// message before it and the reason.
func cutTag(msg string) (before, reason string, ok bool) {
	if !strings.HasSuffix(msg, "]") {
		return "", "", false
	}
	at := -1
	var open string
	for l := Low; l <= High; l++ {
		prefix := " [" + names[l] + ": "
		if i := strings.LastIndex(msg, prefix); i > at {
			at, open = i, prefix
		}
	}
	if at < 0 {
		return "", "", false
	}
	return msg[:at], msg[at+len(open) : len(msg)-1], true
}

// Lower returns the level below l; Low stays Low.
func (l Level) Lower() Level { return max(l-1, Low) }

// Flag is a Level as a flag.Value, set to Default until parsed.
type Flag struct{ Level Level }

// NewFlag returns a flag value holding Default.
func NewFlag() *Flag { return &Flag{Default} }

func (f *Flag) String() string {
	if f == nil || f.Level == 0 {
		return Default.String()
	}
	return f.Level.String()
}

func (f *Flag) Set(s string) error {
	l, err := Parse(s)
	if err != nil {
		return err
	}
	f.Level = l
	return nil
}

// Usage is the flag's help text in every driver.
const Usage = "lowest confidence reported: high, medium or low (low reports everything perflint finds; see README, Confidence)"

// Filter returns a copy of a that reports only findings of at least the
// level min holds when a pass runs (flags are parsed after analyzers are
// built). Requires, facts and flags are shared with a.
func Filter(a *analysis.Analyzer, min *Flag) *analysis.Analyzer {
	wrapped := *a
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if Of(d) >= min.Level {
				report(d)
			}
		}
		return a.Run(pass)
	}
	return &wrapped
}
