package inbound

import (
	"net"
	"net/http"
	"time"
)

// Each server in a function of its own: servers one function starts are
// one finding (see Servers).
func Serve1(mux *http.ServeMux) {
	_ = http.ListenAndServe(":8080", mux) // want `http.ListenAndServe serves with no timeouts: slow clients can hold connections open indefinitely by trickling headers \(slowloris\); serve with an http.Server that sets ReadHeaderTimeout`
}

func Serve2(mux *http.ServeMux) {
	_ = http.ListenAndServeTLS(":8443", "c", "k", mux) // want `http.ListenAndServeTLS serves with no timeouts`
}

func Serve3(mux *http.ServeMux, l net.Listener) {
	_ = http.Serve(l, mux) // want `http.Serve serves with no timeouts`
}

func Serve4(mux *http.ServeMux) {
	srv := &http.Server{Addr: ":8080", Handler: mux} // want `http.Server without ReadHeaderTimeout or ReadTimeout`
	_ = srv.ListenAndServe()
}

func Serve5(l net.Listener) {
	_ = (&http.Server{WriteTimeout: time.Second}).Serve(l) // want `http.Server without ReadHeaderTimeout`
}

func Serve6() *http.Server {
	return new(http.Server) // want `http.Server without ReadHeaderTimeout`
}

// One function that starts several servers without timeouts, on different
// branches, is one cause (one server configuration fixes it): one finding,
// the others as related positions. A server its configuration turns on
// is no less the program's server: the first one leads.
func Servers(mux *http.ServeMux, cert, key string, mutual bool) error {
	if cert == "" {
		return http.ListenAndServe(":8080", mux) // want `http.ListenAndServe serves with no timeouts: .* \(2 more sites like it in this function: one fix covers them\)`
	}
	if mutual {
		srv := &http.Server{Addr: ":8443", Handler: mux}
		return srv.ListenAndServeTLS(cert, key)
	}
	return http.ListenAndServeTLS(":8443", cert, key, mux)
}

// Traps.

func Good(mux *http.ServeMux) {
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second} // fine
	_ = srv.ListenAndServe()
	old := &http.Server{Handler: mux, ReadTimeout: 10 * time.Second} // fine: ReadTimeout bounds the headers too
	_ = old
	later := &http.Server{Handler: mux} // fine: set right after
	later.ReadHeaderTimeout = 3 * time.Second
	_ = later.ListenAndServe()
}

// A server on a Unix socket: only local processes connect.
func Local(mux *http.ServeMux) error {
	l, err := net.Listen("unix", "/run/app.sock")
	if err != nil {
		return err
	}
	return http.Serve(l, mux) // want `http.Serve serves with no timeouts.*\[medium: .*the code listens on a Unix socket`
}

// A server literal the function serves on a Unix socket.
func LocalServer(mux *http.ServeMux) error {
	l, err := net.Listen("unix", "/run/app.sock")
	if err != nil {
		return err
	}
	srv := new(http.Server) // want `http.Server without ReadHeaderTimeout.*\[medium: .*the code listens on a Unix socket`
	srv.Handler = mux
	return srv.Serve(l)
}

type listeners struct {
	public *http.Server
	unix   net.Listener
}

type listenConfig struct{ HTTP, HTTPS string }

// Listeners turned on by configuration are the program's servers.
func (s *listeners) Configured(cfg listenConfig, mux *http.ServeMux) error {
	if cfg.HTTP != "" {
		s.public = &http.Server{Addr: cfg.HTTP, Handler: mux} // want `http.Server without ReadHeaderTimeout.*\[high: every call can hang for as long as the peer stalls\]`
		return s.public.ListenAndServe()
	}
	return nil
}

// One function starts a public server on TCP and another on a Unix
// socket: only the second is local.
func (s *listeners) Start(mux *http.ServeMux, addr, path string) error {
	errs := make(chan error, 2)
	s.public = &http.Server{Addr: addr, Handler: mux} // want `http.Server without ReadHeaderTimeout.*\[high: `
	go func() { errs <- s.public.ListenAndServe() }()
	go func() {
		var err error
		s.unix, err = net.Listen("unix", path)
		if err != nil {
			errs <- err
			return
		}
		local := &http.Server{Handler: mux} // want `http.Server without ReadHeaderTimeout.*\[medium: .*the code listens on a Unix socket`
		errs <- local.Serve(s.unix)
	}()
	return <-errs
}
