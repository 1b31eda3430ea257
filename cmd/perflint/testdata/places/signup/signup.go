// Package signup answers sign-ups and tells subscribers, after the
// response, on a context detached from the request.
package signup

import (
	"context"
	"net/http"

	"example.com/places/webhooks"
)

func Handle(n webhooks.Notifier) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := n.Probe(r.Context(), "http://subscriber.internal/"); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		bg := context.WithoutCancel(r.Context())
		go func() { _ = n.Send(bg, "http://subscriber.internal/new") }()
		w.WriteHeader(http.StatusCreated)
	}
}
