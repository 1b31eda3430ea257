package rank

import (
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/internal/confidence"
)

// peers are the linters of golangci-lint that check what an analyzer
// checks, by analyzer: where a line's //nolint names one, its authors
// looked at the same question and decided.
var peers = map[string][]string{
	"ctxflow":   {"contextcheck", "noctx"},
	"bodydrain": {"bodyclose"},
}

// peerSuppressed returns the judgment of a finding on a line whose
// //nolint directive names a peer linter: low, a decision on record.
func peerSuppressed(pass *analysis.Pass, pos token.Pos) (Judgment, bool) {
	names := peers[pass.Analyzer.Name]
	if len(names) == 0 {
		return Judgment{}, false
	}
	for _, name := range names {
		if SuppressedOnLine(pass, pos, name) {
			return Judgment{Level: confidence.Low, Why: "its authors suppressed " + name + "'s check of the same thing on this line (//nolint:" + name + "): a decision on record"}, true
		}
	}
	return Judgment{}, false
}

// SuppressedOnLine reports whether the line of pos carries a //nolint
// directive naming linter (or, for gosec, a #nosec comment).
func SuppressedOnLine(pass *analysis.Pass, pos token.Pos, linter string) bool {
	fset := pass.Fset
	line := fset.Position(pos).Line
	for _, f := range pass.Files {
		if f.FileStart > pos || pos > f.FileEnd {
			continue
		}
		for _, group := range f.Comments {
			for _, cm := range group.List {
				if fset.Position(cm.Pos()).Line != line {
					continue
				}
				if linter == "gosec" && strings.Contains(cm.Text, "#nosec") {
					return true
				}
				if rest, ok := strings.CutPrefix(cm.Text, "//nolint:"); ok {
					list, _, _ := strings.Cut(rest, " ")
					if slices.Contains(strings.Split(list, ","), linter) {
						return true
					}
				}
			}
		}
	}
	return false
}
