package inbound

import (
	"net"
	"net/http"
	"time"
)

func Serve(mux *http.ServeMux, l net.Listener) {
	_ = http.ListenAndServe(":8080", mux)              // want `http.ListenAndServe serves with no timeouts: slow clients can hold connections open indefinitely by trickling headers \(slowloris\); serve with an http.Server that sets ReadHeaderTimeout`
	_ = http.ListenAndServeTLS(":8443", "c", "k", mux) // want `http.ListenAndServeTLS serves with no timeouts`
	_ = http.Serve(l, mux)                             // want `http.Serve serves with no timeouts`
	srv := &http.Server{Addr: ":8080", Handler: mux}   // want `http.Server without ReadHeaderTimeout or ReadTimeout`
	_ = srv.ListenAndServe()
	_ = (&http.Server{WriteTimeout: time.Second}).Serve(l) // want `http.Server without ReadHeaderTimeout`
	s2 := new(http.Server)                                 // want `http.Server without ReadHeaderTimeout`
	_ = s2
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
