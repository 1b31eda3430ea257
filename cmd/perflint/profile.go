package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/perflint/perflint/internal/profile"
	"github.com/perflint/perflint/internal/ranking"
)

// listedPackage is what resolveProfile asks go list about each package the
// patterns match.
type listedPackage struct {
	name, path, dir string
}

// resolveProfile sets the ranker up for a standalone run: the profile -profile
// names, or the default.pgo in the directory of a main package among those
// the patterns match (the first by import path when there are several), or
// none for -profile=off. It tells the ranker the analyzed packages, whose
// coverage warnProfile reports on. An explicit or found profile that cannot
// be read is an error.
func resolveProfile(d *driverFlags, ranker *ranking.Ranker, dir string, stderr io.Writer) error {
	if ranker == nil || d.profile == ranking.Off {
		return nil
	}
	pkgs, listErr := listPackages(d, dir)
	path := d.profile
	if path == "" {
		if listErr != nil {
			return nil // the driver reports what go list could not load
		}
		found := defaultProfiles(pkgs)
		if len(found) == 0 {
			return nil
		}
		path = found[0]
		if len(found) > 1 {
			fmt.Fprintf(stderr, "perflint: ranking by %s, the first of %d main packages' default.pgo (others: %s); choose with -profile=FILE\n",
				relative(dir, path), len(found), strings.Join(relativeAll(dir, found[1:]), ", "))
		}
	} else if !filepath.IsAbs(path) && dir != "" {
		path = filepath.Join(dir, path)
	}
	p, err := profile.Load(path)
	if err != nil {
		if d.profile == "" {
			return fmt.Errorf("%w (found as the main package's default.pgo; -profile=off ignores it)", err)
		}
		return fmt.Errorf("-profile: %w", err)
	}
	if n := p.Samples(); n < profile.MinSamples {
		fmt.Fprintf(stderr, "perflint: warning: profile %s has %d CPU samples, fewer than %d: shares are noise, confidence is not adjusted\n",
			relative(dir, path), n, profile.MinSamples)
	}
	roots := make([]string, len(pkgs))
	for i, pkg := range pkgs {
		roots[i] = pkg.path
	}
	ranker.Use(p, roots)
	return nil
}

// listPackages lists the packages the patterns match: one go list, with
// the run's build flags, no dependencies.
func listPackages(d *driverFlags, dir string) ([]listedPackage, error) {
	args := append([]string{"list", "-e", "-f", "{{.Name}}\t{{.ImportPath}}\t{{.Dir}}"}, d.buildFlags()...)
	args = append(args, d.fs.Args()...)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("go list: %v: %s", err, errOut.String())
	}
	var pkgs []listedPackage
	for line := range strings.Lines(out.String()) {
		fields := strings.SplitN(strings.TrimRight(line, "\n"), "\t", 3)
		if len(fields) == 3 && fields[1] != "" {
			pkgs = append(pkgs, listedPackage{name: fields[0], path: fields[1], dir: fields[2]})
		}
	}
	slices.SortFunc(pkgs, func(x, y listedPackage) int { return strings.Compare(x.path, y.path) })
	return pkgs, nil
}

// defaultProfiles returns the default.pgo files of the main packages, in
// the order of their import paths.
func defaultProfiles(pkgs []listedPackage) []string {
	var found []string
	for _, pkg := range pkgs {
		if pkg.name != "main" || pkg.dir == "" {
			continue
		}
		path := filepath.Join(pkg.dir, "default.pgo")
		if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
			found = append(found, path)
		}
	}
	return found
}

// warnProfile prints, once for the run, what makes the profile's ranking
// doubtful: it covers none of the analyzed packages (another program's), or
// names functions the code no longer has (older than the code).
func warnProfile(ranker *ranking.Ranker, stderr io.Writer) {
	if !ranker.Tallying() {
		return
	}
	covered, stale := ranker.Coverage()
	if !covered {
		fmt.Fprintln(stderr, "perflint: warning: the profile has no samples in the analyzed packages (foreign profile: ranking off)")
		return
	}
	switch len(stale) {
	case 0:
	case 1:
		fmt.Fprintf(stderr, "perflint: warning: 1 function of the profile is no longer in the code: the profile is stale (%s)\n", stale[0])
	default:
		fmt.Fprintf(stderr, "perflint: warning: %d functions of the profile are no longer in the code: the profile is stale (e.g. %s)\n",
			len(stale), stale[0])
	}
}

func relative(dir, path string) string {
	base, err := workDir(dir)
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(base, path); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return path
}

func relativeAll(dir string, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = relative(dir, p)
	}
	return out
}
