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

// The default mux named, not nil: the same profiles.
func StartNamed(addr string) {
	go func() {
		_ = http.ListenAndServe(addr, http.DefaultServeMux) // want `http.ListenAndServe serves with no timeouts.*\[medium: .*a metrics or debugging server`
	}()
}
