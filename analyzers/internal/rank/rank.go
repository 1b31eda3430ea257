// Package rank turns the evidence the shared models give — where a function
// runs (summary.Place) and what a loop goes over (loops.Evidence) — into a
// finding's confidence and its reason, the same way for every analyzer.
package rank

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/internal/loops"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/confidence"
)

// Judgment is a finding's confidence and the reason shown with it.
type Judgment struct {
	Level confidence.Level
	Why   string
	// Drop: the finding is in code that never runs in production (a test
	// harness, a mock, an example): not reported.
	Drop bool
}

// harness is the judgment of code outside production.
func harness(why string) Judgment {
	return Judgment{Level: confidence.Low, Why: "runs in " + why, Drop: true}
}

// Lower returns j one level lower, with why added to the reason.
func (j Judgment) Lower(why string) Judgment {
	return Judgment{Level: j.Level.Lower(), Why: j.Why + "; " + why, Drop: j.Drop}
}

// Embedded returns j as low: the program's only databases run in its own
// process (SQLite), so the cost the finding names (a network round-trip, a
// remote query left running) is not there; what is left is said in why.
func (j Judgment) Embedded(why string) Judgment {
	return Judgment{Level: confidence.Low, Why: j.Why + "; the database is embedded (SQLite): " + why, Drop: j.Drop}
}

// InLoop judges a finding that repeats once per iteration of loop l in
// function fn: what the request itself sends makes it high, the rows of a
// query medium (how many one request reads is not shown), a parameter
// medium, the program's own data (configuration, arguments, tables) low;
// with nothing known, medium on the request path and low elsewhere; code
// that runs only on failure at most medium; items a check before the loop
// caps (if len(items) > max { return … }) one level lower, and low when
// max is small. Code outside the service (see outsideService) is judged by
// that alone.
func InLoop(pass Pass, l loops.Loop, fn ast.Node) Judgment {
	j := inLoop(pass, l, fn)
	if j.Level > confidence.Medium && pass.Sum.OnFailure(fn) {
		// A cleanup after a failed step runs as often as steps fail.
		j = j.Lower("but the code runs only when something has failed (every call of it is in an error branch)")
	}
	if max, ok := loops.Capped(pass.Info, l); ok && j.Level > confidence.Low {
		// A batch the request sends, validated to at most max items.
		why := fmt.Sprintf("but a check before the loop rejects more than %d items", max)
		if max <= loops.MaxSmall {
			return Judgment{Level: confidence.Low, Why: j.Why + "; " + why, Drop: j.Drop}
		}
		j = j.Lower(why)
	}
	return j
}

func inLoop(pass Pass, l loops.Loop, fn ast.Node) Judgment {
	place, why := pass.Sum.Where(fn)
	if j, ok := outsideService(place, why); ok {
		return j
	}
	// The package's own handlers show what a request reads; a request
	// path through another package's handler says only that it runs.
	_, local := pass.Sum.Handler(fn)
	remote := place == summary.PerRequest && !local
	ev := loops.Origin(pass.Info, l, pass.fetches)
	rows := ev.Rows()
	if ev.Source == loops.Param && ev.Param != nil {
		// What the callers pass says more than "a parameter".
		if callers, ok := pass.Sum.ParamEvidence(fn, ev.Param); ok {
			rows = callers.Rows()
			if callers.Param != ev.Param { // not the parameter itself: what a caller passes to it
				callers.What = passedAs(ev.What, callers)
			}
			ev = callers
		}
	}
	if ev.Source == loops.Param && ev.Holder != nil {
		if in, ok := pass.Sum.RPCInput(fn, ev.Holder); ok {
			ev = in // a field of the request message
		}
	}
	switch ev.Source {
	case loops.Served:
		if groups(pass.Info, l) {
			// A map of lists has one entry per distinct key (a worker, a
			// tenant, a day), not one per row: how many is not shown.
			return Judgment{Level: confidence.Medium, Why: "the loop goes over groups of " + ev.What + " (a map of lists: one entry per distinct key)"}
		}
		if rows && (local || remote) {
			// Code on the request path reads rows for a request, but most
			// often a few keyed by the request's own entity (a user's open
			// sessions, a repository's pending builds) rather than a page
			// or a whole table: on services never seen before, half of
			// these loops were not worth the fix. What the request itself
			// sends (a decoded body, its parameters) stays high.
			return Judgment{Level: confidence.Medium, Why: "the loop goes over " + ev.What + servedElsewhere(pass, fn) + "; how many rows one request reads is not shown"}
		}
		if rows {
			// A job or worker that walks stored rows pays per row in
			// throughput, not in a user's wait: what the rows are (a
			// handful of partitions, a page of a queue) decides.
			return Judgment{Level: confidence.Medium, Why: "the loop goes over " + ev.What + ", in code no request path is shown to run (a job, a worker)"}
		}
		return Judgment{Level: confidence.High, Why: "the loop goes over " + ev.What + servedElsewhere(pass, fn)}
	case loops.Program:
		return Judgment{Level: confidence.Low, Why: "the loop goes over " + ev.What + ", not over data the program serves"}
	case loops.Decoded:
		return Judgment{Level: confidence.Medium, Why: "the loop goes over " + ev.What + ", from a request or from storage"}
	case loops.Param:
		// Only callers show whether a parameter is served data; a
		// function the package's handlers run is on the request path.
		if local {
			return Judgment{Level: confidence.Medium, Why: "on the request path, the loop goes over " + ev.What}
		}
		return Judgment{Level: confidence.Low, Why: "the loop goes over " + ev.What + ", whose size its callers decide"}
	}
	if local {
		return Judgment{Level: confidence.Medium, Why: "on the request path; where the loop's items come from is not shown"}
	}
	return Judgment{Level: confidence.Low, Why: "neither the loop's data nor a request path is shown"}
}

// servedElsewhere names the handler of another package whose requests
// run fn, the evidence a reader cannot see from fn's package.
func servedElsewhere(pass Pass, fn ast.Node) string {
	if _, here := pass.Sum.Handler(fn); here {
		return ""
	}
	if h, ok := pass.Sum.RequestPath(fn); ok {
		return ", on the request path of handler " + h
	}
	return ""
}

// groups reports whether l ranges over a map whose values are lists.
func groups(info *types.Info, l loops.Loop) bool {
	r, ok := l.Node.(*ast.RangeStmt)
	if !ok {
		return false
	}
	m, ok := info.TypeOf(r.X).Underlying().(*types.Map)
	if !ok {
		return false
	}
	switch m.Elem().Underlying().(type) {
	case *types.Slice, *types.Map, *types.Array:
		return true
	}
	return false
}

// passedAs says that a loop over param goes over what its callers pass.
func passedAs(param string, callers loops.Evidence) string {
	by := ""
	if callers.By != "" {
		by = " (" + callers.By + ")"
	}
	if callers.Source == loops.Program {
		return param + ", and every caller passes " + callers.What + by
	}
	return param + ", and a caller passes " + callers.What + by
}

// PerCall judges a finding that costs once per run of fn: high on the
// request path, low in rare code, medium where no caller is seen.
func PerCall(pass Pass, fn ast.Node) Judgment {
	place, why := pass.Sum.Where(fn)
	if j, ok := outsideService(place, why); ok {
		return j
	}
	if place == summary.PerRequest {
		return Judgment{Level: confidence.High, Why: "runs per request"}
	}
	return Judgment{Level: confidence.Medium, Why: "no request path or loop is shown; each call pays it"}
}

// Pass is what the judgments read: the package's types and summaries.
type Pass struct {
	Info *types.Info
	Sum  *summary.Result
}

// fetches reports whether call returns served rows: a round-trip or a
// function that makes one or returns a list.
func (p Pass) fetches(call *ast.CallExpr) bool {
	if _, ok := p.Sum.Effect(call, summary.Query); ok {
		return true
	}
	_, ok := p.Sum.Effect(call, summary.List)
	return ok
}

// Report gives d the judgment's confidence and reports it.
func Report(pass *analysis.Pass, d analysis.Diagnostic, j Judgment) {
	if j.Drop {
		return
	}
	if peer, ok := peerSuppressed(pass, d.Pos); ok && peer.Level < j.Level {
		j = peer
	}
	confidence.Set(&d, j.Level, j.Why)
	pass.Report(d)
}

// Where judges a finding whose cost does not depend on a loop or a request
// path (a client with no timeout, a body never closed): base, unless fn
// runs outside the service (see outsideService). fn may be nil (package
// level).
func Where(pass Pass, fn ast.Node, base Judgment) Judgment {
	if j, ok := outsideService(pass.Sum.Where(fn)); ok {
		return j
	}
	return base
}

// outsideService judges code the service does not run under load, whatever
// the finding: rare code (a CLI action, a migration) is low, harness code
// (tests, mocks, examples) is not reported.
func outsideService(place summary.Place, why string) (Judgment, bool) {
	switch place {
	case summary.Harness:
		return harness(why), true
	case summary.Rare:
		return Judgment{Level: confidence.Low, Why: "runs in " + why}, true
	}
	return Judgment{}, false
}
