// Package debugsrv starts side servers next to the service's own.
package debugsrv

import (
	"net/http"
	"net/http/pprof"
	"time"
)

// A profiling server behind a debug switch: only pprof's handlers.
func Profiling(debug bool) {
	if debug {
		go func() {
			mux := http.NewServeMux()
			mux.HandleFunc("/debug/pprof/", pprof.Index)
			mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
			_ = http.ListenAndServe(":9090", mux) // want `http.ListenAndServe serves with no timeouts.*\[medium: .*a metrics or debugging server`
		}()
	}
}

// The same mux also serves the application: public, high.
func Mixed(app http.Handler) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.Handle("/", app)
	_ = http.ListenAndServe(":8080", mux) // want `http.ListenAndServe serves with no timeouts.*\[high`
}

// A development server whose authors suppressed gosec's check for it.
func DevDocs(h http.Handler) {
	_ = http.ListenAndServe(":3000", h) /* want `http.ListenAndServe serves with no timeouts.*\[low: its authors suppressed gosec's check` */ //nolint:gosec // Only for development use.
}

// The real server sets its timeouts.
func Serve(app http.Handler) error {
	srv := &http.Server{Addr: ":443", Handler: app, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}
