package traps

import "log/slog"

func expandAll(id string) map[string]error { return nil }

// A non-empty collection of errors is an error report: logged on the error path only.
func ReportErrors(ids []string) {
	for _, id := range ids {
		if errs := expandAll(id); len(errs) > 0 {
			slog.Info("expand errors", "id", id, "errors", errs)
		}
		var failures []error
		if len(failures) != 0 {
			slog.Info("failures", "n", len(failures))
		}
	}
}

// A non-empty collection of anything else is not an error path.
func ReportNames(groups [][]string) {
	for _, names := range groups {
		if len(names) > 0 {
			slog.Info("names", "n", len(names)) // want `slog.Info inside a loop writes a log line per iteration`
		}
	}
}
