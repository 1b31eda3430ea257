// Command gcs builds Cloud Storage clients: one per request or per flush
// (reported: each builds its own HTTP transport and token source), once
// and shared (not reported).
package main

import (
	"context"
	"net/http"

	"cloud.google.com/go/storage"
)

func Put(w http.ResponseWriter, r *http.Request) {
	client, err := storage.NewClient(r.Context()) // want `storage.NewClient in handler main.Put builds a new connection pool per request`
	if err != nil {
		return
	}
	defer client.Close()
	wr := client.Bucket("uploads").Object("x").NewWriter(r.Context())
	_ = wr.Close()
}

// An exporter that flushes each batch through a fresh client.
type exporter struct{ bucket string }

func (e *exporter) Flush(ctx context.Context, batches [][]byte) {
	for _, b := range batches {
		client, err := storage.NewGRPCClient(ctx) // want `storage.NewGRPCClient .*builds a new connection pool`
		if err != nil {
			continue
		}
		wr := client.Bucket(e.bucket).Object("batch").NewWriter(ctx)
		_, _ = wr.Write(b)
		_ = wr.Close()
		_ = client.Close()
	}
}

// Trap: the client is built once and shared by every request.
type store struct{ client *storage.Client }

func newStore(ctx context.Context) (*store, error) {
	c, err := storage.NewClient(ctx)
	if err != nil {
		return nil, err
	}
	return &store{client: c}, nil
}

func (s *store) Get(w http.ResponseWriter, r *http.Request) {
	rd, err := s.client.Bucket("uploads").Object(r.URL.Path).NewReader(r.Context())
	if err != nil {
		return
	}
	_ = rd.Close()
}

func main() {
	s, err := newStore(context.Background())
	if err != nil {
		return
	}
	http.HandleFunc("/get", s.Get)
	http.HandleFunc("/put", Put)
}
