// Package timeout defines an analyzer that reports network I/O with no
// deadline.
//
// # Analyzer timeout
//
// timeout: report outbound and inbound network I/O that can wait forever
//
// http.Get, http.Head, http.Post and http.PostForm use http.DefaultClient,
// which has no timeout, as does an http.Client built without Timeout: a
// request to a stuck upstream then waits forever, and one slow dependency
// holds goroutines, sockets and pool slots until the whole service stalls.
// net.Dial and net.DialTCP (and a net.Dialer without Timeout used with Dial) wait minutes
// for an unreachable host; tls.Dial waits forever on a peer that never
// finishes the handshake. net/smtp's SendMail and Dial connect with
// net.Dial and give no way to set a deadline; smtp.NewClient over a
// connection dialed in the same function with no SetDeadline has none
// either (use a net.Dialer with Timeout, conn.SetDeadline, then NewClient).
// An ssh.ClientConfig (golang.org/x/crypto/ssh) without Timeout handed to
// ssh.Dial connects with no timeout. http.DefaultClient given to a struct
// field (&Client{HTTPClient: http.DefaultClient}) is reported there, like
// a client literal kept in a field; so is http.DefaultClient given to a
// package-level variable (the program's shared client). A unary call of a generated gRPC
// client given context.Background() or TODO(), where no context is in
// scope, waits as long as the server stalls: gRPC sets no deadline of its
// own (the package's calls are one finding; streams are not reported,
// they may be meant to stay open; where a context is in scope, ctxflow
// reports the dropped one). An oauth2 token request (Config.Exchange,
// PasswordCredentialsToken, DeviceAuth, clientcredentials Config.Token)
// given context.Background() or TODO() where no context is in scope goes
// through http.DefaultClient (the context carries no oauth2.HTTPClient),
// with no timeout.
// On the inbound side, http.ListenAndServe,
// http.ListenAndServeTLS, http.Serve and an http.Server without
// ReadHeaderTimeout (or ReadTimeout, which also bounds the headers) let
// slow clients hold connections open by trickling their headers
// (slowloris); so do gin's Run and RunTLS, echo's Start unless the
// package sets ReadHeaderTimeout or ReadTimeout on the Echo's Server (or
// gives it a server of its own), echo's StartTLS and StartAutoTLS unless it
// sets them on the Echo's TLSServer (the server they run; timeouts on
// e.Server do not reach it), and kratos's http.NewServer
// unless the package sets them on the server it returns. Set timeouts
// from the latency budget and fail fast. Where the code streams the
// response body (io.Copy from resp.Body), the message says that a
// whole-request Timeout would cut large downloads, and to bound the wait
// for headers and progress instead.
//
// Bad:
//
//	client := &http.Client{}
//	resp, err := client.Get(url)
//
//	http.ListenAndServe(":8080", mux)
//
// Good:
//
//	client := &http.Client{Timeout: 10 * time.Second}
//	resp, err := client.Get(url)
//
//	srv := &http.Server{
//		Addr:              ":8080",
//		Handler:           mux,
//		ReadHeaderTimeout: 5 * time.Second,
//		WriteTimeout:      30 * time.Second, // bounds a handler's response
//		IdleTimeout:       120 * time.Second, // closes idle keep-alive connections
//	}
//	srv.ListenAndServe()
//
// The finding is at the call or composite literal. A client stored in a
// struct field is reported at its literal, whoever uses it.
//
// Not reported: a client whose Timeout, or a server whose
// ReadHeaderTimeout or ReadTimeout, is set right after construction in the
// same function (c.Timeout = ...; for a package variable, anywhere in the
// package); a client used only, in the function that builds it, to Do
// requests whose context has a deadline (context.WithTimeout or
// WithDeadline), or, for a client a function returns, sent through the
// fields every caller keeps it in only with such requests (a helper that
// takes a context and returns a request builds it with that context);
// http.DefaultClient.Do with such a request; a net.Dialer
// used with DialContext (the context carries the deadline); a dial of a
// connectionless network (net.Dial("udp", ...) returns at once) or of
// this host (localhost, 127.x, ::1: its kernel answers at once); a client
// whose Transport sets ResponseHeaderTimeout or dials through a function
// that sets a deadline on every connection (a literal, a local, or a
// helper of any package: a boundsHeaders fact; a local is bounded when each
// value it is given bounds, or is the caller's own transport: a parameter,
// the receiver, or a field of one; a field of a local value, w.Transport,
// when each assignment in the function gives it a bounding transport); a
// client whose Transport sends each request through an http.Client of its
// own (a RoundTrip method that calls Client.Do, through up to four of its
// package's functions: that client's Timeout is judged where it is built);
// or one built only in the
// branch of if _, ok := ctx.Deadline(); ok { … }; tests
// (httptest.NewServer and servers started in _test.go files).
//
// Confidence (README, Confidence):
// high for a call, client or server with no deadline; medium for a gRPC
// call given Background off a request path (a job's call may be meant to
// run long) or in a package that dials with client interceptors (one may
// set a default deadline), for a fallback
// client built on a branch (if c == nil { c = &http.Client{} }; a server
// on a branch is a listener configuration turns on, not lowered), a default
// client the code replaces on a branch (with one its caller passes), a
// client kept in a field whose every request carries its caller's context
// (or is built by a wrapper's caller), a client handed to another module's
// function (an SDK's constructor, an option such as WithHTTPClient: the
// library sends the requests), http.DefaultClient.Do with a request built
// with the caller's context, a call in a goroutine whose starter waits for
// it in a select with a timer or a context's Done, and a server on a Unix
// socket (its Serve is given a listener opened on one; a server started
// with ListenAndServe is on TCP), on this host's loopback address (a constant, or a string flag
// whose default is one), in a package that exists to serve metrics or profiles, or whose
// handler serves only profiles, metrics or health checks (a diagnostics
// package's handler, or a mux or echo/gin instance whose every route is
// one); low for a client literal whose Timeout is written as 0 (a
// decision on record: a stream, most often), for a serve call on a
// line where its authors suppressed gosec's same check (//nolint:gosec,
// #nosec), and for an outbound call made
// once while the process starts, outside a loop (or a client built and
// used only by such code, (&http.Client{}).Do(req) included; start-up
// code is followed through calls of the module's interfaces), and in
// command-line
// actions and migrations (an action that serves is the service's
// start-up, not one of them).
//
// A package that writes to gorilla/websocket connections (WriteMessage,
// WriteJSON, NextWriter) and never sets a write deadline is one finding, at
// its first write: a peer that stops reading fills the socket buffer and
// the write blocks forever, with the goroutine and any broadcast it
// serves. High when the package accepts the connections (its peers are
// clients, which vanish); medium when it only dials them (its peers are
// servers) or another package hands them over (it may set the deadline).
//
// The servers one function starts without timeouts (often one per branch:
// plain, TLS, mutual TLS) are one finding, and so are the clients and
// dials of one function with no deadline: one server configuration, or one
// client with a timeout, fixes them. The finding stands at the most
// confident site; the others are its related positions.
package timeout
