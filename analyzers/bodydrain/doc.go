// Package bodydrain defines an analyzer that reports HTTP response bodies
// that are not closed on every path, or closed without being read.
//
// # Analyzer bodydrain
//
// bodydrain: report response bodies that are not closed, or closed unread
//
// An *http.Response whose Body is not closed leaks its connection and the
// transport's goroutines behind it: the pool cannot reuse the connection
// and, under load, sockets and memory pile up. A body that is closed
// without having been read to EOF makes the HTTP/1 transport throw the
// connection away instead of returning it to the keep-alive pool, so the
// next request pays a new TCP (and TLS) handshake. From Go 1.27 the
// transport drains a small unread body on Close itself, so for code whose
// Go version (the file's, or the module's go line) is 1.27 or later only
// the missing Close is reported.
//
// Bad:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %d", resp.StatusCode) // body never closed
//	}
//	defer resp.Body.Close()
//
// Good:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	defer func() {
//		io.Copy(io.Discard, resp.Body) // read what is left, so the connection is reused
//		resp.Body.Close()
//	}()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %d", resp.StatusCode)
//	}
//
// The finding is at the call that returned the response: (*http.Client).Do,
// Get, Post, Head, PostForm, http.Get and friends, (*http.Transport).RoundTrip,
// or any function returning (*http.Response, error). Paths where the call
// failed (err != nil, resp == nil) need no close.
//
// A body closed by a defer inside a loop (for { resp, _ := c.Get(u); defer
// resp.Body.Close(); … }) is closed only when the function returns: every
// iteration's body stays open until then, and in an endless loop for ever.
// It is reported at the call unless the iteration returns or breaks right
// after the defer (a retry loop that defers once). Close at the end of the
// iteration, or move the iteration into a function of its own.
//
// By default the drain finding is made only where a path closes the body
// with no read at all (status checks, then Close). With -bodydrain.strict
// it is also made where the body is decoded (json.NewDecoder(resp.Body).Decode)
// and closed without draining the rest.
//
// Not reported: a response or body that is returned, stored in a struct
// field, a map or a global, sent on a channel, handed to a goroutine, or
// passed to a function that closes it (in any package: helpers are learned
// from their bodies); a body whose Close method is handed as a value to a
// call (defer logClose(resp.Body.Close)) or called through a variable,
// which closes it there; a response passed to code the analysis cannot see
// (an interface method, a function value); HEAD requests (no body to read:
// http.Head, a request built with the method "HEAD", given a context later
// or not, or a helper given the method);
// a body closed unread whose request went, outside any loop, through a
// client the function built with a transport of its own (the pool is
// dropped with its connection, so draining saves nothing: the pool per
// call is clientreuse's finding); a response parsed off a connection the
// code holds (http.ReadResponse, or a function of any package whose every
// response comes from one and that sends nothing through a client: fact
// Unpooled of the closers pass), which no pool connection waits on; tests
// and generated files.
//
// Confidence (README, Confidence):
// high for a body not closed on some path (low once while the process
// starts, outside a loop: one connection) and for a deferred Close in an
// endless loop (medium in other loops: the bodies stay open until it ends); low for a body closed unread (the
// answer may be empty, or an error the server closes), for partial reads
// under -bodydrain.strict, and on a line where the authors suppressed
// bodyclose's same check (//nolint:bodyclose): a decision on record.
package bodydrain
