package levels

import (
	"database/sql"
	"net/http"
)

// A pool per request: high.
func Handler(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("postgres", "dsn")
	_ = db
}

// A pool per item of a parameter no caller is seen to fill: low.
func OpenAll(dsns []string) []*sql.DB {
	var dbs []*sql.DB
	for _, dsn := range dsns {
		db, _ := sql.Open("postgres", dsn)
		dbs = append(dbs, db)
	}
	return dbs
}
