// Package api holds the handlers; the loop is in the service, so nothing is
// reported here except a loop of the handler's own.
package api

import (
	"net/http"

	"example.com/td/queryloop/service"
)

type API struct{ svc *service.Service }

func (a *API) Orders(w http.ResponseWriter, r *http.Request) {
	var orders []service.Order
	_ = a.svc.ListOrders(r.Context(), orders) // not in a loop here: the service's loop is reported in service
}

func (a *API) Batches(w http.ResponseWriter, r *http.Request) {
	var batches [][]service.Order
	for _, b := range batches {
		_ = a.svc.ListOrders(r.Context(), b) // want `\(\*service.Service\).ListOrders inside a loop makes a database round-trip per iteration \(\(\*api.API\).Batches → \(\*service.Service\).ListOrders → \(\*store.Store\).GetCustomer → \(\*sql.DB\).QueryRowContext\)`
	}
}
