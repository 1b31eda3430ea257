// Package api holds the handlers: handler → service → repository across
// three packages.
package api

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"example.com/td/pagination/service"
)

type API struct{ svc *service.Service }

func (a *API) Routes() http.Handler {
	r := chi.NewRouter()
	r.Get("/products", a.Products)
	r.Get("/featured", a.Featured)
	return r
}

func (a *API) Products(w http.ResponseWriter, r *http.Request) {
	ps, err := a.svc.Catalog(r.Context()) // want `handler \(\*api.API\).Products returns every row \(\(\*service.Service\).Catalog → \(\*repo.Repo\).All → \(\*sqlx.DB\).SelectContext\)`
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(ps)
}

func (a *API) Featured(w http.ResponseWriter, r *http.Request) {
	ps, _ := a.svc.Featured(r.Context()) // want `returns every row \(\(\*service.Service\).Featured → \(\*repo.Repo\).All → \(\*sqlx.DB\).SelectContext\)`
	render(w, ps)
}

func render(w http.ResponseWriter, v any) {
	b, _ := json.Marshal(v)
	w.Write(b)
}

// ---- traps ----

// The total is a number.
func (a *API) Total(w http.ResponseWriter, r *http.Request) {
	n, _ := a.svc.Total(r.Context())
	json.NewEncoder(w).Encode(n)
}

// A keyset page: the repository's query has LIMIT $2.
func (a *API) Page(w http.ResponseWriter, r *http.Request) {
	after, _ := strconv.Atoi(r.URL.Query().Get("after"))
	ps, _ := a.svc.Page(r.Context(), after, 50)
	json.NewEncoder(w).Encode(ps)
}

// The handler reads offset and limit and passes them to the service, which
// slices in Go: the endpoint is paginated.
func (a *API) Window(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	offset, _ := strconv.Atoi(q.Get("offset"))
	limit, _ := strconv.Atoi(q.Get("limit"))
	ps, _ := a.svc.Window(r.Context(), offset, limit)
	json.NewEncoder(w).Encode(ps)
}
