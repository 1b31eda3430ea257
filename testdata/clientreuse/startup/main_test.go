package main

import (
	"database/sql"
	"net/http"
	"testing"
)

// Tests build what they like.
func TestHandler(t *testing.T) {
	for _, dsn := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		_, _ = sql.Open("postgres", dsn)
	}
	_ = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = sql.Open("postgres", "dsn")
	})
}
