// Command startup reads a small fixed table once, at start-up.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
)

type Country struct{ Code, Name string }

func loadCountries(db *sql.DB) []Country {
	rows, _ := db.QueryContext(context.Background(), "SELECT code, name FROM countries")
	defer rows.Close()
	var out []Country
	for rows.Next() {
		var c Country
		rows.Scan(&c.Code, &c.Name)
		out = append(out, c)
	}
	return out
}

func main() {
	db, _ := sql.Open("postgres", "")
	// Read once per process; the handler serves the cached slice: not a query per request.
	countries := loadCountries(db)
	http.HandleFunc("/countries", func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(countries)
	})
	http.ListenAndServe(":8080", nil)
}
