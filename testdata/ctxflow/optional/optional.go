// Package optional calls functions whose context-less variant passes nil:
// the context is optional there, not a way to cancel.
package optional

import (
	"context"

	"example.com/td/ctxflow/optional/validate"
)

func Settings(ctx context.Context, v any) error {
	return validate.Struct(v) // another package's fact: nil passed, not a cancellation pair
}

func local(v any) error { return localWithContext(nil, v) } // want local:"passes a nil context to optional.localWithContext"

func localWithContext(ctx context.Context, v any) error { return nil }

func Local(ctx context.Context, v any) error {
	return local(v) // this package's own optional-context pair
}
