// Package wsdialed dials a signaling server and sends it a few messages:
// its peer is a server, which keeps reading far more often than a client.
package wsdialed

import (
	"context"

	"github.com/gorilla/websocket"
)

type offer struct{ SDP string }

func Signal(ctx context.Context, url, sdp string) error {
	conn, _, err := websocket.DefaultDialer.DialContext(ctx, url, nil)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.WriteJSON(offer{SDP: sdp}) // want `\(\*websocket.Conn\).WriteJSON with no write deadline.*\[medium: the package only dials the connections`
}
