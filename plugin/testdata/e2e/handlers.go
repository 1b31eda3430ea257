// Package e2e is the corpus of plugin/e2e_test.go: a small API that the
// custom golangci-lint binary lints with perflint's plugin.
//
// A comment "// e2e: NAME..." on a line lists the linters that must report
// on that line (a name twice: twice). Every other finding of a perflint
// linter is unexpected. "// e2e-setting: NAME..." marks findings that only
// the test's "shared setting" configuration adds.
package e2e

import (
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// db is opened once per process, by Open.
var db *sql.DB

// Open opens the shared pool.
func Open() error {
	var err error
	db, err = sql.Open("postgres", os.Getenv("DSN"))
	return err
}

// Routes registers the API's handlers.
func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/report", report)
	mux.HandleFunc("/proxy", proxy)
	mux.HandleFunc("/names", names)
	mux.HandleFunc("/names-quiet", namesQuiet)
	mux.HandleFunc("/pool", poolStats)
}

// report opens a pool per request.
func report(w http.ResponseWriter, r *http.Request) {
	conn, err := sql.Open("postgres", os.Getenv("DSN")) // e2e: clientreuse
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRowContext(r.Context(), "SELECT count(*) FROM users").Scan(&n); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	fmt.Fprintln(w, n)
}

// proxy builds a transport, and so a connection pool, per request.
func proxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{}, Timeout: 5 * time.Second} // e2e: clientreuse
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, "http://backend.internal/", nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(w, resp.Body)
}

// names checks the database without the request's context, then runs one
// query per requested id (N+1).
func names(w http.ResponseWriter, r *http.Request) {
	if err := db.Ping(); err != nil { // e2e: ctxflow
		return
	}
	for _, id := range r.URL.Query()["id"] {
		var name string
		err := db.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name) // e2e: queryloop
		if err != nil {
			continue
		}
		fmt.Fprintln(w, name)
	}
}

// namesQuiet is names with its findings silenced.
func namesQuiet(w http.ResponseWriter, r *http.Request) {
	if err := db.Ping(); err != nil { //nolint:ctxflow // e2e-suite: ctxflow
		return
	}
	for _, id := range r.URL.Query()["id"] {
		var name string
		err := db.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name) //nolint:queryloop // e2e-suite: queryloop
		if err != nil {
			continue
		}
		fmt.Fprintln(w, name)
	}
}

// Status fetches url with no deadline.
func Status(url string) (int, error) {
	resp, err := http.Get(url) // e2e: timeout
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// StatusQuiet is Status with its finding silenced.
func StatusQuiet(url string) (int, error) {
	resp, err := http.Get(url) //nolint:timeout // e2e-suite: timeout
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}
