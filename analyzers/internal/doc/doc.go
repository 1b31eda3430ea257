// Package doc extracts an analyzer's documentation from its package doc
// comment, so that `perflint help NAME`, golangci-lint and SARIF rules show
// the same text as go doc.
package doc

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the section of the package doc comment in src (a doc.go
// file's contents) that follows the heading "# Analyzer NAME", whose first
// line is "NAME: summary". It panics if the section is missing: a missing
// doc is a programming error caught by every test.
func Extract(src, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		panic(fmt.Sprintf("doc.go of %s: no package doc", name))
	}
	return section(f.Doc, name)
}

func section(cg *ast.CommentGroup, name string) string {
	text := cg.Text()
	heading := "# Analyzer " + name + "\n"
	_, rest, ok := strings.Cut(text, heading)
	if !ok {
		panic(fmt.Sprintf("doc.go of %s: no %q heading", name, strings.TrimSpace(heading)))
	}
	if next := strings.Index(rest, "\n# "); next >= 0 {
		rest = rest[:next]
	}
	rest = strings.TrimSpace(rest)
	prefix := name + ": "
	if !strings.HasPrefix(rest, prefix) {
		panic(fmt.Sprintf("doc.go of %s: section must start with %q", name, prefix))
	}
	return strings.TrimPrefix(rest, prefix)
}
