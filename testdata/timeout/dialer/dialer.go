package dialer

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Each dial in a function of its own: the dials of one function are one
// finding.
func Dial() {
	_, _ = net.Dial("tcp", "db:5432") // want `net.Dial has no timeout: connecting to an unreachable host blocks until the kernel gives up, minutes later; use net.DialTimeout`
}

func DialTLS() {
	_, _ = tls.Dial("tcp", "api:443", &tls.Config{}) // want `tls.Dial has no timeout`
}

func DialerKeepAlive() {
	d := &net.Dialer{KeepAlive: 30 * time.Second} // want `net.Dialer without Timeout used with Dial`
	_, _ = d.Dial("tcp", "db:5432")
}

func DialerLiteral() {
	_, _ = (&net.Dialer{}).Dial("tcp", "db:5432") // want `net.Dialer without Timeout used with Dial`
}

func DialTCP() {
	raddr, _ := net.ResolveTCPAddr("tcp", "spam:783")
	_, _ = net.DialTCP("tcp", nil, raddr) // want `net.DialTCP has no timeout: connecting to an unreachable host blocks`
}

// Trap: a remote address in a TCPAddr literal.
func DialTCPRemote(ip net.IP, port int) {
	_, _ = net.DialTCP("tcp", nil, &net.TCPAddr{IP: ip, Port: port}) // want `net.DialTCP has no timeout`
}

// Traps.

// A port of this host: its kernel answers the connect at once.
func portOpen(port int) bool {
	conn, err := net.DialTCP("tcp", nil, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: port})
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

func portOpen6(port int) bool {
	conn, err := net.DialTCP("tcp", nil, &net.TCPAddr{IP: net.IPv6loopback, Port: port})
	return err == nil && conn.Close() == nil
}

func Good(ctx context.Context) {
	_, _ = net.DialTimeout("tcp", "db:5432", time.Second) // fine
	d := net.Dialer{Timeout: time.Second}                 // fine
	_, _ = d.Dial("tcp", "db:5432")
	_, _ = (&net.Dialer{}).DialContext(ctx, "tcp", "db:5432")                                  // fine: the context carries the deadline
	tr := &http.Transport{DialContext: (&net.Dialer{KeepAlive: 30 * time.Second}).DialContext} // fine: DialContext
	_ = &http.Client{Transport: tr, Timeout: 10 * time.Second}
	_, _ = tls.DialWithDialer(&net.Dialer{Timeout: time.Second}, "tcp", "api:443", nil) // fine
}

// Dialing UDP binds a local socket and returns at once: nothing to wait
// for, whoever is at the address.
func OutboundIP() string {
	conn, err := net.Dial("udp", "8.8.8.8:80")
	if err != nil {
		return ""
	}
	defer conn.Close()
	return conn.LocalAddr().String()
}

// A probe that dials from a goroutine while its starter waits with a
// timer: the caller gives up on time, a stalled dial holds only the
// goroutine.
func WaitForPort(addr string, wait time.Duration) bool {
	up := make(chan struct{})
	go func() {
		for {
			conn, err := net.Dial("tcp", addr) // want `net.Dial has no timeout.*\[medium: .*sent from a goroutine its starter waits for with a timer`
			if err == nil {
				conn.Close()
				close(up)
				return
			}
			time.Sleep(200 * time.Millisecond)
		}
	}()
	select {
	case <-up:
		return true
	case <-time.After(wait):
		return false
	}
}

// A goroutine nobody waits for with a timer keeps the finding's level.
func Background(addr string, done chan<- error) {
	go func() {
		_, err := net.Dial("tcp", addr) // want `net.Dial has no timeout.*\[high:`
		done <- err
	}()
}

// A dial to this host is answered by its own kernel at once: probing
// whether a local port is free cannot hang.
func portFree(port int) bool {
	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return true
	}
	_ = conn.Close()
	return false
}

func localAgents(port string) {
	_, _ = net.Dial("tcp", "localhost:8125")
	_, _ = net.Dial("tcp", net.JoinHostPort("::1", port))
	_, _ = net.Dial("tcp", "127.0.0.1:"+port)
}

// Traps: a host the format or the concatenation fills in may be anywhere.
func remoteAgents(host, port string) {
	_, _ = net.Dial("tcp", fmt.Sprintf("%s:%s", host, port)) // want `net.Dial has no timeout`
}

func remoteAgent(host string) {
	_, _ = net.Dial("tcp", host+":8125") // want `net.Dial has no timeout`
}

// A Unix socket is this host's: its connect is answered at once.
func localSocket(path string) {
	_, _ = net.Dial("unix", path)
}

// A dialer that takes the Unix branch only when asked for it.
func dialAny(network, addr string) (net.Conn, error) {
	if network == "unix" {
		return net.Dial(network, addr)
	}
	return net.Dial(network, addr) // want `net.Dial has no timeout`
}

// Trap: the test is for another network.
func dialTCP(network, addr string) (net.Conn, error) {
	if network != "unix" {
		return net.Dial(network, addr) // want `net.Dial has no timeout`
	}
	return nil, nil
}
