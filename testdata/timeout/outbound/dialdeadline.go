package outbound

import (
	"context"
	"net"
	"net/http"
	"time"
)

// deadlineDialer returns a dial function that sets an absolute deadline on
// every connection: a peer that stalls is cut off by the connection.
func deadlineDialer(connect, rw time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) { // want deadlineDialer:"boundsHeaders"
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := net.DialTimeout(network, addr, connect)
		if err != nil {
			return nil, err
		}
		return conn, conn.SetDeadline(time.Now().Add(rw))
	}
}

func deliverBounded(url string) (*http.Response, error) {
	client := &http.Client{Transport: &http.Transport{DialContext: deadlineDialer(5*time.Second, time.Minute)}}
	return client.Get(url)
}

func deliverBoundedInline(url string) (*http.Response, error) {
	client := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := (&net.Dialer{Timeout: 5 * time.Second}).DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			_ = conn.SetReadDeadline(time.Now().Add(time.Minute))
			return conn, nil
		},
	}}
	return client.Get(url)
}

// A dialer with a connect timeout only: once connected, a stalled peer
// holds the request forever.
func deliverConnectOnly(url string) (*http.Response, error) {
	client := &http.Client{Transport: &http.Transport{DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext}} // want `http.Client without Timeout`
	return client.Get(url)
}

type sendSettings struct {
	Transport http.RoundTripper
	Connect   time.Duration
}

type request struct{ settings sendSettings }

// The transport is the caller's when it set one; otherwise a default whose
// dial function bounds every connection.
func (r *request) send(req *http.Request) (*http.Response, error) {
	trans := r.settings.Transport
	if trans == nil {
		trans = &http.Transport{DialContext: deadlineDialer(r.settings.Connect, time.Minute)}
	}
	client := &http.Client{Transport: trans}
	return client.Do(req)
}

// The default built on the branch bounds only the connect: reported.
func (r *request) sendConnectOnly(req *http.Request) (*http.Response, error) {
	trans := r.settings.Transport
	if trans == nil {
		trans = &http.Transport{DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext}
	}
	client := &http.Client{Transport: trans} // want `http.Client without Timeout`
	return client.Do(req)
}

// A bounded default later replaced by a transport built here without
// bounds: reported.
func sendReplaced(req *http.Request, plain bool) (*http.Response, error) {
	var trans http.RoundTripper = &http.Transport{DialContext: deadlineDialer(time.Second, time.Minute)}
	if plain {
		trans = &http.Transport{}
	}
	client := &http.Client{Transport: trans} // want `http.Client without Timeout`
	return client.Do(req)
}
