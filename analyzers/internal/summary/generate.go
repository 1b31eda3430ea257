package summary

import (
	"path"
	"strings"
)

// Programs that go generate runs.
//
// A command of the module that a //go:generate go run directive names
// (//go:generate go run ./downloader) runs on a developer's machine at
// build time: a development tool, not the service. The directive is in
// another package, which the tool does not import, so each package records
// the commands its directives run (Package.generates) and, with the whole
// program in view, a main package named there is harness code.

// generatedCommands returns the import paths of the module's packages that
// the package's //go:generate go run directives run.
func (r *Result) generatedCommands() []string {
	var out []string
	for _, f := range r.pass.Files {
		for _, group := range f.Comments {
			for _, c := range group.List {
				if p := r.goRunTarget(c.Text); p != "" {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// goRunTarget returns the package a //go:generate go run directive runs,
// as an import path in the module, or "".
func (r *Result) goRunTarget(text string) string {
	rest, ok := strings.CutPrefix(text, "//go:generate ")
	if !ok {
		return ""
	}
	args := strings.Fields(rest)
	if len(args) < 3 || args[0] != "go" || args[1] != "run" {
		return ""
	}
	for _, arg := range args[2:] {
		if strings.HasPrefix(arg, "-") {
			continue // a build flag of go run
		}
		if strings.HasSuffix(arg, ".go") {
			arg = path.Dir(arg) // go run ./tool/main.go
		}
		if strings.HasPrefix(arg, ".") {
			return path.Join(r.pass.Pkg.Path(), arg)
		}
		if m := r.pass.Module; m != nil && m.Path != "" && (arg == m.Path || strings.HasPrefix(arg, m.Path+"/")) {
			return arg
		}
		return "" // a tool of another module
	}
	return ""
}

// runByGenerate reports whether, with the whole program in view, a
// //go:generate directive of a package of the module runs this package.
func (r *Result) runByGenerate() bool {
	for _, pf := range r.pass.AllPackageFacts() {
		if pkg, ok := pf.Fact.(*Package); ok {
			for _, p := range pkg.generates {
				if p == r.pass.Pkg.Path() {
					return true
				}
			}
		}
	}
	return false
}

// generateTool is why a package a go generate directive runs is not reported.
const generateTool = "a development tool (a //go:generate directive runs it)"
