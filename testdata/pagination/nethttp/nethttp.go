// Package nethttp holds net/http handlers over database/sql and pgx.
package nethttp

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type User struct {
	ID   int
	Name string
}

type Server struct {
	db    *sql.DB
	pool  *pgxpool.Pool
	tmpl  *template.Template
	cache []User
}

// Postgres style, rows appended in a rows.Next loop, json.NewEncoder(w).
func (s *Server) ListUsers(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.QueryContext(r.Context(), "SELECT id, name FROM users ORDER BY id") // want `handler \(\*nethttp.Server\).ListUsers returns every row \(\(\*sql.DB\).QueryContext\) in one response`
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		if err := rows.Scan(&u.ID, &u.Name); err != nil {
			return
		}
		users = append(users, u)
	}
	json.NewEncoder(w).Encode(users)
}

// MySQL style placeholders; json.Marshal then w.Write; a filter on a
// foreign key is still a list.
func (s *Server) ListOrders(w http.ResponseWriter, r *http.Request) {
	uid, _ := strconv.Atoi(r.URL.Query().Get("user"))
	rows, err := s.db.Query("SELECT id FROM orders WHERE user_id = ? AND status = ?", uid, "open") // want `returns every row`
	if err != nil {
		return
	}
	defer rows.Close()
	ids := []int{}
	for rows.Next() {
		var id int
		rows.Scan(&id)
		ids = append(ids, id)
	}
	b, _ := json.Marshal(map[string]any{"orders": ids})
	w.Write(b)
}

const usersTable = "users"

// The text is built with fmt.Sprintf over a constant table name and a
// concatenation: still statically known, still unbounded.
func (s *Server) ListSprintf(w http.ResponseWriter, r *http.Request) {
	q := fmt.Sprintf("SELECT id, name FROM %s", usersTable) + " ORDER BY name"
	rows, _ := s.db.QueryContext(r.Context(), q) // want `returns every row`
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		out = append(out, u)
	}
	writeJSON(w, http.StatusOK, out)
}

// A template executed over the list writes it into the response.
func (s *Server) UsersPage(w http.ResponseWriter, r *http.Request) {
	rows, _ := s.pool.Query(r.Context(), "SELECT id, name FROM users") // want `returns every row \(\(\*pgxpool.Pool\).Query\)`
	users, _ := pgx.CollectRows(rows, pgx.RowToStructByPos[User])
	s.tmpl.Execute(w, struct{ Users []User }{users})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// A helper of this package that returns every row: reported at the
// handler's call, with the chain.
func (s *Server) allUsers(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, name FROM users")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		users = append(users, u)
	}
	return users, rows.Err()
}

func (s *Server) ListViaHelper(w http.ResponseWriter, r *http.Request) {
	users, err := s.allUsers(r.Context()) // want `returns every row \(\(\*nethttp.Server\).allUsers → \(\*sql.DB\).QueryContext\)`
	if err != nil {
		return
	}
	type dto struct{ Name string }
	var resp []dto
	for _, u := range users {
		resp = append(resp, dto{u.Name})
	}
	json.NewEncoder(w).Encode(map[string]any{"users": resp})
}

// A handler built by a constructor: the literal is the handler.
func UsersHandler(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rows, _ := db.QueryContext(r.Context(), "SELECT id, name FROM users") // want `handler func literal in UsersHandler returns every row`
		defer rows.Close()
		var users []User
		for rows.Next() {
			var u User
			rows.Scan(&u.ID, &u.Name)
			users = append(users, u)
		}
		json.NewEncoder(w).Encode(users)
	}
}

// ---- traps ----

// LIMIT with a Postgres placeholder: bounded.
func (s *Server) PageUsers(w http.ResponseWriter, r *http.Request) {
	rows, _ := s.db.QueryContext(r.Context(), "SELECT id, name FROM users ORDER BY id LIMIT $1 OFFSET $2", 50, 0)
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		users = append(users, u)
	}
	json.NewEncoder(w).Encode(users)
}

// LIMIT ? in MySQL style, and a literal limit via Sprintf %d: bounded.
func (s *Server) PageOrders(w http.ResponseWriter, r *http.Request) {
	rows, _ := s.db.Query(fmt.Sprintf("SELECT id FROM orders WHERE id > ? ORDER BY id LIMIT %d", 100), 0)
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		rows.Scan(&id)
		ids = append(ids, id)
	}
	json.NewEncoder(w).Encode(ids)
}

// A LIMIT appended on one branch: the text may be bounded, not reported.
func (s *Server) MaybeLimited(w http.ResponseWriter, r *http.Request) {
	q := "SELECT id FROM orders"
	if r.URL.Query().Has("top") {
		q += " LIMIT 10"
	}
	rows, _ := s.db.Query(q)
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		rows.Scan(&id)
		ids = append(ids, id)
	}
	json.NewEncoder(w).Encode(ids)
}

// A WHERE clause that is not statically known may carry a LIMIT: not guessed at.
func (s *Server) Filtered(w http.ResponseWriter, r *http.Request, where string) {
	rows, _ := s.db.Query("SELECT id FROM orders WHERE " + where)
	defer rows.Close()
	var ids []int
	for rows.Next() {
		var id int
		rows.Scan(&id)
		ids = append(ids, id)
	}
	json.NewEncoder(w).Encode(ids)
}

// An aggregate returns one row.
func (s *Server) CountUsers(w http.ResponseWriter, r *http.Request) {
	rows, _ := s.db.QueryContext(r.Context(), "SELECT COUNT(*) FROM users")
	defer rows.Close()
	var counts []int
	for rows.Next() {
		var n int
		rows.Scan(&n)
		counts = append(counts, n)
	}
	json.NewEncoder(w).Encode(counts)
}

// GROUP BY: one row per group of a (usually small) key; documented as not reported.
func (s *Server) CountByStatus(w http.ResponseWriter, r *http.Request) {
	rows, _ := s.db.QueryContext(r.Context(), "SELECT status, COUNT(*) FROM orders GROUP BY status")
	defer rows.Close()
	var out []string
	for rows.Next() {
		var st string
		var n int
		rows.Scan(&st, &n)
		out = append(out, st)
	}
	json.NewEncoder(w).Encode(out)
}

// A lookup by primary key.
func (s *Server) GetUser(w http.ResponseWriter, r *http.Request) {
	rows, _ := s.db.QueryContext(r.Context(), "SELECT id, name FROM users WHERE id = $1", r.PathValue("id"))
	defer rows.Close()
	var users []User
	for rows.Next() {
		var u User
		rows.Scan(&u.ID, &u.Name)
		users = append(users, u)
	}
	json.NewEncoder(w).Encode(users)
}

// The list is counted, not written.
func (s *Server) NumUsers(w http.ResponseWriter, r *http.Request) {
	users, _ := s.allUsers(r.Context())
	json.NewEncoder(w).Encode(map[string]int{"count": len(users)})
}

// Only the first element is written, or a bounded slice of the list.
func (s *Server) FirstUser(w http.ResponseWriter, r *http.Request) {
	users, _ := s.allUsers(r.Context())
	if len(users) > 0 {
		json.NewEncoder(w).Encode(users[0])
	}
	json.NewEncoder(w).Encode(users[:10])
}

// The list is cached, not written to the response.
func (s *Server) Refresh(w http.ResponseWriter, r *http.Request) {
	users, _ := s.allUsers(r.Context())
	s.cache = users
	w.WriteHeader(http.StatusNoContent)
}

// The handler reads limit and offset and passes them on: paginated.
func (s *Server) allUsersPage(ctx context.Context, limit, offset int) ([]User, error) {
	users, err := s.allUsers(ctx)
	if err != nil || offset >= len(users) {
		return nil, err
	}
	return users[offset:min(offset+limit, len(users))], nil
}

func (s *Server) ListPaged(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	users, _ := s.allUsersPage(r.Context(), limit, offset)
	json.NewEncoder(w).Encode(users)
}

// The rows are not gathered: the first one is read and written.
func (s *Server) Newest(w http.ResponseWriter, r *http.Request) {
	rows, _ := s.db.QueryContext(r.Context(), "SELECT id, name FROM users ORDER BY id DESC")
	defer rows.Close()
	var u User
	if rows.Next() {
		rows.Scan(&u.ID, &u.Name)
	}
	json.NewEncoder(w).Encode(u)
}

// The list is written to a file, not the response.
func (s *Server) Export(w http.ResponseWriter, r *http.Request, f *json.Encoder) {
	users, _ := s.allUsers(r.Context())
	f.Encode(users)
	w.WriteHeader(http.StatusAccepted)
}

// Not a handler, not reached from one: a job.
func (s *Server) Nightly(ctx context.Context, enc *json.Encoder) {
	users, _ := s.allUsers(ctx)
	enc.Encode(users)
}
