package profile

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/google/pprof/profile"
)

// Profile holds the CPU shares of the functions of one CPU profile.
type Profile struct {
	total   int64            // sum of the chosen sample value
	samples int64            // number of CPU samples
	byName  map[string]*stat // normalized symbol name -> its group
	bySite  map[site]*stat   // closures, by where their literal starts
	byBase  map[base][]site  // the same sites, by file base name and line
	pkgs    map[string]bool  // symbol packages with samples
	groups  []*stat
}

// stat is the weight of one function, or of one closure and the copies
// inlining made of it.
type stat struct {
	flat, cum int64
	index     int32 // in Profile.groups
	names     []string
	sites     []site
	auto      bool // compiler-generated wrapper: no source to match
}

// site is where a function starts: its file as the build saw it, and the
// line of its func keyword.
type site struct {
	file string
	line int64
}

// base is a site as another machine can name it: absolute paths (or
// -trimpath) differ between the build and the analysis, base names do not.
type base struct {
	name string
	line int64
}

func (s site) base() base { return base{path.Base(slashed(s.file)), s.line} }

func slashed(file string) string { return strings.ReplaceAll(file, `\`, "/") }

// Load reads a pprof CPU profile: gzipped or plain protobuf, as written by
// runtime/pprof, net/http/pprof, go test -cpuprofile, or kept as default.pgo.
func Load(path string) (*Profile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading CPU profile: %w", err)
	}
	p, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// ErrNoSamples is wrapped by Load's error for a profile of an idle program.
var ErrNoSamples = errors.New("profile has no CPU samples")

func parse(data []byte) (p *Profile, err error) {
	// The pprof decoder is not written for hostile input; a profile file is
	// input like any other, so a panic in it becomes an error.
	defer func() {
		if r := recover(); r != nil {
			p, err = nil, fmt.Errorf("not a valid pprof profile: %v", r)
		}
	}()
	if !looksLikeProfile(data) {
		return nil, errors.New("not a pprof profile (expected gzipped protobuf, as runtime/pprof writes)")
	}
	prof, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("not a valid pprof profile: %w", err)
	}
	idx, err := cpuValue(prof)
	if err != nil {
		return nil, err
	}
	p = build(prof, idx)
	if p.total <= 0 {
		return nil, ErrNoSamples
	}
	return p, nil
}

// decode is profile.ParseData without its fallback to legacy text formats,
// and with the gzip stream read into a buffer of its final size: on a large
// profile, growing the buffer costs as much as the rest of decompression.
func decode(data []byte) (*profile.Profile, error) {
	if gzipped(data) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("decompressing: %w", err)
		}
		var buf bytes.Buffer
		buf.Grow(uncompressedSize(data) + bytes.MinRead)
		if _, err := buf.ReadFrom(zr); err != nil {
			return nil, fmt.Errorf("decompressing: %w", err)
		}
		data = buf.Bytes()
	}
	prof, err := profile.ParseUncompressed(data)
	if err != nil {
		return nil, err
	}
	if err := prof.CheckValid(); err != nil {
		return nil, err
	}
	return prof, nil
}

func gzipped(data []byte) bool { return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b }

// uncompressedSize reads the size a gzip stream records in its trailer,
// believed only up to 32 times the compressed size (profiles compress
// about 5 times) so that a forged trailer cannot make Load allocate much.
func uncompressedSize(data []byte) int {
	if len(data) < 18 {
		return 0
	}
	size := int(binary.LittleEndian.Uint32(data[len(data)-4:]))
	return min(size, 32*len(data))
}

// looksLikeProfile rejects text and other files up front: the pprof
// decoder's errors for arbitrary bytes do not say what was expected.
func looksLikeProfile(data []byte) bool {
	if gzipped(data) {
		return true
	}
	// An uncompressed profile starts with a protobuf tag: field 1
	// (sample_type, length-delimited) in what runtime/pprof writes, or
	// any field number 1-14 with a valid wire type.
	if len(data) == 0 {
		return false
	}
	field, wire := data[0]>>3, data[0]&7
	return field >= 1 && field <= 14 && (wire == 0 || wire == 2)
}

// cpuValue picks the sample value to weigh by, as the compiler's PGO and
// pprof do: CPU time, else the sample count; a profile whose period is CPU
// time but names its values otherwise is weighed by its last value (pprof's
// default). Heap, block and other profiles are refused: their shares are
// not CPU time.
func cpuValue(prof *profile.Profile) (int, error) {
	if i := valueIndex(prof, "cpu", "nanoseconds"); i >= 0 {
		return i, nil
	}
	if i := valueIndex(prof, "samples", "count"); i >= 0 {
		return i, nil
	}
	if prof.PeriodType != nil && prof.PeriodType.Type == "cpu" && len(prof.SampleType) > 0 {
		return len(prof.SampleType) - 1, nil
	}
	return -1, fmt.Errorf("not a CPU profile (sample types: %s); record one with go test -cpuprofile or /debug/pprof/profile", sampleTypes(prof))
}

func valueIndex(prof *profile.Profile, typ, unit string) int {
	return slices.IndexFunc(prof.SampleType, func(st *profile.ValueType) bool {
		return st.Type == typ && st.Unit == unit
	})
}

func sampleTypes(prof *profile.Profile) string {
	if len(prof.SampleType) == 0 {
		return "none"
	}
	var parts []string
	for _, st := range prof.SampleType {
		parts = append(parts, st.Type+"/"+st.Unit)
	}
	return strings.Join(parts, ", ")
}

// build adds up every sample: flat to the innermost frame of the leaf
// location (an inlined call is one Line of a Location), cum once per
// function per stack.
func build(prof *profile.Profile, idx int) *Profile {
	p := &Profile{
		byName: make(map[string]*stat),
		bySite: make(map[site]*stat),
		byBase: make(map[base][]site),
		pkgs:   make(map[string]bool),
	}
	t := newTally(p, prof)
	countIdx := valueIndex(prof, "samples", "count")
	records := int64(0)
	for i, s := range prof.Sample {
		if idx >= len(s.Value) || s.Value[idx] <= 0 {
			continue
		}
		v := s.Value[idx]
		p.total += v
		records++
		if countIdx >= 0 && countIdx < len(s.Value) {
			p.samples += s.Value[countIdx]
		}
		t.add(s.Location, v, int32(i+1))
	}
	if countIdx < 0 {
		p.samples = estimateSamples(prof, idx, p.total, records)
	}
	for g, st := range p.groups {
		st.flat, st.cum = t.flat[g], t.cum[g]
		if st.cum > 0 {
			for _, name := range st.names {
				p.pkgs[packageOf(name)] = true
			}
		}
	}
	return p
}

// estimateSamples counts samples in a profile without a count value: CPU
// time over the sampling period, else one per record.
func estimateSamples(prof *profile.Profile, idx int, total, records int64) int64 {
	st := prof.SampleType[idx]
	if prof.Period > 0 && prof.PeriodType != nil && prof.PeriodType.Unit == st.Unit {
		return total / prof.Period
	}
	return records
}

// tally adds samples up by group number. A large profile has millions of
// frames but far fewer locations: each location's groups are found once,
// and kept with the counters in flat arrays, which the cache holds.
type tally struct {
	frames []int32                   // the groups of every location's frames, innermost first
	start  []int32                   // location i's frames are frames[start[i]:start[i+1]]
	index  map[*profile.Location]int // when IDs are not dense
	flat   []int64
	cum    []int64
	seen   []int32 // number of the last sample that added to cum
}

func newTally(p *Profile, prof *profile.Profile) *tally {
	t := &tally{start: make([]int32, 0, len(prof.Location)+1)}
	if !denseIDs(prof.Location) {
		t.index = make(map[*profile.Location]int, len(prof.Location))
		for i, loc := range prof.Location {
			t.index[loc] = i
		}
	}
	groupOf := make(map[*profile.Function]int32, len(prof.Function))
	for _, loc := range prof.Location {
		t.start = append(t.start, int32(len(t.frames)))
		if loc == nil {
			continue
		}
		for _, line := range loc.Line {
			if g, ok := p.groupNumber(groupOf, line.Function); ok {
				t.frames = append(t.frames, g)
			}
		}
	}
	t.start = append(t.start, int32(len(t.frames)))
	n := len(p.groups)
	t.flat, t.cum, t.seen = make([]int64, n), make([]int64, n), make([]int32, n)
	return t
}

// denseIDs reports whether location IDs are 1..n in order, as runtime/pprof
// writes them: then a location's ID says where it is in the list.
func denseIDs(locs []*profile.Location) bool {
	for i, loc := range locs {
		if loc == nil || loc.ID != uint64(i+1) {
			return false
		}
	}
	return true
}

// locIndex returns where a location is in the profile's list, or -1.
func (t *tally) locIndex(loc *profile.Location) int {
	if t.index == nil {
		if loc == nil || loc.ID == 0 || loc.ID >= uint64(len(t.start)) {
			return -1
		}
		return int(loc.ID - 1)
	}
	if i, ok := t.index[loc]; ok {
		return i
	}
	return -1
}

// add counts one sample of weight v; n numbers it (from 1).
func (t *tally) add(stack []*profile.Location, v int64, n int32) {
	leaf := true
	for _, loc := range stack {
		i := t.locIndex(loc)
		if i < 0 {
			continue
		}
		for _, g := range t.frames[t.start[i]:t.start[i+1]] {
			if leaf {
				t.flat[g] += v
				leaf = false
			}
			if t.seen[g] != n {
				t.seen[g] = n
				t.cum[g] += v
			}
		}
	}
}

// groupNumber returns the group a profile function adds to, creating it on
// first sight. Generic instantiations share their [...] name; a closure
// shares the group of every function starting at the same site, so the
// copies inlining makes (pkg.Caller.F.func1, pkg.F.func1) add up.
func (p *Profile) groupNumber(seen map[*profile.Function]int32, fn *profile.Function) (int32, bool) {
	if fn == nil || fn.Name == "" {
		return 0, false
	}
	if g, ok := seen[fn]; ok {
		return g, true
	}
	name := normalize(fn.Name)
	g := p.byName[name]
	var st site
	hasSite := isClosure(name) && fn.Filename != "" && fn.StartLine > 0
	if hasSite {
		st = site{fn.Filename, fn.StartLine}
		if g == nil {
			g = p.bySite[st]
		}
	}
	if g == nil {
		g = &stat{index: int32(len(p.groups)), auto: fn.Filename == "<autogenerated>"}
		p.groups = append(p.groups, g)
	}
	if _, ok := p.byName[name]; !ok {
		p.byName[name] = g
		g.names = append(g.names, name)
	}
	if hasSite {
		if _, ok := p.bySite[st]; !ok {
			p.bySite[st] = g
			g.sites = append(g.sites, st)
			p.byBase[st.base()] = append(p.byBase[st.base()], st)
		}
	}
	seen[fn] = g.index
	return g.index, true
}

// packageOf returns the package part of a symbol: up to the first dot
// after the last slash, outside a generic's type arguments (the runtime
// escapes dots in the last element of an import path).
func packageOf(name string) string {
	stripped := stripBrackets(name)
	slash := strings.LastIndexByte(stripped, '/') + 1
	dot := strings.IndexByte(stripped[slash:], '.')
	if dot < 0 {
		return stripped
	}
	return stripped[:slash+dot]
}

// closest returns the site of the candidates whose file shares the longest
// path suffix with file; the first such in the profile's order on a tie.
func closest(candidates []site, file string) site {
	best, bestLen := candidates[0], -1
	for _, c := range candidates {
		if n := commonSuffix(slashed(c.file), slashed(file)); n > bestLen {
			best, bestLen = c, n
		}
	}
	return best
}

// commonSuffix counts the path elements two paths end with.
func commonSuffix(a, b string) int {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as) && n < len(bs) && as[len(as)-1-n] == bs[len(bs)-1-n] {
		n++
	}
	return n
}

// Samples is the number of CPU samples in the profile (one per 10 ms of CPU
// at the default rate). See the package doc for how many are enough.
func (p *Profile) Samples() int64 { return p.samples }

// Share returns the flat and cumulative shares (0..1) of total CPU of the
// function with the given symbol name (as FuncName returns it; generic
// instantiations as [...]). ok is false when the profile has no sample in
// it. For closures prefer ShareOf, which also counts inlined copies.
func (p *Profile) Share(name string) (flat, cum float64, ok bool) {
	g := p.byName[normalize(name)]
	return p.shares(g)
}

// ShareOf is Share for a function of the source: by name, and for a closure
// also by where it starts, which finds the copies that inlining names after
// the caller (pkg.Caller.F.func3 for pkg.F.func1).
func (p *Profile) ShareOf(fn Func) (flat, cum float64, ok bool) {
	g := p.byName[normalize(fn.Name)]
	if g == nil && isClosure(fn.Name) && fn.File != "" && fn.Line > 0 {
		if candidates := p.byBase[site{fn.File, int64(fn.Line)}.base()]; len(candidates) > 0 {
			g = p.bySite[closest(candidates, fn.File)]
		}
	}
	return p.shares(g)
}

func (p *Profile) shares(g *stat) (flat, cum float64, ok bool) {
	if g == nil || g.cum <= 0 || p.total <= 0 {
		return 0, 0, false
	}
	return float64(g.flat) / float64(p.total), float64(g.cum) / float64(p.total), true
}

// Covers reports whether any function of the package has samples: false
// means the profile is of another program, or older than the package. For
// package main pass "main": a built program names it so (go test binaries
// use the import path).
func (p *Profile) Covers(pkgPath string) bool {
	return p.coversSymbolPackage(symbolPackage(pkgPath))
}

func (p *Profile) coversSymbolPackage(pkg string) bool { return p.pkgs[pkg] }

// Unmatched returns, sorted, the profile's functions of the index's package
// that match no function of its source: by name, or for closures by site.
// Many of them mean the profile is older than the code. Compiler-generated
// wrappers are left out.
func (p *Profile) Unmatched(idx *Index) []string {
	prefix := idx.pkg + "."
	names := make(map[string]bool, len(idx.funcs))
	sites := make(map[base]bool, len(idx.funcs))
	for _, fn := range idx.funcs {
		names[normalize(fn.Name)] = true
		if isClosure(fn.Name) && fn.File != "" {
			sites[site{fn.File, int64(fn.Line)}.base()] = true
		}
	}
	var out []string
	for _, g := range p.groups {
		if g.cum <= 0 || g.auto || groupMatches(g, names, sites) {
			continue
		}
		for _, name := range g.names {
			if inPackage(name, prefix) {
				out = append(out, name)
			}
		}
	}
	slices.Sort(out)
	return out
}

func groupMatches(g *stat, names map[string]bool, sites map[base]bool) bool {
	for _, name := range g.names {
		if names[name] {
			return true
		}
	}
	for _, st := range g.sites {
		if sites[st.base()] {
			return true
		}
	}
	return false
}

// inPackage reports whether a symbol belongs to the package whose prefix
// ("path.") is given: what follows is a function, not a deeper path.
func inPackage(name, prefix string) bool {
	if !strings.HasPrefix(name, prefix) {
		return false
	}
	return !strings.Contains(stripBrackets(name[len(prefix):]), "/")
}

// stripBrackets drops [...] so a generic's type arguments do not count as
// path separators.
func stripBrackets(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b bytes.Buffer
	depth := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '[':
			depth++
		case c == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}
