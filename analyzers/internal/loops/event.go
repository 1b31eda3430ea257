package loops

import (
	"go/ast"
	"go/token"
	"go/types"
)

// EventLoop reports whether loop serves events as they arrive rather than
// walking a collection in hand: a range over a channel, or a for loop with
// no condition whose body waits on a channel (select, <-ch). Its trip count
// is set by time and traffic, like a handler's; work done once per event is
// per-request work, not a per-item cost of a list.
func EventLoop(info *types.Info, loop ast.Node) bool {
	switch loop := loop.(type) {
	case *ast.RangeStmt:
		t := info.TypeOf(loop.X)
		if t == nil {
			return false
		}
		_, isChan := t.Underlying().(*types.Chan)
		return isChan
	case *ast.ForStmt:
		return loop.Cond == nil && waitsOnChannel(loop.Body)
	}
	return false
}

// waitsOnChannel reports whether body, outside nested loops and function
// literals, selects or receives from a channel.
func waitsOnChannel(body *ast.BlockStmt) bool {
	waits := false
	ast.Inspect(body, func(n ast.Node) bool {
		if waits {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case *ast.SelectStmt:
			waits = true
		case *ast.UnaryExpr:
			waits = n.Op == token.ARROW
		}
		return true
	})
	return waits
}
