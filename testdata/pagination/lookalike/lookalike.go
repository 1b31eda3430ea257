// Package lookalike calls a Query method of a package named sql that is
// not database/sql: nothing is fetched from a database.
package lookalike

import (
	"encoding/json"
	"net/http"

	"example.com/td/pagination/lookalike/sql"
)

func List(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, _ := db.Query("SELECT * FROM users")
		var out []int
		for rows.Next() {
			out = append(out, 1)
		}
		json.NewEncoder(w).Encode(out)
	}
}
