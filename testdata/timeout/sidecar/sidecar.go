// Package sidecar exposes the process's profiles on the default mux, which
// only net/http/pprof fills.
package sidecar

import (
	"net/http"
	_ "net/http/pprof"
)

func Start() {
	go func() {
		_ = http.ListenAndServe("localhost:6060", nil) // want `http.ListenAndServe serves with no timeouts.*\[medium: .*a metrics or debugging server`
	}()
}
