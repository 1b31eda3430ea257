// Command server holds servers: accept loops and per-listener goroutines.
package main

import (
	"net"
	"net/http"
)

func handle(c net.Conn) { c.Close() }

// The standard accept loop: one goroutine per connection. Servers cap
// connections elsewhere (netutil.LimitListener, a load balancer).
func serve(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go handle(conn)
	}
}

func serveTCP(ln *net.TCPListener) error {
	for {
		conn, err := ln.AcceptTCP()
		if err != nil {
			return err
		}
		go handle(conn)
	}
}

type Config struct {
	Listeners []string
}

var cfg Config

// One long-lived goroutine per configured listener, at start-up.
func main() {
	for _, addr := range cfg.Listeners {
		go http.ListenAndServe(addr, nil)
	}
	select {}
}
