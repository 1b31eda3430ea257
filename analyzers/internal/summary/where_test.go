package summary

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// A module's own name says nothing of its packages: a company called
// Harness or a product called examples is not test code.
func TestWithinModule(t *testing.T) {
	for _, c := range []struct {
		path, module string
		want         []string
	}{
		{"github.com/harness/server/app/store", "github.com/harness/server", []string{"app", "store"}},
		{"github.com/harness/server", "github.com/harness/server", nil},
		{"github.com/acme/svc/internal/mocks", "github.com/acme/svc", []string{"internal", "mocks"}},
		{"example.com/other/pkg", "github.com/acme/svc", []string{"example.com", "other", "pkg"}},
		{"a/b", "", []string{"a", "b"}},
	} {
		if got := withinModule(c.path, &analysis.Module{Path: c.module}); !slices.Equal(got, c.want) {
			t.Errorf("withinModule(%q, %q) = %q, want %q", c.path, c.module, got, c.want)
		}
	}
	if got := withinModule("a/mocks", nil); !slices.Equal(got, []string{"a", "mocks"}) {
		t.Errorf("without a module: %q", got)
	}
}

// Only a program under tools/ can import its internal/ packages; a library
// directly under tools/, or an internal/ of tools itself, may serve the
// module.
func TestToolLibrary(t *testing.T) {
	for _, c := range []struct {
		path string
		want bool
	}{
		{"tools/cleaner/internal/cloud", true},
		{"hack/tools/gen/internal/x", true},
		{"tools/internal/x", false},
		{"pkg/tools/internal/x", false},
		{"tools/version", false},
		{"internal/tools", false},
	} {
		if got := toolLibrary(strings.Split(c.path, "/")); got != c.want {
			t.Errorf("toolLibrary(%q) = %v, want %v", c.path, got, c.want)
		}
	}
}

// A directory named of several words is a demo or tests by one of them;
// a single word is the switch's to judge, and a word inside another word
// (latest, contest) is not one.
func TestNamedByWord(t *testing.T) {
	for _, c := range []struct{ elem, want string }{
		{"app-demo-tor", "an example"},
		{"app-upgrade-tests", "test support code"},
		{"api_e2e", "test support code"},
		{"demo", ""},
		{"latest-release", ""},
		{"contest-api", ""},
		{"order-service", ""},
	} {
		if got := namedByWord(c.elem); got != c.want {
			t.Errorf("namedByWord(%q) = %q, want %q", c.elem, got, c.want)
		}
	}
}
