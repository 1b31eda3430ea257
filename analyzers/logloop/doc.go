// Package logloop defines an analyzer that reports debug and info log calls
// made once per iteration of a loop over data.
//
// # Analyzer logloop
//
// logloop: report debug and info logging inside loops whose trip count depends on data
//
// Logging is I/O and allocation: formatting, boxing the arguments, a lock
// and a write. A line per item turns a loop of microseconds into one of
// milliseconds and floods the log pipeline with lines nobody reads. The
// check knows log, log/slog, zap (Logger and SugaredLogger), logrus
// (including WithField(...).Info), zerolog event chains
// (log.Info().Str(...).Msg), klog (and klog.V(n).Info, which counts as
// debug) and logr.
//
// Bad:
//
//	for _, o := range orders {
//		log.Printf("processing order %d", o.ID)
//		process(o)
//	}
//
// Good:
//
//	for _, o := range orders {
//		process(o)
//	}
//	log.Printf("processed %d orders", len(orders))
//
// or, for detail that is useful when debugging:
//
//	debug := logger.Enabled(ctx, slog.LevelDebug)
//	for _, o := range orders {
//		if debug {
//			logger.DebugContext(ctx, "processing order", "id", o.ID)
//		}
//		process(o)
//	}
//
// The finding is at the log call; the related position is the loop. A debug
// call is reported too: even when debug is off it builds its arguments per
// item, so put it behind a level check.
//
// Not reported:
//   - warnings and errors (rare, and worth their cost), Fatal and Panic;
//   - a log on an error path: in the branch of if err != nil (or
//     errors.Is(err, ...)), even when the branch then continues with the
//     next item, since errors are rare;
//   - a log followed by a statement that leaves the loop (return, break,
//     goto, panic, os.Exit, log.Fatal): it is written once;
//   - a log guarded by a level check (slog's Enabled, zap's Check or
//     Level().Enabled, logrus' IsLevelEnabled, klog.V(n).Enabled(),
//     zerolog's Enabled and GetLevel, logr's Enabled) or by a sampling test
//     (if i%1000 == 0);
//   - a debug line that costs a level check while debug is off: a zerolog
//     chain of typed fields ending in Msg or Send, or zap's Debug with typed
//     fields (zap.String, zap.Int, ...), whose arguments are values at hand
//     (constants, variables, their fields) — no formatting, no call;
//   - loops over a constant collection of at most 8 elements, a fixed-size
//     array, a small constant count, and loops paced by a timer;
//   - event loops (a range over a channel, a for loop without condition that
//     waits on a channel): a line per event is like a line per request;
//   - code that runs once per process (main, init, sync.Once, functions only
//     they call), and tests;
//   - fmt.Fprintf(os.Stderr, ...) and other writes that are not loggers;
//   - calls of functions that log: by default only the log call itself is
//     reported, where the fix is made. With -logloop.indirect, a call inside
//     a loop of a function that logs at debug or info level (in the same
//     package or another) is reported too, with the chain of calls.
//
// Options:
//
//	-logloop.indirect   also report calls of functions that log (default false)
//	-logloop.debug      report debug-level calls not behind a level check (default true)
//
// Confidence (README, Confidence):
// medium at most (a log line per item costs far less than a round-trip):
// medium for a loop over served data or on the request path, low otherwise,
// and low in a loop that makes a round-trip per item anyway (the line is
// noise beside it).
package logloop
