// Package health serves liveness and readiness checks to an orchestrator.
package health

import "net/http"

type Handler struct{ checks map[string]func() error }

func NewHandler() *Handler { return &Handler{checks: map[string]func() error{}} }

func (h *Handler) AddReadinessCheck(name string, check func() error) { h.checks[name] = check }

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, check := range h.checks {
		if check() != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
	}
}
