// Package main opens its pools at start-up, which is where they belong.
package main

import (
	"database/sql"
	"net/http"
)

type app struct{ db *sql.DB }

// openDB is only called from main: start-up code.
func openDB(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	return db
}

func main() {
	a := &app{db: openDB("dsn")}
	// One client per configured upstream, at start-up: not hot.
	for _, u := range []string{"http://a", "http://b"} {
		_ = &http.Client{Transport: &http.Transport{}}
		_ = u
	}
	for _, dsn := range loadConfig() {
		_, _ = sql.Open("postgres", dsn)
	}
	http.HandleFunc("/", a.list)
	_ = http.ListenAndServe(":8080", nil)
}

func loadConfig() []string { return nil }

func init() {
	_, _ = sql.Open("postgres", "dsn")
}

var global, _ = sql.Open("postgres", "dsn")

func (a *app) list(w http.ResponseWriter, r *http.Request) {
	_ = a.db.PingContext(r.Context())
}
