// Package metric serves the process's counters to its scraper.
package metric

import (
	"expvar"
	"net/http"
)

func Serve(addr string) error {
	mux := http.NewServeMux()
	mux.Handle("/debug/vars", expvar.Handler())
	mux.Handle("/", http.NotFoundHandler())
	return http.ListenAndServe(addr, mux) // want `http.ListenAndServe serves with no timeouts.*\[medium: .*a metrics or debugging server`
}
