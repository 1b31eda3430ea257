package rank

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
)

// Causes holds the findings of a package that one fix resolves together
// (the round-trips of one loop, the calls of one function that drop its
// context, the servers one function starts without timeouts) and reports
// each cause once: its most confident finding, with the others as related
// positions. A reviewer counts one problem there, and so should the user.
type Causes struct {
	pass  *analysis.Pass
	index map[any]int
	found []*cause
}

type cause struct {
	d      analysis.Diagnostic
	j      Judgment
	others []analysis.RelatedInformation
	fixes  []analysis.SuggestedFix // the edits of the others, merged into the head's fix
}

// NewCauses returns an empty set of causes reported on pass.
func NewCauses(pass *analysis.Pass) *Causes {
	return &Causes{pass: pass, index: make(map[any]int)}
}

// Add records finding d, judged j, under key: findings with equal keys are
// one cause. A nil key is a cause of its own. related says what d is when
// it is shown as another finding's related position. Findings judged to
// be dropped are not recorded.
func (c *Causes) Add(key any, d analysis.Diagnostic, j Judgment, related string) {
	if j.Drop {
		return
	}
	i, ok := c.index[key]
	if key == nil || !ok {
		if key != nil {
			c.index[key] = len(c.found)
		}
		c.found = append(c.found, &cause{d: d, j: j})
		return
	}
	g := c.found[i]
	if j.Level > g.j.Level {
		// The more confident finding leads; the head so far joins the others.
		d, g.d = g.d, d
		j, g.j = g.j, j
	}
	g.others = append(g.others, analysis.RelatedInformation{Pos: d.Pos, End: d.End, Message: related})
	g.fixes = append(g.fixes, d.SuggestedFixes...)
}

// Report reports each cause in the order its first finding was added; more
// returns what is appended to the head's message when n other findings
// share its cause.
func (c *Causes) Report(more func(n int) string) {
	for _, g := range c.found {
		if n := len(g.others); n > 0 {
			g.d.Message += more(n)
			g.d.Related = append(g.d.Related, g.others...)
			g.d.SuggestedFixes = mergeFixes(g.d.SuggestedFixes, g.fixes)
		}
		Report(c.pass, g.d, g.j)
	}
}

// mergeFixes folds the edits of the other findings' fixes into the head's
// single fix, so that applying it resolves the whole cause. Where that is
// not clean (several fixes to choose from, or edits that overlap), the
// head keeps its own fix alone.
func mergeFixes(head, others []analysis.SuggestedFix) []analysis.SuggestedFix {
	if len(head) != 1 || len(others) == 0 {
		return head
	}
	edits := append([]analysis.TextEdit(nil), head[0].TextEdits...)
	for _, f := range others {
		for _, e := range f.TextEdits {
			switch overlaps(edits, e) {
			case same:
			case apart:
				edits = append(edits, e)
			default:
				return head
			}
		}
	}
	return []analysis.SuggestedFix{{Message: head[0].Message, TextEdits: edits}}
}

type relation int

const (
	apart relation = iota
	same
	clash
)

// overlaps says how e relates to edits: apart from all, equal to one of
// them (an import both fixes add), or in conflict.
func overlaps(edits []analysis.TextEdit, e analysis.TextEdit) relation {
	for _, o := range edits {
		if o.Pos == e.Pos && o.End == e.End && string(o.NewText) == string(e.NewText) {
			return same
		}
		if e.Pos <= o.End && o.Pos <= e.End {
			return clash
		}
	}
	return apart
}

// Count spells n things: "1 call", "2 calls".
func Count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
