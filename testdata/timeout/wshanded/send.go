// Package wshanded writes to connections another package accepts, which
// may set their deadlines: medium.
package wshanded

import "github.com/gorilla/websocket"

func Send(c *websocket.Conn, v any) error {
	return c.WriteJSON(v) // want `\(\*websocket.Conn\).WriteJSON with no write deadline.*\[medium: the connections come from another package`
}
