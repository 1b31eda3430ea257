package apis

import "go/types"

// contextIO are the calls, besides the database and cache clients', whose
// context argument cancels blocking I/O: a request built with it is sent
// with it, a dial, a lookup or a handshake gives up when it ends, a command
// is killed, a gRPC call is abandoned.
var contextIO = func() nameSet {
	s := make(nameSet)
	s.add("net/http", "", "NewRequestWithContext")
	s.add("net/http", "*Request", "WithContext", "Clone")
	s.add("net", "*Dialer", "DialContext")
	s.add("net", "*Resolver", "LookupAddr", "LookupCNAME", "LookupHost", "LookupIP", "LookupIPAddr",
		"LookupMX", "LookupNS", "LookupNetIP", "LookupPort", "LookupSRV", "LookupTXT")
	s.add("crypto/tls", "*Dialer", "DialContext")
	s.add("crypto/tls", "*Conn", "HandshakeContext")
	s.add("os/exec", "", "CommandContext")
	const grpc = "google.golang.org/grpc"
	s.add(grpc, "*ClientConn", "Invoke", "NewStream")
	s.add(grpc, "ClientConnInterface", "Invoke", "NewStream") // what generated clients call
	return s
}()

// ContextIO reports whether fn blocks on I/O that the context it is given
// cancels: a call of a database or cache client (DBPackage), or one of the
// standard library's and gRPC's context-taking I/O calls.
func ContextIO(fn *types.Func) bool {
	return fn != nil && (contextIO[fn.FullName()] || DBPackage(fn))
}

// bindsStatement are the calls that bind a prepared statement to a
// transaction: they prepare it again only on a connection that has not
// prepared it yet, and the statement's own Exec or Query takes the
// context that bounds the work.
var bindsStatement = func() nameSet {
	s := make(nameSet)
	s.add("database/sql", "*Tx", "StmtContext")
	s.add("github.com/jmoiron/sqlx", "*Tx", "StmtxContext", "NamedStmtContext")
	return s
}()

// BindsStatement reports whether fn binds a prepared statement to a
// transaction (Tx.StmtContext).
func BindsStatement(fn *types.Func) bool {
	return fn != nil && bindsStatement[fn.FullName()]
}

// inMemoryPackages are packages whose connections are in-process pipes
// (gRPC's bufconn, for servers and clients wired in one process): a dial
// is answered at once, with no network to wait on.
var inMemoryPackages = map[string]bool{
	"google.golang.org/grpc/test/bufconn": true,
}

// InMemory reports whether fn belongs to a package whose I/O stays in the
// process (see inMemoryPackages).
func InMemory(fn *types.Func) bool {
	return fn != nil && fn.Pkg() != nil && inMemoryPackages[fn.Pkg().Path()]
}
