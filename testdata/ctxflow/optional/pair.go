package optional

import (
	"context"

	"example.com/td/ctxflow/optional/validate"
)

// A real pair still reports: Check gives CheckContext a background context.
func Checked(ctx context.Context, v any) error {
	return validate.Check(v) // want `validate.Check drops the context ctx in scope`
}
