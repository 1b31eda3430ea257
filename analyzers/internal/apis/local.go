package apis

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// LocalDial reports whether call, at cur, is a net.Dial or tls.Dial of
// this host: a Unix socket (the network is "unix" or "unixpacket", a
// constant or tested just before: if network == "unix" { net.Dial(…) }),
// or a loopback address (see Loopback). This host's kernel answers such a
// connect at once: there is no network for a timeout or a context to
// bound.
func LocalDial(info *types.Info, cur inspector.Cursor, call *ast.CallExpr) bool {
	fn := Callee(info, call)
	if fn == nil || len(call.Args) < 2 {
		return false
	}
	switch fn.FullName() {
	case "net.Dial", "crypto/tls.Dial":
	case "net.DialTCP":
		return len(call.Args) == 3 && loopbackAddr(info, call.Args[2])
	default:
		return false
	}
	return unixNetwork(constString(info, call.Args[0])) || testedUnix(info, cur, call.Args[0]) || Loopback(info, call.Args[1])
}

// loopbackAddr reports whether e is a net.TCPAddr literal (or its address)
// whose IP is a loopback address: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1),
// Port: p}.
func loopbackAddr(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || !IsNamed(info.TypeOf(lit), "net", "TCPAddr") {
		return false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "IP" {
				return loopbackIP(info, kv.Value)
			}
		}
	}
	return false
}

// loopbackIP reports whether e is a loopback net.IP: net.IPv4(127, …),
// net.ParseIP of a loopback constant, or net.IPv6loopback.
func loopbackIP(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := Callee(info, e)
		if fn == nil || len(e.Args) == 0 {
			return false
		}
		switch fn.FullName() {
		case "net.IPv4":
			first := info.Types[e.Args[0]].Value
			if first == nil {
				return false
			}
			v, ok := constant.Int64Val(constant.ToInt(first))
			return ok && v == 127
		case "net.ParseIP":
			ip := net.ParseIP(constString(info, e.Args[0]))
			return ip != nil && ip.IsLoopback()
		}
	case *ast.SelectorExpr:
		v, ok := info.Uses[e.Sel].(*types.Var)
		return ok && v.Pkg() != nil && v.Pkg().Path() == "net" && v.Name() == "IPv6loopback"
	}
	return false
}

func unixNetwork(network string) bool { return network == "unix" || network == "unixpacket" }

// testedUnix reports whether cur runs only where network was found to be a
// Unix network: in the body of an if whose condition compares it to one.
func testedUnix(info *types.Info, cur inspector.Cursor, network ast.Expr) bool {
	id, ok := ast.Unparen(network).(*ast.Ident)
	if !ok || info.Uses[id] == nil {
		return false
	}
	for c := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ifs, ok := c.Node().(*ast.IfStmt)
		if !ok {
			return false // the function's start: no test seen
		}
		if !(ifs.Body.Pos() <= cur.Node().Pos() && cur.Node().End() <= ifs.Body.End()) {
			continue
		}
		cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
		if !ok || cond.Op != token.EQL {
			continue
		}
		for _, pair := range [][2]ast.Expr{{cond.X, cond.Y}, {cond.Y, cond.X}} {
			if x, ok := ast.Unparen(pair[0]).(*ast.Ident); ok && info.Uses[x] == info.Uses[id] && unixNetwork(constString(info, pair[1])) {
				return true
			}
		}
	}
	return false
}

// Loopback reports whether addr names this host: a constant, a
// fmt.Sprintf format or a net.JoinHostPort host that is localhost,
// 127.x.x.x or ::1 ("127.0.0.1:%d" to probe a local port).
func Loopback(info *types.Info, addr ast.Expr) bool {
	host := ""
	switch e := ast.Unparen(addr).(type) {
	case *ast.CallExpr:
		fn := Callee(info, e)
		if fn == nil || len(e.Args) == 0 {
			return false
		}
		switch fn.FullName() {
		case "fmt.Sprintf", "net.JoinHostPort":
			host = constString(info, e.Args[0])
		}
	case *ast.BinaryExpr: // "127.0.0.1:" + port
		if e.Op == token.ADD {
			host = constString(info, e.X)
		}
	default:
		host = constString(info, e)
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	} else {
		host = strings.TrimSuffix(host, ":")
	}
	host = strings.Trim(host, "[]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// constString returns e's constant string value, or "".
func constString(info *types.Info, e ast.Expr) string {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return ""
	}
	return constant.StringVal(tv.Value)
}
