// Package lazy builds its pools on first use and keeps them in the holder:
// once per holder, not once per request.
package lazy

import (
	"database/sql"
	"net/http"
	"net/http/httputil"
	"sync"
)

type Deps struct {
	mu     sync.Mutex
	db     *sql.DB
	raw    *sql.DB
	api    *http.Client
	search *http.Client
	index  *sql.DB
}

// DB returns the pool, opening it the first time.
func (d *Deps) DB() *sql.DB {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.db != nil {
		return d.db
	}
	db, _ := sql.Open("postgres", "dsn")
	d.db = db
	return d.db
}

// Raw opens its pool inside the nil check.
func (d *Deps) Raw() *sql.DB {
	if d.raw == nil {
		d.raw, _ = sql.Open("postgres", "dsn")
	}
	return d.raw
}

// Fresh checks a field but keeps the pool elsewhere: built on every call.
func (d *Deps) Fresh() *sql.DB {
	if d.db != nil {
		return d.db
	}
	other, _ := sql.Open("postgres", "dsn") // want `sql.Open in \(\*lazy.Deps\).Fresh, which handler \(\*lazy.Handler\).Serve runs, builds a new connection pool per request`
	return other
}

type Handler struct{ deps *Deps }

// Search keeps its client and builds it again only when asked to reload.
func (d *Deps) Search(reload bool) *http.Client {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.search != nil && !reload {
		return d.search
	}
	d.search = &http.Client{Transport: &http.Transport{}}
	return d.search
}

// Index opens its pool when it has none or is asked to reopen it.
func (d *Deps) Index(reopen bool) *sql.DB {
	if d.index == nil || reopen {
		d.index, _ = sql.Open("postgres", "dsn")
	}
	return d.index
}

func (h *Handler) Serve(w http.ResponseWriter, r *http.Request) {
	h.deps.Search(false).Get("http://search.internal/")
	h.deps.Index(false).QueryRowContext(r.Context(), "SELECT 1")
	h.deps.DB().QueryRowContext(r.Context(), "SELECT 1")
	h.deps.Raw().QueryRowContext(r.Context(), "SELECT 1")
	h.deps.Fresh().QueryRowContext(r.Context(), "SELECT 1")
}

func lookup(id string) ([]string, error) { return []string{id}, nil }

// An error check before the pool, with err assigned again after it, is not
// a nil test on a holder: the transport is built on every request.
func (h *Handler) Proxy(w http.ResponseWriter, r *http.Request) {
	links, err := lookup(r.URL.Query().Get("id"))
	if err != nil {
		return
	}
	tr := &http.Transport{} // want `http.Transport in handler \(\*lazy.Handler\).Proxy builds a new connection pool per request`
	client := &http.Client{Transport: tr}
	resp, err := client.Get(links[0])
	if err != nil {
		return
	}
	resp.Body.Close()
}

// The standard library's pools are the ones the table lists: DumpRequestOut
// builds a transport that writes the request to memory, not a pool.
func (h *Handler) Dump(w http.ResponseWriter, r *http.Request) {
	out, _ := http.NewRequest("GET", "http://upstream/", nil)
	b, _ := httputil.DumpRequestOut(out, false)
	w.Write(b)
}
