package pools

import (
	"context"
	"net/http"
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
