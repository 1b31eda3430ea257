package background

import (
	"context"
	"net/http"
)

type wsConn struct{}

func (c *wsConn) readLoop(ctx context.Context, cancel context.CancelFunc) { // want readLoop:`context reaches \(context\.Context\)\.Done`
	defer cancel()
	<-ctx.Done()
}
func (c *wsConn) writeLoop(ctx context.Context, cancel context.CancelFunc) { // want writeLoop:`context reaches \(context\.Context\)\.Done`
	defer cancel()
	<-ctx.Done()
}

// The connection outlives the handler, whose request context ends when it
// returns: the loops get a context of their own.
func Upgrade(w http.ResponseWriter, r *http.Request) {
	conn := &wsConn{}
	ctx, cancel := context.WithCancel(context.Background())
	go conn.writeLoop(ctx, cancel)
	go func() { conn.readLoop(ctx, cancel) }()
}

// Used outside the goroutines too: the handler's own work drops the request.
func UpgradeAndPing(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) discards the request's context r.Context\(\)`
	defer cancel()
	go (&wsConn{}).writeLoop(ctx, cancel)
	_ = db.PingContext(ctx)
}
