// Package testutil locates the shared analysistest module (testdata/ at the
// repository root), whose go.mod requires the real third-party libraries
// the testdata packages use.
package testutil

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the testdata module's directory. analysistest loads it with
// GOPROXY=off, so its requirements must be in the module cache: the test
// downloads them first (a no-op when they are already there).
func Dir(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate testdata")
	}
	dir := filepath.Join(filepath.Dir(file), "..", "..", "testdata")
	downloadOnce(t, dir)
	return dir
}

func downloadOnce(t testing.TB, dir string) {
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
}
