package orders

import (
	"io"
	"log"
	"net/http/httptest"
	"os"
	"testing"
)

// BenchmarkServe is the load default.pgo records: mostly order lists,
// some health checks. ListOrders logs a line per order; the benchmark
// discards them.
func BenchmarkServe(b *testing.B) {
	log.SetOutput(io.Discard)
	defer log.SetOutput(os.Stderr)
	h := NewServer(SeedStore(2000)).Routes()
	targets := []string{"/orders?status=paid", "/orders", "/orders?status=new", "/health"}
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			req := httptest.NewRequest("GET", targets[i%len(targets)], nil)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			io.Copy(io.Discard, w.Body)
			i++
		}
	})
}
