// Package metrics serves the process's profiles to its operators.
package metrics

import (
	"net/http"
	_ "net/http/pprof"
)

func Serve(addr string) error {
	return http.ListenAndServe(addr, nil) // want `http.ListenAndServe serves with no timeouts.*\[medium: .*a metrics or debugging server`
}
