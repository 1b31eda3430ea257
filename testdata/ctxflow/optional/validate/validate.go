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

// Check and CheckContext form a real pair: Check uses a background
// context, and CheckContext's context cancels its wait for the rules.
func Check(v any) error { return CheckContext(context.Background(), v) }

func CheckContext(ctx context.Context, v any) error { // want CheckContext:`context reaches \(context.Context\).Done`
	select {
	case <-rulesLoaded:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

var rulesLoaded = make(chan struct{})
