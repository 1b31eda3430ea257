package lookalike

import (
	"context"

	"example.com/td/ctxflow/lookalike/sql"
)

func Run(ctx context.Context, db *sql.DB) {
	_ = db.Query("SELECT 1") // fine: this sql is not database/sql, and its QueryContext takes no context
}
