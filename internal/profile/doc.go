// Package profile reads a CPU profile of the analyzed program (a default.pgo,
// or any profile from runtime/pprof, net/http/pprof or go test -cpuprofile)
// and tells, for a function of the source, what share of the program's CPU
// it took: evidence from production to rank findings by.
//
// # What it reads
//
// Load reads a pprof profile (gzipped or plain protobuf). It weighs samples
// by CPU time ("cpu"/"nanoseconds"), else by the sample count, as the
// compiler's PGO does; heap, block and mutex profiles are refused, and so is
// a profile with no CPU samples. Each function gets a flat share (samples
// whose innermost frame is in it) and a cumulative share (samples with it
// anywhere on the stack, once per stack however often it recurs). Inlined
// calls count: a pprof location holds one line per inlined frame, and every
// one of them is a frame.
//
// # Naming
//
// A profile names functions as the Go runtime does, and FuncName and Index
// produce those names from the source (checked against real profiles by
// TestNamesMatchRealProfile):
//
//	pkg/path.F                        function
//	pkg/path.(*T).M, pkg/path.T.M     pointer and value receiver methods
//	pkg/path.F[...], pkg/path.(*T[...]).M
//	                                  generics; a profile has one function per
//	                                  shape (F[go.shape.int]), all counted as F[...]
//	pkg/path.F.func1, pkg/path.F.func2
//	                                  function literals, numbered in source
//	                                  order within the function written around them
//	pkg/path.F.func1.1                a literal inside a literal
//	pkg/path.F-range1                 the body of a range-over-func loop; the
//	                                  literals inside it are numbered by F
//	pkg/path.init.func1               literals in package-level var initializers,
//	                                  numbered in initialization order
//	pkg/path.init.0                   the first func init of the package
//	main.F                            package main, in a built program (a go test
//	                                  binary uses the import path instead)
//
// A dot in the last element of the import path is escaped (gopkg.in/yaml%2ev3).
// Literals the compiler drops before numbering them are skipped: in the
// branch a constant condition never takes, and after a return, goto or
// panic when no label follows in the same block.
//
// Inlining copies a literal into its caller under a new name
// (pkg.Caller.F.func3 for pkg.F.func1), and PGO builds inline more. Those
// copies keep the literal's file and line, so Profile.ShareOf, given a Func
// from Index, matches a closure by where it starts (file name and line,
// preferring the file whose path ends most like the source's) as well as by
// name, and adds the copies up.
//
// # How much profile is enough
//
// At the default rate a profile takes one sample per 10 ms of CPU. A share
// p estimated from n samples is off by about sqrt(p(1-p)/n): for a function
// at 5 %, that is ±2.2 points at 100 samples (noise: 5 % and 1 % cannot be
// told apart) and ±0.7 points at 1000. Below MinSamples (1000 samples, 10 s
// of CPU) drivers should treat shares as weak evidence and not rank by them;
// a production profile of a minute or more of a busy service has many more.
//
// # Stale and foreign profiles
//
// A profile of another program has no samples in the analyzed packages:
// Covers (or Index.Covered) says so. A profile older than the code names
// functions the code no longer has: Unmatched lists them per package, so a
// driver can warn that N functions of the profile are gone.
package profile

// MinSamples is the sample count below which shares are noise for ranking
// (see the package doc).
const MinSamples = 1000
