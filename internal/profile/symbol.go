package profile

import (
	"fmt"
	"strings"
)

// symbolPackage is the package part of the symbols of a package: its import
// path with the linker's escapes (a dot in the last element is %2e, so
// gopkg.in/yaml.v3 is gopkg.in/yaml%2ev3 in profiles).
func symbolPackage(pkgPath string) string {
	lastSlash := strings.LastIndexByte(pkgPath, '/')
	var b strings.Builder
	for i := 0; i < len(pkgPath); i++ {
		c := pkgPath[i]
		if c <= ' ' || c == '%' || c == '"' || c >= 0x7f || (c == '.' && i > lastSlash) {
			fmt.Fprintf(&b, "%%%02x", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// normalize writes every instantiation of a generic as [...]: profiles
// name them by shape (F[go.shape.int], (*T[go.shape.string]).M), one per
// shape, while the source has one function.
func normalize(name string) string {
	if !strings.Contains(name, "[") {
		return name
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '[':
			if depth == 0 {
				b.WriteString("[...")
			}
			depth++
		case c == ']' && depth > 0:
			depth--
			if depth == 0 {
				b.WriteByte(']')
			}
		case depth == 0:
			b.WriteByte(c)
		}
	}
	if depth > 0 { // unbalanced: close what was opened
		b.WriteByte(']')
	}
	return b.String()
}

// isClosure reports whether a symbol names a function literal or a
// range-over-func body: pkg.F.func1, pkg.F.func1.2, pkg.F-range1,
// pkg.glob..func1, or a go/defer wrapper (pkg.F.gowrap1).
func isClosure(name string) bool {
	rest := stripBrackets(name)
	if i := strings.LastIndexByte(rest, '/'); i >= 0 {
		rest = rest[i+1:]
	}
	i := strings.IndexByte(rest, '.')
	if i < 0 {
		return false
	}
	for _, seg := range strings.Split(rest[i+1:], ".") {
		if strings.Contains(seg, "-range") || numbered(seg, "func") || numbered(seg, "gowrap") || numbered(seg, "deferwrap") {
			return true
		}
	}
	return false
}

// numbered reports whether seg is prefix followed by a decimal number.
func numbered(seg, prefix string) bool {
	n, ok := strings.CutPrefix(seg, prefix)
	if !ok || n == "" {
		return false
	}
	for i := 0; i < len(n); i++ {
		if n[i] < '0' || n[i] > '9' {
			return false
		}
	}
	return true
}
