// Servers that listen on this host's loopback address, by default: only
// local processes connect, so a server without timeouts is medium.
package loopback

import (
	"flag"
	"net"
	"net/http"

	"github.com/spf13/pflag"
)

const defaultAddr = "localhost:8080"

var httpAddr = flag.String("http", defaultAddr, "address to serve on")

// A local documentation tool: it serves on localhost unless told otherwise.
func ServeDocs(h http.Handler) error {
	return http.ListenAndServe(*httpAddr, h) // want `http.ListenAndServe serves with no timeouts.*\[medium: .*loopback address`
}

var publicAddr = flag.String("listen", ":8080", "address to serve on")

// Trap: the default listens on every interface.
func ServePublic(h http.Handler) error {
	return http.ListenAndServe(*publicAddr, h) // want `http.ListenAndServe serves with no timeouts.*\[high:`
}

func ServeDebug(h http.Handler) error {
	return http.ListenAndServe("127.0.0.1:6060", h) // want `http.ListenAndServe serves with no timeouts.*\[medium: .*loopback address`
}

type options struct{ addr, public string }

func flags(fs *pflag.FlagSet, o *options) {
	fs.StringVarP(&o.addr, "addr", "a", "[::1]:9090", "admin address")
	fs.StringVar(&o.public, "public", "0.0.0.0:9091", "public address")
}

// The admin address defaults to loopback: the literal's Addr is the flag.
func ServeAdmin(o *options, h http.Handler) error {
	srv := &http.Server{Addr: o.addr, Handler: h} // want `http.Server without ReadHeaderTimeout.*\[medium: .*loopback address`
	return srv.ListenAndServe()
}

// Trap: the public address defaults to every interface.
func ServePublicOptions(o *options, h http.Handler) error {
	srv := &http.Server{Handler: h} // want `http.Server without ReadHeaderTimeout.*\[high:`
	srv.Addr = o.public
	return srv.ListenAndServe()
}

// A listener on an ephemeral local port, for a helper process.
func ServeHelper(h http.Handler) error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	return http.Serve(l, h) // want `http.Serve serves with no timeouts.*\[medium: .*loopback address`
}

var bind string

func init() { flag.StringVar(&bind, "bind", "", "address") }

// Trap: a flag with no default address listens on every interface.
func ServeBind(h http.Handler) error {
	return http.ListenAndServe(bind, h) // want `http.ListenAndServe serves with no timeouts.*\[high:`
}

// The listener is kept in a field, opened on a loopback address elsewhere.
type embedded struct{ listener net.Listener }

func (m *embedded) Start() error {
	var err error
	m.listener, err = net.Listen("tcp", "localhost:65432")
	return err
}

func (m *embedded) Serve(h http.Handler) error {
	return http.Serve(m.listener, h) // want `http.Serve serves with no timeouts.*\[medium: .*loopback address`
}

// Trap: a field listener opened on every interface.
type public struct{ listener net.Listener }

func (p *public) Start(addr string) (err error) {
	p.listener, err = net.Listen("tcp", addr)
	return err
}

func (p *public) Serve(h http.Handler) error {
	return http.Serve(p.listener, h) // want `http.Serve serves with no timeouts.*\[high:`
}
