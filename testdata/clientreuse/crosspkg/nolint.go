package crosspkg

import (
	"database/sql"
	"net/http"
)

// The analyzer reports this; the drivers (and golangci-lint) honour the
// directive, the analyzer does not.
func Suppressed(w http.ResponseWriter, r *http.Request) {
	_, _ = sql.Open("postgres", "dsn") //nolint:clientreuse // want `sql.Open in handler crosspkg.Suppressed`
}
