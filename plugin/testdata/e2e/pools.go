package e2e

import "net/http"

// pool is an in-house connection pool; -summary.pools=example.com/e2e.newPool
// (golangci: summary: {pools: ...}) tells perflint that newPool builds one.
type pool struct{ size int }

func newPool(size int) *pool { return &pool{size: size} }

func poolStats(w http.ResponseWriter, r *http.Request) {
	p := newPool(4) // e2e-setting: clientreuse
	w.Header().Set("X-Pool-Size", string(rune('0'+p.size)))
}
