// Package crosspkg calls pool-building helpers of another package.
package crosspkg

import (
	"net/http"

	"example.com/td/clientreuse/crosspkg/service"
	"example.com/td/clientreuse/helper"
)

func Orders(w http.ResponseWriter, r *http.Request) {
	st := helper.NewStore("dsn") // want `helper.NewStore in handler crosspkg.Orders builds a new connection pool per request \(helper.NewStore → helper.Open → sql.Open\)`
	_ = st
	_ = helper.Name()
}

func Fetch(urls []string) {
	for _, u := range urls {
		c := helper.Client() // want `helper.Client inside a loop builds a new connection pool per iteration \(helper.Client → http.Transport\)`
		_, _ = c.Get(u)
	}
}

// Built once in a constructor the handler closes over.
func NewHandler() http.HandlerFunc {
	st := helper.NewStore("dsn")
	return func(w http.ResponseWriter, r *http.Request) { _ = st }
}

// StartWorkers starts a fixed pool; the pools built per job are reported in
// helper.Worker's loop, not here.
func StartWorkers(n int, jobs <-chan string) {
	for i := 0; i < n; i++ {
		go helper.Worker(jobs)
	}
}

// Mount forwards to a handler of another package that reports its own
// pool: reporting it here again would count one cause twice.
func Mount(w http.ResponseWriter, r *http.Request) {
	service.Export(w, r)
}

// Two handlers reach the one function that builds the pool: one finding,
// with the other call site as related information.
func Put(w http.ResponseWriter, r *http.Request) {
	helper.Upload(r.URL.Query().Get("u")) // want `helper.Upload in handler crosspkg.Put builds a new connection pool per request \(helper.Upload → helper.Client → http.Transport\).*\(reached from 1 more call site in this package\)`
}

func Get(w http.ResponseWriter, r *http.Request) {
	helper.Download(r.URL.Query().Get("u"))
}
