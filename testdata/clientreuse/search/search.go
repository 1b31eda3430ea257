// Package search builds Elasticsearch clients. It is a package of its own
// because the v8 client's typed API makes it the costliest library of the
// corpus to type-check.
package search

import (
	"net/http"
	"sync"

	"github.com/elastic/go-elasticsearch/v8"
)

// Each client clones http.DefaultTransport: a pool of its own.
func Search(w http.ResponseWriter, r *http.Request) {
	es, _ := elasticsearch.NewDefaultClient() // want `elasticsearch.NewDefaultClient in handler search.Search builds a new connection pool per request`
	_ = es
	es2, _ := elasticsearch.NewClient(elasticsearch.Config{Addresses: []string{"http://es:9200"}}) // want `elasticsearch.NewClient in handler search.Search builds`
	_ = es2
}

func PerIndex(w http.ResponseWriter, r *http.Request, indices []string) {
	for _, idx := range indices {
		tc, _ := elasticsearch.NewTypedClient(elasticsearch.Config{Addresses: []string{idx}}) // want `elasticsearch.NewTypedClient inside a loop builds a new connection pool per iteration`
		_ = tc
	}
}

// Negatives.

type Handler struct{ es *elasticsearch.Client }

// Built once by the constructor, kept in a field.
func NewHandler() (*Handler, error) {
	es, err := elasticsearch.NewDefaultClient()
	return &Handler{es: es}, err
}

func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {
	_, _ = h.es.Info()
}

var (
	esOnce sync.Once
	es     *elasticsearch.Client
)

// Built in a sync.Once: once per process, though the handler calls it.
func Lazy(w http.ResponseWriter, r *http.Request) {
	esOnce.Do(func() {
		es, _ = elasticsearch.NewDefaultClient()
	})
}

// A Config is a plain value: building one per request builds no client.
func Configs(w http.ResponseWriter, r *http.Request) {
	_ = elasticsearch.Config{Addresses: []string{"http://es:9200"}}
}
