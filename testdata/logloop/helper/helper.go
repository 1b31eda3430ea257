// Package helper logs on behalf of its callers.
package helper

import "log/slog"

func Audit(id int) {
	slog.Info("audit", "id", id)
}

func Quiet(id int) int { return id * 2 }
