package pools

import (
	"context"
	"net/http"
	"time"
)

func dialBroker() *http.Client { return &http.Client{Transport: &http.Transport{}} }

// A consumer rebuilds its connection when the delivery channel closes:
// once per dropped connection, not once per message.
func consume(ctx context.Context, deliveries chan string) {
	c := dialBroker()
	for {
		select {
		case <-ctx.Done():
			return
		case d, ok := <-deliveries:
			if !ok {
				c = dialBroker()
				continue
			}
			_, _ = c.Get(d)
		}
	}
}

// Built for every message it receives: a pool per message.
func consumeEach(ctx context.Context, deliveries chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case d, ok := <-deliveries:
			if !ok {
				return
			}
			c := dialBroker() // want `dialBroker inside a loop builds a new connection pool per iteration`
			_, _ = c.Get(d)
		}
	}
}

// A jittered ticker: its channel delivers the clock's beat like a
// time.Ticker's.
type jitterTicker struct{ C <-chan time.Time }

// A health check that dials afresh on every tick: its rate is the clock's,
// not the data's, and the fresh dial is the check.
func probe(ctx context.Context, t *jitterTicker) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			c := dialBroker()
			_, _ = c.Get("http://peer/health")
		}
	}
}

func probeRange(t *jitterTicker) {
	for range t.C {
		c := dialBroker()
		_, _ = c.Get("http://peer/health")
	}
}

// A channel of anything else carries data: a pool per item.
func probeEach(ctx context.Context, peers <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case p := <-peers:
			c := dialBroker() // want `dialBroker inside a loop builds a new connection pool per iteration`
			_, _ = c.Get(p)
		}
	}
}
