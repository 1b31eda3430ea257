package apis

import (
	"go/ast"
	"go/constant"
	"go/types"
)

// Level is the severity of a log call.
type Level int

const (
	NotLog Level = iota
	Debug        // debug and trace
	Info         // info, and logs with no level (log.Printf)
	Warn         // warnings and errors: rare, worth their cost
	Exit         // Fatal and Panic: the call leaves the loop
)

// logLevels maps log calls whose level is fixed by the API to that level.
var logLevels = func() map[string]Level {
	m := make(map[string]Level)
	set := func(level Level, pkg, recv string, names ...string) {
		s := make(nameSet)
		s.add(pkg, recv, names...)
		for n := range s {
			m[n] = level
		}
	}
	for _, recv := range []string{"", "*Logger"} {
		set(Info, "log", recv, "Print", "Printf", "Println")
		set(Exit, "log", recv, "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln")
		set(Debug, "log/slog", recv, "Debug", "DebugContext")
		set(Info, "log/slog", recv, "Info", "InfoContext")
		set(Warn, "log/slog", recv, "Warn", "WarnContext", "Error", "ErrorContext")
	}

	set(Debug, "go.uber.org/zap", "*Logger", "Debug")
	set(Info, "go.uber.org/zap", "*Logger", "Info")
	set(Warn, "go.uber.org/zap", "*Logger", "Warn", "Error", "DPanic")
	set(Exit, "go.uber.org/zap", "*Logger", "Panic", "Fatal")
	set(Debug, "go.uber.org/zap", "*SugaredLogger", "Debug", "Debugf", "Debugw", "Debugln")
	set(Info, "go.uber.org/zap", "*SugaredLogger", "Info", "Infof", "Infow", "Infoln")
	set(Warn, "go.uber.org/zap", "*SugaredLogger", "Warn", "Warnf", "Warnw", "Warnln", "Error", "Errorf", "Errorw", "Errorln", "DPanic", "DPanicf", "DPanicw", "DPanicln")
	set(Exit, "go.uber.org/zap", "*SugaredLogger", "Panic", "Panicf", "Panicw", "Panicln", "Fatal", "Fatalf", "Fatalw", "Fatalln")

	const logrus = "github.com/sirupsen/logrus"
	for _, recv := range []string{"", "*Logger", "*Entry", "FieldLogger", "Ext1FieldLogger"} {
		set(Debug, logrus, recv, "Trace", "Tracef", "Traceln", "Debug", "Debugf", "Debugln")
		set(Info, logrus, recv, "Info", "Infof", "Infoln", "Print", "Printf", "Println")
		set(Warn, logrus, recv, "Warn", "Warnf", "Warnln", "Warning", "Warningf", "Warningln", "Error", "Errorf", "Errorln")
		set(Exit, logrus, recv, "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln")
	}

	const klog = "k8s.io/klog/v2"
	set(Info, klog, "", "Info", "InfoDepth", "Infoln", "InfolnDepth", "Infof", "InfofDepth", "InfoS", "InfoSDepth")
	set(Warn, klog, "", "Warning", "Warningf", "Warningln", "WarningS", "Error", "Errorf", "Errorln", "ErrorS", "ErrorSDepth")
	set(Exit, klog, "", "Fatal", "Fatalf", "Fatalln", "Exit", "Exitf", "Exitln")
	set(Debug, klog, "Verbose", "Info", "InfoDepth", "Infoln", "InfolnDepth", "Infof", "InfofDepth", "InfoS", "InfoSDepth")
	set(Info, "github.com/go-logr/logr", "Logger", "Info")
	set(Warn, "github.com/go-logr/logr", "Logger", "Error")
	return m
}()

// zerolog's levels are chosen by the call that starts an event; the event is
// written by one of its senders.
const zerolog = "github.com/rs/zerolog"

var zerologStarts = func() map[string]Level {
	m := make(map[string]Level)
	for _, pkg := range []string{zerolog, zerolog + "/log"} {
		recv := ""
		if pkg == zerolog {
			recv = "*Logger"
		}
		s := make(nameSet)
		s.add(pkg, recv, "Trace", "Debug", "Print", "Printf")
		for n := range s {
			m[n] = Debug
		}
		s = make(nameSet)
		s.add(pkg, recv, "Info", "Log")
		for n := range s {
			m[n] = Info
		}
		s = make(nameSet)
		s.add(pkg, recv, "Warn", "Error", "Err")
		for n := range s {
			m[n] = Warn
		}
		s = make(nameSet)
		s.add(pkg, recv, "Fatal", "Panic")
		for n := range s {
			m[n] = Exit
		}
	}
	return m
}()

var zerologSends = func() nameSet {
	s := make(nameSet)
	s.add(zerolog, "*Event", "Msg", "Msgf", "MsgFunc", "Send")
	return s
}()

// LogLevel returns the level of call when it writes a log line, or NotLog.
// A zerolog chain (log.Info().Str("k", v).Msg("m")) is a log call at its
// sender (Msg), with the level of the call that started the event.
func (c *Config) LogLevel(info *types.Info, call *ast.CallExpr) Level {
	fn := Callee(info, call)
	if fn == nil {
		return NotLog
	}
	name := fn.FullName()
	if level, ok := logLevels[name]; ok {
		return level
	}
	if c.Loggers.Has(fn) {
		return Info
	}
	if zerologSends[name] {
		return zerologLevel(info, call)
	}
	if pkgPath(fn) == "log/slog" && (fn.Name() == "Log" || fn.Name() == "LogAttrs") {
		return slogLevel(info, call)
	}
	return NotLog
}

// zerologLevel follows the receiver chain of a zerolog sender back to the
// call that started the event.
func zerologLevel(info *types.Info, call *ast.CallExpr) Level {
	for {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return NotLog
		}
		recv, ok := ast.Unparen(sel.X).(*ast.CallExpr)
		if !ok {
			return NotLog // an event held in a variable: level unknown
		}
		fn := Callee(info, recv)
		if fn == nil {
			return NotLog
		}
		if level, ok := zerologStarts[fn.FullName()]; ok {
			return level
		}
		res := fn.Type().(*types.Signature).Results()
		if res.Len() != 1 || !IsNamed(res.At(0).Type(), zerolog, "Event") {
			return NotLog
		}
		call = recv
	}
}

// slogLevel reads the constant level argument of slog's Log and LogAttrs.
func slogLevel(info *types.Info, call *ast.CallExpr) Level {
	if len(call.Args) < 2 {
		return NotLog
	}
	tv, ok := info.Types[call.Args[1]]
	if !ok || tv.Value == nil {
		return NotLog
	}
	v, ok := constant.Int64Val(tv.Value)
	if !ok {
		return NotLog
	}
	switch {
	case v < 0: // slog.LevelDebug is -4
		return Debug
	case v < 4: // slog.LevelWarn is 4
		return Info
	}
	return Warn
}

// exits never return to their caller.
var exits = func() nameSet {
	s := make(nameSet)
	s.add("os", "", "Exit")
	s.add("runtime", "", "Goexit")
	s.add("testing", "*common", "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow")
	return s
}()

// NoReturn reports whether calling fn never returns: os.Exit,
// runtime.Goexit, testing's Fatal and Skip, and the Fatal and Panic calls of
// the known loggers.
func NoReturn(fn *types.Func) bool {
	name := fn.FullName()
	return exits[name] || logLevels[name] == Exit
}
