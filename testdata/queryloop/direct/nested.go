package direct

import (
	"database/sql"
	"net/http"
)

type vote struct {
	ID        string
	Direction int
}

var votesDB *sql.DB

// One query per row of another, on the request path; the lookups behind
// a map of the loop, which leave it on their error, do not make the rows
// a paged fetch.
func votesOf(viewer, page string) ([]vote, error) {
	statement := `SELECT id FROM comments WHERE page = $1`
	rows, err := votesDB.Query(statement, page)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []vote
	authors := make(map[string]string)
	for rows.Next() {
		v := vote{}
		if err := rows.Scan(&v.ID); err != nil {
			return nil, err
		}
		if viewer != "anonymous" {
			statement = `SELECT direction FROM votes WHERE comment = $1 AND viewer = $2`
			row := votesDB.QueryRow(statement, v.ID, viewer) // want `\(\*sql.DB\).QueryRow inside a loop makes a database round-trip per iteration.*\(and 1 more round-trip in this loop\)`
			if err := row.Scan(&v.Direction); err != nil {
				v.Direction = 0
			}
		}
		out = append(out, v)
		if _, ok := authors[v.ID]; !ok {
			authors[v.ID], err = authorOf(v.ID)
			if err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func authorOf(id string) (string, error) {
	var name string
	err := votesDB.QueryRow(`SELECT name FROM authors WHERE id = $1`, id).Scan(&name)
	return name, err
}

func VotesHandler(w http.ResponseWriter, r *http.Request) {
	_, _ = votesOf(r.FormValue("viewer"), r.FormValue("page"))
}
