package stdpairs

import (
	"context"
	"database/sql"
	"net/http"
	"os/exec"
)

// One function that drops its context at several calls is one cause: one
// finding at the most confident call, the others as related positions, and
// one fix that passes the context to all of them.
func Grouped(ctx context.Context, db *sql.DB) error {
	if _, err := db.Exec("UPDATE jobs SET state = 'running'"); err != nil {
		return err
	}
	if err := exec.Command("convert", "in.png", "out.jpg").Run(); err != nil { // want `exec.Command drops the context ctx in scope: .* \(the function drops it at 2 more calls\).*\[high`
		return err
	}
	_, err := db.Exec("UPDATE jobs SET state = 'done'")
	return err
}

// Two contexts are two causes: the handler's request context is not the
// context of the function that builds the handler.
func Routes(ctx context.Context, db *sql.DB) http.Handler {
	_ = db.Ping() // want `\(\*sql.DB\).Ping drops the context ctx in scope`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = db.Exec("UPDATE hits SET n = n + 1") // want `\(\*sql.DB\).Exec drops the request's context r.Context\(\)`
	})
}

var jobs *sql.DB

// Convert runs Grouped per request: a request waits on its calls.
func Convert(w http.ResponseWriter, r *http.Request) { _ = Grouped(r.Context(), jobs) }

func routes(mux *http.ServeMux) { mux.HandleFunc("/convert", Convert) }
