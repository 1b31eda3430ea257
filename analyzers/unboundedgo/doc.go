// Package unboundedgo defines an analyzer that reports goroutines started
// once per item of data of unbounded size, with nothing limiting how many
// run at once.
//
// # Analyzer unboundedgo
//
// unboundedgo: report goroutine fan-out over unbounded data with no limit
//
// A go statement in a loop over a slice, a map, a channel, query rows,
// scanner lines or an iterator starts as many goroutines as there are
// items. With ten thousand items that is ten thousand goroutines opening
// ten thousand connections at once: memory and file descriptors run out,
// and the service being called is flooded. errgroup.Group.Go (on a group
// from WithContext, a literal, a var or new, with no SetLimit, or with
// SetLimit(-1), which removes the limit) and sync.WaitGroup.Go in such a
// loop count the same.
//
// Bad:
//
//	for _, id := range ids {
//		go fetch(ctx, id) // one goroutine (and connection) per id
//	}
//
// Good:
//
//	g, ctx := errgroup.WithContext(ctx)
//	g.SetLimit(8)
//	for _, id := range ids {
//		g.Go(func() error { return fetch(ctx, id) })
//	}
//	return g.Wait()
//
// The finding is at the go statement (or the Go call).
//
// Limits that make a loop bounded, and are not reported: SetLimit called
// on the same errgroup.Group; a buffered channel used as a semaphore (a
// send or receive on it in the loop before the go statement, and the
// goroutine using the same channel); semaphore.Weighted.Acquire, a sized
// wait group's Add (github.com/remeh/sizedwaitgroup), or a
// rate.Limiter's Wait before the go statement; an iteration that waits for
// its goroutine (wg.Wait, g.Wait, a receive after it); a fixed pool: a loop
// counting to a constant, runtime.NumCPU(), runtime.GOMAXPROCS, a struct
// field (a configured worker count) or a local set from one of those; a
// loop over a small constant collection; a spawn followed by a return or a
// break of the loop (in its block or a block around it, in the loop's own
// body): the loop starts it once, for the item it was looking for.
//
// Deliberate choices: one long-lived goroutine per configured listener or
// shard is not reported when its count is fixed as above, or when the loop
// ranges over a struct field or package variable in code that runs only at
// start-up (main, init, sync.Once). An endless loop is reported only when it
// takes its items from a channel; a server's accept loop
// (for { conn, _ := ln.Accept(); go handle(conn) }) is the standard
// pattern and is not reported, but a server should cap its connections
// elsewhere (netutil.LimitListener, MaxConcurrentStreams, a load
// balancer). Tests and generated files are not reported.
//
// Confidence (README, Confidence):
// high for a goroutine per item of a request's own input, which all start
// at once; medium per row of a query (how many rows is not shown), per
// message of a channel or stream (they start as messages come and end in
// turn), per batch of a loop stepping i += k over a request's input, and
// when the loop's data is not shown on the request path; low per batch of
// rows, for a parameter, configuration, and command-line actions.
package unboundedgo
