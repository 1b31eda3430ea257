// Package memo builds its pools through helpers that run the constructor
// they are given only when no earlier result is cached: once per key, not
// once per request.
package memo

import (
	"database/sql"
	"net/http"
	"sync"
)

var (
	mu        sync.Mutex
	instances = map[string]any{}
)

// GetInstance runs build only on a miss.
func GetInstance[T any](key string, build func() T) T {
	mu.Lock()
	defer mu.Unlock()
	if v, ok := instances[key]; ok {
		return v.(T)
	}
	v := build()
	instances[key] = v
	return v
}

// Always runs build on every call: it memoizes nothing.
func Always[T any](build func() T) T {
	return build()
}

func DB() *sql.DB {
	return GetInstance("db", func() *sql.DB {
		db, _ := sql.Open("postgres", "dsn")
		return db
	})
}

func Handler(w http.ResponseWriter, r *http.Request) {
	DB().QueryRowContext(r.Context(), "SELECT 1")
}

func Fresh(w http.ResponseWriter, r *http.Request) {
	db := Always(func() *sql.DB {
		db, _ := sql.Open("postgres", "dsn") // want `sql.Open in func literal in Fresh, which handler memo.Fresh runs, builds a new connection pool per request`
		return db
	})
	db.QueryRowContext(r.Context(), "SELECT 1")
}
