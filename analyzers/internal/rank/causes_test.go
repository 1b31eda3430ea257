package rank

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func edit(pos, end int, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: token.Pos(pos), End: token.Pos(end), NewText: []byte(text)}
}

func fix(edits ...analysis.TextEdit) []analysis.SuggestedFix {
	return []analysis.SuggestedFix{{Message: "m", TextEdits: edits}}
}

func TestMergeFixes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		head   []analysis.SuggestedFix
		others []analysis.SuggestedFix
		edits  int // of the one fix returned
	}{
		{"apart edits join the head's fix", fix(edit(10, 12, "a")), fix(edit(20, 22, "b"), edit(30, 30, "c")), 3},
		{"an edit both fixes make counts once", fix(edit(1, 1, "import"), edit(10, 12, "a")), fix(edit(1, 1, "import"), edit(20, 22, "b")), 3},
		{"overlapping edits leave the head's fix alone", fix(edit(10, 20, "a")), fix(edit(15, 25, "b")), 1},
		{"touching edits leave the head's fix alone", fix(edit(10, 20, "a")), fix(edit(20, 20, "b")), 1},
	} {
		got := mergeFixes(tc.head, tc.others)
		if len(got) != 1 || len(got[0].TextEdits) != tc.edits {
			t.Errorf("%s: got %v, want one fix of %d edits", tc.name, got, tc.edits)
		}
	}
	if got := mergeFixes(nil, fix(edit(1, 2, "x"))); got != nil {
		t.Errorf("a head without a fix gains none: got %v", got)
	}
}
