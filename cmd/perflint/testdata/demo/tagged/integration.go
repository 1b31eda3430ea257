//go:build integration

package tagged

import (
	"database/sql"
	"net/http"
)

func Seed(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn")
	_ = db
}
