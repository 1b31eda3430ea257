// Package httptest is an in-house test-support package (named like
// net/http/httptest): its servers and clients only run under tests.
package httptest

import "net/http"

func NewServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h} // fine: test support
}
