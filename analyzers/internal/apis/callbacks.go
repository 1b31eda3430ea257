package apis

import (
	"go/ast"
	"go/types"
)

// Callback tells how a function that receives a func argument runs it.
type Callback int

const (
	RunsOnce    Callback = iota // runs it during the call (errgroup.Go, Transaction, most helpers)
	Iterates                    // runs it once per element: a loop in disguise
	OncePerProc                 // runs it at most once per process (sync.Once)
)

var iterators = func() nameSet {
	s := make(nameSet)
	s.add("sync", "*Map", "Range")
	s.add("github.com/jackc/pgx/v5", "", "ForEachRow")
	s.add("github.com/jackc/pgx/v4", "", "ForEachRow")
	s.add("github.com/samber/lo", "", "ForEach", "ForEachWhile", "Map", "FilterMap", "FlatMap",
		"Filter", "Reduce", "ReduceRight", "Times", "GroupBy", "PartitionBy", "KeyBy", "Associate", "SliceToMap")
	s.add("github.com/samber/lo/parallel", "", "ForEach", "Map", "Times", "GroupBy", "PartitionBy")
	return s
}()

var oncePerProcess = func() nameSet {
	s := make(nameSet)
	s.add("sync", "*Once", "Do")
	s.add("sync", "", "OnceFunc", "OnceValue", "OnceValues")
	return s
}()

// CallbackKind tells how the function called by call runs the func values
// passed to it.
func CallbackKind(info *types.Info, call *ast.CallExpr) Callback {
	fn := Callee(info, call)
	if fn == nil {
		return RunsOnce
	}
	name := fn.FullName()
	switch {
	case iterators[name]:
		return Iterates
	case oncePerProcess[name]:
		return OncePerProc
	}
	return RunsOnce
}

// rowIterators advance over the rows or lines of a result: a loop whose
// condition calls one runs once per row, however it is written.
var rowIterators = func() nameSet {
	s := make(nameSet)
	s.add("database/sql", "*Rows", "Next", "NextResultSet")
	s.add("github.com/jackc/pgx/v5", "Rows", "Next")
	s.add("github.com/jackc/pgx/v4", "Rows", "Next")
	s.add("go.mongodb.org/mongo-driver/mongo", "*Cursor", "Next", "TryNext")
	s.add("go.mongodb.org/mongo-driver/v2/mongo", "*Cursor", "Next", "TryNext")
	s.add("bufio", "*Scanner", "Scan")
	s.add("encoding/json", "*Decoder", "More")
	return s
}()

// IsRowIterator reports whether call advances a result set or a stream.
func IsRowIterator(info *types.Info, call *ast.CallExpr) bool {
	fn := Callee(info, call)
	return fn != nil && rowIterators[fn.FullName()]
}

// LitRun tells when the body of a function literal runs, judged from where
// the literal stands.
type LitRun int

const (
	RunsLater     LitRun = iota // stored or registered: not run by the code around it
	RunsHere                    // called, deferred or started right there, or run by the callee it is passed to
	RunsPerItem                 // passed to an iterating callee: once per element
	RunsOnceAtAll               // passed to sync.Once and friends
)

// HowLitRuns tells when lit runs. A literal passed to a call runs during
// that call unless it has an HTTP handler's signature (a route being
// registered) or the callee is known to keep it for later.
func HowLitRuns(info *types.Info, lit ast.Node, parent ast.Node) LitRun {
	call, ok := parent.(*ast.CallExpr)
	if !ok {
		return RunsLater
	}
	if ast.Unparen(call.Fun) == lit {
		return RunsHere // func(){...}(), go func(){...}(), defer func(){...}()
	}
	if tv, ok := info.Types[call.Fun]; ok && (tv.IsBuiltin() || tv.IsType()) {
		return RunsLater // append(handlers, func(){...}), HandlerFunc(func...)
	}
	if sig, ok := info.TypeOf(lit.(ast.Expr)).(*types.Signature); ok {
		if _, isHandler := HandlerFramework(sig); isHandler {
			return RunsLater
		}
	}
	switch CallbackKind(info, call) {
	case Iterates:
		return RunsPerItem
	case OncePerProc:
		return RunsOnceAtAll
	}
	if fn := Callee(info, call); fn != nil && keepsForLater[fn.FullName()] {
		return RunsLater
	}
	return RunsHere
}

// keepsForLater take a function and run it after the call returns.
var keepsForLater = func() nameSet {
	s := make(nameSet)
	s.add("time", "", "AfterFunc")
	s.add("runtime", "", "SetFinalizer", "AddCleanup")
	s.add("context", "", "AfterFunc")
	return s
}()
