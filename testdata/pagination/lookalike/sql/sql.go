// Package sql is not database/sql: its Query is not a database.
package sql

type DB struct{}

type Rows struct{ n int }

func (r *Rows) Next() bool { r.n++; return r.n < 3 }

func (db *DB) Query(q string, args ...any) (*Rows, error) { return &Rows{}, nil }
