// Package clientreuse defines an analyzer that reports connection pools
// built on the request path or inside a loop.
//
// # Analyzer clientreuse
//
// clientreuse: report connection pools built per request or per iteration
//
// A *sql.DB, a pgx pool, a redis or gRPC client, a mongo client, an
// *http.Transport, and the clients of cloud and messaging SDKs that own
// connections (AWS SDK v2 service clients, Cloud Storage, MinIO,
// Elasticsearch, sarama, NATS and AMQP connections, kafka-go writers) are
// meant to live as long as the process. Built in an HTTP handler (net/http, chi, gorilla/mux, gin, echo, fiber), in a
// function a handler runs, or inside a loop, each request or iteration pays
// new TCP and TLS handshakes and authentication before any work starts,
// idle connections pile up until file descriptors or the server's
// connection limit run out, and nothing is reused.
//
// Bad:
//
//	func ListUsers(w http.ResponseWriter, r *http.Request) {
//		db, err := sql.Open("postgres", dsn) // a new pool per request
//		...
//	}
//
// Good:
//
//	type Server struct{ db *sql.DB } // opened once in main, shared
//
//	func (s *Server) ListUsers(w http.ResponseWriter, r *http.Request) {
//		rows, err := s.db.QueryContext(r.Context(), ...)
//		...
//	}
//
// The finding is at the constructor call or composite literal. When the
// pool is built in another package's function that the handler or loop
// calls, it is at that call, and the message names the chain of calls.
//
// An AWS service client is reported where it is built (s3.NewFromConfig,
// s3.New), not at config.LoadDefaultConfig: the config's HTTP client is
// built lazily and the client made from it is the one cause. Azure SDK
// clients are not reported: they all send through one shared HTTP client.
//
// Not reported: an http.Client with no Transport of its own (it shares
// http.DefaultTransport's pool, so building one per request is cheap); an
// http.Transport with DisableKeepAlives: true (it keeps no connection);
// pools built once per key in a cache (a map or sync.Map filled on a
// miss); pools built in main, init, package variable initializers, sync.Once (and
// OnceValue), or functions only those call; loops over a few fixed
// elements; tests. A pool opened from the caller's settings only to be
// pinged and closed (a connection form's test) is not a pool per request.
// A function that builds its pool only past a guard that returns when a
// field of a parameter is zero (if !opts.BlockPrivate { return plain })
// carries that need (fact PoolNeeds): a call whose literal argument leaves
// the field zero builds no pool. The same holds for a guard on the
// parameter itself (if !streaming { return cached(addr) }), and through
// functions and literals that pass the parameter on: a call that passes
// false builds no pool, a call inside such a function is medium (its
// callers decide), and nothing is reported when no call of an unexported
// function asks for one. A pool that a constructor builds and the code
// replaces before anything is sent (c := retry.NewClient(); c.HTTPClient =
// shared) opens no connection.
//
// Confidence (README, Confidence):
// high for a pool built in a handler (HTTP, gRPC, Connect) or per item of
// served data (rows of a query, a request's input); medium when it is built
// only on a branch, here or in the callee, when a function builds and drops
// one on every call and its callers are not shown (high when a handler of
// another package is seen to run it), when the handler builds it for a
// target its request names (a field of the request message, a form value:
// a pool built at start-up cannot serve it), or an http.Transport whose
// TLS, proxy or dial settings come from the caller's parameters (a check of
// a datasource being configured), or when a loop's data is
// not shown; low over configuration and in command-line actions and
// migrations.
//
// One finding per cause: the per-request calls of a package that reach the
// same function building the pool are reported once, at the most
// confident, with the others as related positions; a call into another
// package's handler, which reports its own pools, is not reported again,
// nor is a call whose chain ends in a function that builds and drops its
// pool (fact RootDrops: reported there, once). A connection rebuilt in a
// receive loop when the channel reports it closed (a reconnect) is not one
// per message. A pool built on the request path that the code stores, or
// a function on the way to it stores, where it outlives the request (a
// field, a package variable, a map: fact Kept; a field of a local value
// the function builds, client.Transport = tr, keeps it only as long as
// that value is kept) is low: a connect or
// reconfigure action that rebuilds a shared pool, not one per request. A
// pool built where a cache lookup missed and then stored (if !ok { c =
// build(); m.Store(k, c) }) is built once per key.
package clientreuse
