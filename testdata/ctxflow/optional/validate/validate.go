// Package validate mimics ozzo-validation: the context is optional values
// handed to rules, and the plain function passes nil.
package validate

import "context"

func Struct(v any) error { return validateStruct(nil, v) } // want Struct:"passes a nil context to validate.validateStruct"

func StructWithContext(ctx context.Context, v any) error { return validateStruct(ctx, v) }

func validateStruct(ctx context.Context, v any) error {
	if ctx == nil {
		return nil
	}
	return ctx.Err()
}

// Check and CheckContext form a real pair: Check uses a background context.
func Check(v any) error { return CheckContext(context.Background(), v) }

func CheckContext(ctx context.Context, v any) error { return ctx.Err() }
