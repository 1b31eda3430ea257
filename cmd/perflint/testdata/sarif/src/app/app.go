// Package app is the corpus of cmd/perflint's SARIF tests.
//
// A comment "// sarif: NAME..." on a line lists the perflint analyzers that
// must report on that line. perflintfake is the tests' own analyzer: it
// reports calls to fakeTarget and suggests fakeFixed.
package app

import (
	"database/sql"
	"net/http"
	"os"
)

func fakeTarget(s string) string { return s }

func fakeFixed(s string) string { return s }

func fakeOther(s string) string { return s }

// Use calls the fake analyzer's target.
func Use() {
	fakeTarget("a") // sarif: perflintfake
	fakeTarget("ü") //nolint:perflintfake // silenced
	fakeOther("b")
	fakeOther("héllo, 世界" + fakeTarget("c")) // sarif: perflintfake
}

// Report opens a pool per request.
func Report(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", os.Getenv("DSN")) // sarif: clientreuse
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer db.Close()
	w.WriteHeader(http.StatusNoContent)
}

type pool struct{}

func newPool() *pool { return &pool{} }

// Stats builds an in-house pool per request: reported with
// -summary.pools=example.com/sarif/app.newPool.
func Stats(w http.ResponseWriter, r *http.Request) {
	_ = newPool() // sarif-setting: clientreuse
	w.WriteHeader(http.StatusNoContent)
}
