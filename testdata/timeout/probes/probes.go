// Package probes starts the side servers of a service: probes and metrics
// for its orchestrator and scraper, beside the public server.
package probes

import (
	"expvar"
	"net/http"

	"github.com/labstack/echo/v4"

	"example.com/td/timeout/probes/health"
)

// A readiness-probe server: only a health-check handler.
func RunHealthCheck(addr string, ready func() error) {
	h := health.NewHandler()
	h.AddReadinessCheck("db", ready)
	go func() {
		_ = http.ListenAndServe(addr, h) // want `http.ListenAndServe serves with no timeouts.*\[medium: .*a metrics or debugging server`
	}()
}

// A metrics server on an echo instance of its own.
func RunMetrics(addr string) error {
	m := echo.New()
	m.GET("/metrics", echo.WrapHandler(expvar.Handler()))
	return m.Start(addr) // want `echo's Start serves with the Echo's http.Server.*\[medium: .*a metrics or debugging server`
}

// Counters served directly.
func RunVars(addr string) error {
	return http.ListenAndServe(addr, expvar.Handler()) // want `http.ListenAndServe serves with no timeouts.*\[medium: .*a metrics or debugging server`
}

// Traps: the same echo instance also serves the application; a mux mixes
// the probe with the API.

func RunApp(addr string, api echo.HandlerFunc) error {
	e := echo.New()
	e.GET("/metrics", echo.WrapHandler(expvar.Handler()))
	e.GET("/api/orders", api)
	return e.Start(addr) // want `echo's Start serves with the Echo's http.Server.*\[high`
}

func RunMixed(addr string, api http.Handler) error {
	mux := http.NewServeMux()
	mux.Handle("/healthz", health.NewHandler())
	mux.Handle("/", api)
	return http.ListenAndServe(addr, mux) // want `http.ListenAndServe serves with no timeouts.*\[high`
}
