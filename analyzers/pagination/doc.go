// Package pagination defines an analyzer that reports HTTP handlers that
// write every row of a table into the response.
//
// # Analyzer pagination
//
// pagination: report list endpoints that return every row with no page size
//
// A list endpoint that returns every row works with 100 rows, is slow with
// 10 000 and falls over with 1 000 000: query time, memory and response
// size all grow with the table. The analyzer reports an HTTP handler
// (net/http, chi, gorilla/mux, gin, echo, fiber) that obtains a whole
// collection and writes it to the response (json.NewEncoder(w).Encode,
// json.Marshal then w.Write, c.JSON, a template executed over it, a helper
// that takes the response writer), and a method of a gRPC, Connect or
// Twirp service that returns one in its response (as a field of the
// response message, converted item by item or wrapped).
//
// A collection is whole when it comes from a SELECT whose statically known
// text has no LIMIT, FETCH FIRST or TOP (constants, concatenations and
// fmt.Sprintf formats are read; unknown text is not guessed at) through
// database/sql, pgx or sqlx (rows appended in a rows.Next loop, sqlx
// Select, pgx.CollectRows), from gorm Find/Scan with no Limit or Scopes in
// the chain, from an ent-style builder's All with no Limit, or from a mongo
// Find with no SetLimit; in the handler itself or through functions it
// calls, in this package or in others (the summary analyzer's List fact:
// "returns every row").
//
// Bad:
//
//	func (h *Handler) ListOrders(w http.ResponseWriter, r *http.Request) {
//		orders, err := h.store.AllOrders(r.Context()) // SELECT * FROM orders
//		...
//		json.NewEncoder(w).Encode(orders)
//	}
//
// Good:
//
//	func (h *Handler) ListOrders(w http.ResponseWriter, r *http.Request) {
//		limit := pageSize(r.URL.Query().Get("limit")) // default 50, at most 200
//		after := r.URL.Query().Get("after")           // keyset cursor
//		orders, err := h.store.Orders(r.Context(), after, limit) // ... WHERE id > $1 ORDER BY id LIMIT $2
//		...
//	}
//
// The finding is at the call in the handler that obtains the list; the
// message names the chain of calls down to the fetch.
//
// Not reported: queries with LIMIT (a literal, $1 or ?), gorm chains with
// Limit or Scopes (pagination scopes), a handler that passes a limit, page,
// offset or cursor request parameter (or a struct bound from the request
// whose tags name one, such as a request message with a page_size or
// page_token field, itself or in the Msg a Connect request wraps) to the
// call that obtains the list; aggregates
// (COUNT(*), SUM...: one row) and GROUP BY queries (one row per group: the
// group key is usually a small domain, and the text cannot tell which keys
// are not); lookups of a key column (id, uuid, slug, email, username) by
// equality or IN; query text with a hole where a bound could hide (a %s
// WHERE clause); lists not written to the response (counted, indexed,
// sliced with x[:n], cached); code that runs only at start-up; tests.
//
// Confidence (README, Confidence):
// low: whether a table grows with use is not in the code; run with
// -confidence=low to see these findings.
package pagination
