package api

import (
	"net/http"

	"example.com/places/broker"
)

// Events publishes what requests announce.
type Events struct{ Broker broker.Admin }

func (e *Events) Announce(w http.ResponseWriter, r *http.Request) {
	if err := e.Broker.Publish("announce", r.FormValue("m")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}
