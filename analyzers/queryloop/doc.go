// Package queryloop defines an analyzer that reports database and cache
// round-trips made once per iteration of a loop: the N+1 query pattern.
//
// # Analyzer queryloop
//
// queryloop: report database round-trips made once per loop iteration (N+1 queries)
//
// A query per item of a list turns 100 orders into 101 round-trips where
// one or two would do. Each round-trip pays network latency and holds a
// pool connection, so the request's latency grows linearly with the data.
// The check knows database/sql, sqlx, gorm, pgx and pgxpool, squirrel, bun,
// ent, go-redis and the mongo driver; a call counts when it makes a round-trip itself or
// through the functions it calls, in the same package or another one
// (handler in api, loop in service, query in store).
//
// Bad:
//
//	for _, o := range orders {
//		var c Customer
//		err := db.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = $1", o.CustomerID).Scan(&c.Name)
//		...
//	}
//
// Good:
//
//	rows, err := db.QueryContext(ctx, "SELECT id, name FROM customers WHERE id = ANY($1)", customerIDs(orders))
//
// Writes count too: an INSERT per row is better sent as one multi-row
// INSERT, a pgx.Batch, CopyFrom, gorm's CreateInBatches or mongo's
// InsertMany.
//
// The finding is at the call inside the loop (the query, or the call of
// the function that queries, with the chain of calls in the message). "In
// the loop" means run once per iteration: the body of a for or range
// statement (including rows.Next() loops, range over integers and over
// iterator functions), a function literal called there, and the callback
// of an iterating API (sync.Map.Range, pgx.ForEachRow, lo.ForEach, lo.Map).
//
// Not reported:
//   - a function literal created in a loop but run later (routes registered
//     in a loop run their queries once per request);
//   - loops over a constant collection of at most 8 elements, a fixed-size
//     array, or a small constant count; loops paced by a timer;
//   - a loop whose exit depends on the round-trip's own result: page-by-page
//     fetching until a page is empty or the cursor runs out (FETCH NEXT until
//     sql.ErrNoRows), retries that stop on success (or whose body returns or
//     breaks after the call), a range that returns at the first hit (or
//     leaves on err == nil); the other round-trips of such a loop run once
//     per page;
//   - a loop whose trip count is written in the source or fixed by the
//     program: a range over, or a count up to len() of, a package-level
//     composite literal (a table of migrations); a range over the files of
//     an embed.FS; a range over a registry of code kept in a field or
//     package variable whose body runs the element (m.Up(tx));
//   - a loop that steps by a batch (for i := 0; i < len(ids); i += 500), or
//     ranges over batches cut by slices.Chunk, lo.Chunk or a chunking
//     helper of the package;
//   - event loops: a range over a channel, or a for loop without condition
//     that waits on a channel; each round serves one event, like a handler;
//     likewise workers started in a loop (go w.run(jobs));
//   - code that runs once per process (main, init, sync.Once, functions only
//     they call), tests, and test helpers (functions taking *testing.T or
//     testing.TB);
//   - rows.Next, rows.Scan, rows.Err, rows.Close (reading a result already
//     fetched), Commit and Rollback (once per transaction), and commands
//     queued on a pgx.Batch or a go-redis pipeline (the send is the
//     round-trip), including redis scripts run on a pipeline;
//   - calls through interfaces and function values, whose target is unknown.
//
// Loops are found in the syntax tree; a loop made with goto is not seen.
//
// Confidence (README, Confidence):
// high for a round-trip per item of a request's own input (its decoded
// body, its parameters, an RPC method's request message or a field of it)
// — read in place, or passed by a caller as the
// parameter the loop goes over (callers in the package, and with the whole
// program in view those in other packages); medium for the rows of a query,
// on the request path or in a job or worker (how many rows one request
// reads — a page, a user's few, a whole table — is not shown: on services
// never seen before, half of these were not worth the fix), a loop in code
// that runs only when something has failed, a loop whose data is not shown
// on the request path, decoded data, or a parameter of a function the
// package's handlers run; low for a
// parameter no caller is seen to fill, configuration and the program's
// tables (also when every caller of a private function passes them), an
// embedded database (SQLite), and command-line actions and migrations.
//
// A loop with several round-trips is one finding, headed by the one judged
// most surely paid per item (a lookup behind a cache is not, nor one
// through an interface one of whose implementations is a caching
// decorator: one level lower). Not hot: a
// loop over what a call returns when it asks for one item (a size or limit
// of 1); a round-trip in the return statement that leaves the loop.
package queryloop
