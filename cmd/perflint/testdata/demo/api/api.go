package api

import (
	"database/sql"
	"net/http"
)

func List(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") // reported
	_ = db
}

func Quiet(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") //nolint:clientreuse // measured: rare admin endpoint
	_ = db
}

func QuietSuite(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") //nolint:perflint
	_ = db
}

func QuietBare(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") //nolint
	_ = db
}

func OtherLinter(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn") //nolint:errcheck // names another linter: still reported
	_ = db
}

//nolint:clientreuse // the whole declaration
func QuietDecl(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn")
	_ = db
}

func QuietStmt(w http.ResponseWriter, r *http.Request) {
	//nolint:clientreuse // covers the statement below, all its lines
	db, _ := sql.Open(
		"postgres", "dsn")
	_ = db
}
