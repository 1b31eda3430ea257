package profile

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/pprof/profile"
)

// BenchmarkLoad reads synthetic profiles of about 10 MB (gzipped, as
// runtime/pprof writes): a large service's hours of CPU samples with
// inlined frames and generic shapes. "uniform" draws every frame of every
// stack at random, the worst case for the cache; "tree" draws stacks as a
// real program makes them, sharing their outer frames.
func BenchmarkLoad(b *testing.B) {
	for _, tc := range []struct {
		name string
		prof *profile.Profile
	}{
		{"uniform", largeProfile(40_000, 150_000, 120_000, false)},
		{"tree", largeProfile(40_000, 150_000, 400_000, true)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "large.pgo")
			data := writeProfile(b, tc.prof)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			var samples int64
			cpu0 := processCPU()
			for b.Loop() {
				p, err := Load(path)
				if err != nil {
					b.Fatal(err)
				}
				samples = p.Samples()
			}
			b.ReportMetric(float64((processCPU()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(len(data))/1e6, "MB")
			b.ReportMetric(float64(samples), "samples")
		})
	}
}

// largeProfile builds a CPU profile with the given numbers of functions,
// locations and sample records, from a fixed seed; tree says how stacks
// are drawn (see BenchmarkLoad).
func largeProfile(nFuncs, nLocs, nSamples int, tree bool) *profile.Profile {
	rng := rand.New(rand.NewPCG(1, 2))
	p := cpuProfile()
	for i := range nFuncs {
		name := fmt.Sprintf("example.com/service%d/internal/pkg%d.(*Handler%d).Method%d.func%d", i%50, i%400, i%900, i, i%7)
		if i%10 == 0 {
			name = fmt.Sprintf("example.com/service%d/generic.Map[go.shape.struct { ID int; Name example.com/m%d.T }]", i%50, i)
		}
		p.Function = append(p.Function, &profile.Function{
			ID: uint64(i + 1), Name: name, SystemName: name,
			Filename: fmt.Sprintf("/build/src/service%d/pkg%d/file%d.go", i%50, i%400, i%20), StartLine: int64(10 + i%500),
		})
	}
	for i := range nLocs {
		loc := &profile.Location{ID: uint64(i + 1), Address: uint64(0x400000 + 16*i)}
		for range 1 + rng.IntN(3) { // inlined frames
			fn := p.Function[rng.IntN(nFuncs)]
			loc.Line = append(loc.Line, profile.Line{Function: fn, Line: fn.StartLine + int64(rng.IntN(40))})
		}
		p.Location = append(p.Location, loc)
	}
	zipf := rand.NewZipf(rng, 1.2, 1, uint64(nLocs-1))
	bases := make([][]*profile.Location, 300) // the outer frames stacks share
	for i := range bases {
		for range 10 + rng.IntN(15) {
			bases[i] = append(bases[i], p.Location[zipf.Uint64()])
		}
	}
	for range nSamples {
		var stack []*profile.Location
		if tree {
			for range 3 + rng.IntN(10) { // leaf frames, hot ones often
				stack = append(stack, p.Location[zipf.Uint64()])
			}
			stack = append(stack, bases[rng.IntN(len(bases))]...)
		} else {
			for range 8 + rng.IntN(32) {
				stack = append(stack, p.Location[rng.IntN(nLocs)])
			}
		}
		n := int64(1 + rng.IntN(5))
		p.Sample = append(p.Sample, &profile.Sample{Location: stack, Value: []int64{n, n * 10_000_000}})
	}
	return p
}
