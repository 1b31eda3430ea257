// Package wsdeadline sets a write deadline before each write: traps.
package wsdeadline

import (
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

func Serve(w http.ResponseWriter, r *http.Request, send <-chan []byte) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	for msg := range send {
		_ = conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
		if err := conn.WriteMessage(websocket.TextMessage, msg); err != nil {
			return
		}
	}
}
