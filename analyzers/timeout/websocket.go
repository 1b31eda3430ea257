package timeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/confidence"
)

const gorillaWebsocket = "github.com/gorilla/websocket"

// websocketWrites are the gorilla/websocket calls that write a message and
// block until the peer's socket takes it. WriteControl is not one: it
// takes its own deadline.
var websocketWrites = map[string]bool{
	"(*" + gorillaWebsocket + ".Conn).WriteMessage":         true,
	"(*" + gorillaWebsocket + ".Conn).WriteJSON":            true,
	"(*" + gorillaWebsocket + ".Conn).WritePreparedMessage": true,
	"(*" + gorillaWebsocket + ".Conn).NextWriter":           true,
}

// websocketUse is what a package does with websocket connections: the
// writes it makes, whether it accepts or dials connections itself, and
// whether it ever sets a write deadline.
type websocketUse struct {
	writes   []inspector.Cursor
	accepts  bool
	dials    bool
	deadline bool
}

// note records the call at cur.
func (u *websocketUse) note(info *types.Info, cur inspector.Cursor, call *ast.CallExpr) {
	fn := apis.Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	switch {
	case setsWriteDeadline(fn.FullName()):
		u.deadline = true
	case websocketWrites[fn.FullName()]:
		u.writes = append(u.writes, cur)
	case fn.Pkg().Path() == gorillaWebsocket && fn.Name() == "Upgrade":
		u.accepts = true
	case fn.Pkg().Path() == gorillaWebsocket && (fn.Name() == "Dial" || fn.Name() == "DialContext"):
		u.dials = true
	}
}

// reportWebsocketWrites reports a package that writes to websocket
// connections and never sets a write deadline: a peer that stops reading
// (a phone that lost its network, a stalled tab) fills the socket buffer,
// and the next write blocks forever — with it the goroutine, and whatever
// broadcast loop or lock it serves. One finding per package, at its first
// write, the others as related positions: one deadline set before each
// write fixes them all. A package that also accepts the connections owns
// them, and its peers are clients, which vanish (high); one that only
// dials them writes to servers, which keep reading far more often
// (medium); one that is handed them may rely on a deadline another
// package sets (medium).
func (c *checker) reportWebsocketWrites() {
	if c.ws.deadline || len(c.ws.writes) == 0 {
		return
	}
	var j rank.Judgment
	switch {
	case c.ws.accepts:
		j = rank.Judgment{Level: confidence.High, Why: "the package accepts the connections and sets no write deadline anywhere"}
	case c.ws.dials:
		j = rank.Judgment{Level: confidence.Medium, Why: "the package only dials the connections: its peers are servers, which stop reading far less often than clients"}
	default:
		j = rank.Judgment{Level: confidence.Medium, Why: "the connections come from another package, which may set their deadlines"}
	}
	causes := rank.NewCauses(c.pass)
	for _, w := range c.ws.writes {
		call := w.Node().(*ast.CallExpr)
		fn := apis.Callee(c.pass.TypesInfo, call)
		d := analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: apis.ShortName(fn) +
			" with no write deadline: a peer that stops reading (a client that lost its network, a stalled tab) fills the socket buffer and the write blocks forever, holding the goroutine and whatever broadcast or lock it serves; call conn.SetWriteDeadline(time.Now().Add(writeWait)) before each write"}
		causes.Add(gorillaWebsocket, d, rank.Where(rank.Pass{Info: c.pass.TypesInfo, Sum: c.sum}, summary.EnclosingFunc(w), j), "another write with no deadline")
	}
	causes.Report(func(n int) string { return " (and " + rank.Count(n, "more write") + " in this package)" })
}

// setsWriteDeadline reports whether the function named name sets a write
// deadline on a websocket or network connection.
func setsWriteDeadline(name string) bool {
	switch name {
	case "(*" + gorillaWebsocket + ".Conn).SetWriteDeadline",
		"(net.Conn).SetWriteDeadline", "(net.Conn).SetDeadline",
		"(*net.conn).SetWriteDeadline", "(*net.conn).SetDeadline":
		return true
	}
	return false
}
