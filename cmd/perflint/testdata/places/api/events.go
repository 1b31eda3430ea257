package api

import (
	"net/http"

	"example.com/places/broker"
)

// Events publishes what requests announce.
type Events struct {
	Broker broker.Admin
	Log    broker.Store[string]
}

func (e *Events) Announce(w http.ResponseWriter, r *http.Request) {
	_ = e.Log.Save(r.FormValue("m"))
	if err := e.Broker.Publish("announce", r.FormValue("m")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}
