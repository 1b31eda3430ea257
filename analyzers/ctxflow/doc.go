// Package ctxflow defines an analyzer that reports calls that drop the
// context in scope.
//
// # Analyzer ctxflow
//
// ctxflow: report calls that drop the request's context
//
// When a request is cancelled or its deadline passes, the work started for
// it should stop. A call that takes no context cuts that link: db.Query
// instead of db.QueryContext(ctx, …), http.NewRequest instead of
// http.NewRequestWithContext, exec.Command instead of exec.CommandContext,
// net.Dial instead of (&net.Dialer{}).DialContext, net.LookupHost instead
// of net.DefaultResolver.LookupHost, a gorm chain without WithContext(ctx),
// or a fresh context.Background() or context.TODO(). The query or call
// then runs on after the client has gone, holding a pool connection, a
// socket or a process.
//
// A context is in scope in a function with a named context.Context
// parameter (or one whose type embeds context.Context: an application's
// own context), an *http.Request parameter (r.Context()), a gin, echo or fiber
// request context (c.Request.Context(), c.Request().Context(),
// c.UserContext()), the receiver of a beego controller's method
// (c.Ctx.Request.Context()), or a local variable derived from one of these. The
// pairs are found from the types: a method or function X whose receiver or
// package also has XContext (or XWithContext) taking a context.Context
// first is a pair, so in-house wrappers that follow the convention are
// covered too (database/sql, sqlx and the standard library follow it).
// A twin counts only where its context can cancel something: the database
// clients' twins and the standard library's dials, requests, lookups and
// commands are known to; any other twin counts when its context (or one
// derived from it, WithTimeout) reaches a call that blocks on I/O — a
// query, a request, a dial, a gRPC call, a wait on ctx.Done() — directly
// or through the functions it calls (a ReachesIO fact, across packages;
// for an interface method, an implementation in the interface's package).
// A logger's InfoWithContext that only reads values from its context, or
// a constructor that only stores it, is not a twin worth the call; nor is
// a twin that keeps its context in a field of its receiver (a
// KeepsContext fact: ConnectContext making it a session's lifetime).
//
// Bad:
//
//	func (s *Server) User(w http.ResponseWriter, r *http.Request) {
//		row := s.db.QueryRow("SELECT name FROM users WHERE id = $1", id)
//		...
//	}
//
// Good:
//
//	func (s *Server) User(w http.ResponseWriter, r *http.Request) {
//		row := s.db.QueryRowContext(r.Context(), "SELECT name FROM users WHERE id = $1", id)
//		...
//	}
//
// The finding is at the call, with a suggested fix where the rewrite is
// mechanical (the Context twin with the context in scope as its first
// argument; .WithContext(ctx) in a gorm chain; ctx for
// context.Background()).
//
// Work that must outlive the request (an audit write, a cache refresh)
// should not use context.Background() either: context.WithoutCancel(ctx)
// keeps the request's values (trace ids, loggers) without its cancellation.
//
// Not reported: functions with no context in scope (main, init, CLI code);
// a context parameter named _; context.Background() inside a go
// statement's function literal, which is detached work by intent, and a
// new context used only by goroutines and callbacks run later (a server's
// BaseContext) or onto which the function copies values read from the
// context in scope (a hand-made context.WithoutCancel), or that is kept
// in an object's field (its lifetime context) or only waited on (a cancel
// signal); the
// contexts of the enclosing function inside a literal started by go,
// given to a helper that runs it in a goroutine it does not wait for (a
// "safe go" with a recover: summary fact Starts), or kept for later
// (time.AfterFunc, a route registration, a hook a setter stores); gorm
// chains that
// start at a parameter or at a helper's result, which may already carry a
// context; log/slog calls (their context carries values, not a deadline),
// and twins whose context reaches no I/O;
// if ctx == nil fallbacks, and context.Background() only once ctx.Err()
// says the caller's context is done (if ctx == nil || ctx.Err() != nil),
// or in deferred cleanup; a request whose context is
// attached at once (http.NewRequest(…).WithContext(ctx)), later, or by the
// sender of a request a builder returns; a context-less
// function that passes nil as its callee's context (the context is
// optional values there, not cancellation: an OptionalContext fact, across
// packages); tests.
//
// Confidence (README, Confidence):
// high when an outbound call, a dial, a process or a database ping drops
// the request's context (an *http.Request's, a framework's) or a context
// parameter of code a request runs (a handler's request path, across
// packages with the whole program in view); medium for a context
// parameter of code no request is shown to run (a job's, a consumer's or
// the process's context); medium for a query of the service's own database or cache
// (most are short: the context matters when one runs long or the database
// stalls), or a wrapper whose context reaches nothing weightier (the
// ReachesIO fact carries the kind), and for a new context.Background() or TODO() in scope of one,
// whose use is not followed; low on an embedded database, in command-line
// actions and migrations, and where the context in scope is a parameter
// that every call of its function fills from a lifetime context (a struct field, a package variable, Background, one
// derived from them, or what a helper returns that copies a request's
// values onto Background: fact Detaches, across packages), through up to
// three such functions; an exported
// function's calls from other packages are seen with the whole program in
// view): it is an object's or the process's, not a caller's, and
// cancels nothing a caller waits on. Also low: a context parameter the
// function itself keeps in a field (a Start that stores it); binding a
// prepared statement to a transaction (Tx.Stmt, or a wrapper whose context
// reaches only Tx.StmtContext: it prepares again only on a connection that
// has not seen the statement, whose own call takes the context); a new
// context.Background() handed to a function whose context reaches no
// cancellable I/O, or given a deadline of its own (detached on purpose,
// and bounded); a line where the authors suppressed contextcheck's or
// noctx's same check (//nolint:contextcheck): a decision on record.
//
// A function that drops one context at several calls is one finding, at
// its most confident call, with the others as related positions and one
// suggested fix for all of them: the fix is to pass that context on.
package ctxflow
