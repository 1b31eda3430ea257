// Package tenancy opens the tenants' databases.
package tenancy

import (
	"context"
	"database/sql"
)

type Opener struct{ DSN string }

// DB opens a new pool on every call.
func (o *Opener) DB(_ context.Context, tenant string) (*sql.DB, error) {
	return sql.Open("postgres", o.DSN+"/"+tenant)
}

// Shared hands out one pool opened at start-up.
type Shared struct{ Pool *sql.DB }

func (s *Shared) Conn(_ context.Context, _ string) (*sql.DB, error) { return s.Pool, nil }
