// Package svr is the server a benchmark harness loads: it runs beside the
// benchmark on the developer's machine, never deployed.
package svr

import "net/http"

func Start(h http.Handler) error {
	return http.ListenAndServe("localhost:8083", h) // not reported: a benchmark's own server
}
