package traps

import (
	"embed"
	"io/fs"
	"log/slog"
)

//go:embed templates
var templateFS embed.FS

// One line per template compiled into the binary, at start-up or not:
// their number is fixed by the build.
func LoadTemplates() {
	names, _ := fs.Glob(templateFS, "templates/*.html")
	for _, name := range names {
		slog.Info("loaded template", "name", name)
	}
}

// Files found on disk are data.
func LoadFrom(dir fs.FS) {
	names, _ := fs.Glob(dir, "*.html")
	for _, name := range names {
		slog.Info("loaded template", "name", name) // want `slog.Info inside a loop writes a log line per iteration`
	}
}
