// Package suppress implements //nolint directives for the drivers that have
// none of their own (the standalone multichecker and go vet -vettool).
//
// The analyzers never filter their own findings: golangci-lint applies its
// own //nolint handling, and its nolintlint would call a directive unused if
// the analyzer had already dropped the finding. So the filter lives here, in
// the driver, as a wrapper around each analyzer's pass.Report.
//
// A directive is //nolint, //nolint:perflint, //nolint:all or
// //nolint:NAME[,NAME...],
// optionally followed by an explanation (//nolint:queryloop // batch of 3).
// It silences a finding when it stands
//   - on the finding's line;
//   - on a line of its own, for the statement or declaration that starts on
//     the next line (its whole extent);
//   - in the doc comment or on the first line of the enclosing top-level
//     declaration (the whole declaration).
package suppress

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// SuiteName is the directive token that silences every perflint analyzer.
const SuiteName = "perflint"

// Wrap returns a copy of a whose findings are filtered through the //nolint
// directives of the files being analyzed. Requires, facts and flags are
// shared with a, so the wrapped analyzer is interchangeable with it.
func Wrap(a *analysis.Analyzer) *analysis.Analyzer {
	wrapped := *a
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		var directives *fileSpans // built on the first finding only
		pass.Report = func(d analysis.Diagnostic) {
			if directives == nil {
				directives = collect(pass.Fset, pass.Files)
			}
			if !directives.silences(a.Name, pass.Fset.Position(d.Pos)) {
				report(d)
			}
		}
		return a.Run(pass)
	}
	return &wrapped
}

// span is a range of lines in one file silenced for some analyzers.
type span struct {
	from, to int
	names    []string // empty: every analyzer
}

// fileSpans maps a file name to its silenced spans.
type fileSpans struct {
	byFile map[string][]span
}

func (f *fileSpans) silences(analyzer string, pos token.Position) bool {
	for _, s := range f.byFile[pos.Filename] {
		if pos.Line < s.from || pos.Line > s.to {
			continue
		}
		if len(s.names) == 0 {
			return true
		}
		for _, n := range s.names {
			if n == analyzer || n == SuiteName || n == "all" {
				return true
			}
		}
	}
	return false
}

func collect(fset *token.FileSet, files []*ast.File) *fileSpans {
	spans := &fileSpans{byFile: make(map[string][]span)}
	for _, f := range files {
		name := fset.Position(f.Pos()).Filename
		spans.byFile[name] = fileDirectives(fset, f)
	}
	return spans
}

// fileDirectives returns the spans silenced by the directives in f.
func fileDirectives(fset *token.FileSet, f *ast.File) []span {
	type directive struct {
		line  int
		col   int
		names []string
	}
	var dirs []directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if names, ok := parse(c.Text); ok {
				p := fset.Position(c.Slash)
				dirs = append(dirs, directive{p.Line, p.Column, names})
			}
		}
	}
	if len(dirs) == 0 {
		return nil
	}

	// For each line: the column of its first node, and the last line of the
	// outermost node that starts there.
	firstCol := make(map[int]int)
	extent := make(map[int]int)
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, isComment := n.(*ast.CommentGroup); isComment {
			return false
		}
		start := fset.Position(n.Pos())
		if c, seen := firstCol[start.Line]; !seen || start.Column < c {
			firstCol[start.Line] = start.Column
		}
		if _, seen := extent[start.Line]; !seen {
			extent[start.Line] = fset.Position(n.End()).Line
		}
		return true
	})

	var spans []span
	for _, d := range dirs {
		spans = append(spans, span{d.line, d.line, d.names})
		if c, hasCode := firstCol[d.line]; !hasCode || d.col < c {
			// Alone on its line: it covers what starts on the next line.
			if end, ok := extent[d.line+1]; ok {
				spans = append(spans, span{d.line + 1, end, d.names})
			}
		}
	}
	for _, decl := range f.Decls {
		from := fset.Position(decl.Pos()).Line
		to := fset.Position(decl.End()).Line
		if doc := declDoc(decl); doc != nil {
			for _, c := range doc.List {
				if names, ok := parse(c.Text); ok {
					spans = append(spans, span{from, to, names})
				}
			}
		}
		for _, d := range dirs {
			if d.line == from {
				spans = append(spans, span{from, to, d.names})
			}
		}
	}
	return spans
}

func declDoc(decl ast.Decl) *ast.CommentGroup {
	switch decl := decl.(type) {
	case *ast.FuncDecl:
		return decl.Doc
	case *ast.GenDecl:
		return decl.Doc
	}
	return nil
}

// parse reports whether comment is a nolint directive and which analyzers it
// names (none: all of them).
func parse(comment string) (names []string, ok bool) {
	text, found := strings.CutPrefix(comment, "//")
	if !found {
		return nil, false
	}
	text = strings.TrimLeft(text, " \t")
	rest, found := strings.CutPrefix(text, "nolint")
	if !found {
		return nil, false
	}
	if rest == "" || rest[0] == ' ' || rest[0] == '\t' {
		return nil, true // bare //nolint, perhaps with an explanation
	}
	if rest[0] != ':' {
		return nil, false // //nolintfoo is not a directive
	}
	list := rest[1:]
	if i := strings.IndexAny(list, " \t"); i >= 0 {
		list = list[:i]
	}
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil, false
	}
	return names, true
}
