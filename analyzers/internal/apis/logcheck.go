package apis

import (
	"go/ast"
	"go/types"
)

// levelChecks ask a logger whether a level is enabled: code guarded by one
// costs nothing when the level is off.
var levelChecks = func() nameSet {
	s := make(nameSet)
	s.add("log/slog", "*Logger", "Enabled")
	s.add("log/slog", "Handler", "Enabled")
	const zap = "go.uber.org/zap"
	s.add(zap, "*Logger", "Check", "Level")
	s.add(zap, "*SugaredLogger", "Level")
	s.add(zap, "AtomicLevel", "Enabled", "Level")
	s.add(zap+"/zapcore", "LevelEnabler", "Enabled")
	s.add(zap+"/zapcore", "Level", "Enabled")
	const logrus = "github.com/sirupsen/logrus"
	s.add(logrus, "", "GetLevel", "IsLevelEnabled")
	s.add(logrus, "*Logger", "GetLevel", "IsLevelEnabled")
	const zerolog = "github.com/rs/zerolog"
	s.add(zerolog, "", "GlobalLevel")
	s.add(zerolog, "Logger", "GetLevel")
	s.add(zerolog, "*Event", "Enabled")
	s.add("k8s.io/klog/v2", "Verbose", "Enabled")
	s.add("github.com/go-logr/logr", "Logger", "Enabled")
	return s
}()

// IsLevelCheck reports whether call asks a logger whether a level is
// enabled (slog's Enabled, zap's Check and Level, logrus' IsLevelEnabled,
// klog's V(n).Enabled, zerolog's GetLevel, logr's Enabled).
func IsLevelCheck(info *types.Info, call *ast.CallExpr) bool {
	fn := Callee(info, call)
	return fn != nil && levelChecks[fn.FullName()]
}
