package lookalike

import (
	"context"

	"github.com/rs/zerolog"
)

// Trap: a logger's With (a field builder) and WithContext (which stores
// the logger in a context) share a name, not a call: WithContext returns a
// context, not a builder. Nothing is dropped.
func Fields(ctx context.Context, l zerolog.Logger) zerolog.Logger {
	return l.With().Str("component", "sync").Logger()
}
