// Package wsnodeadline accepts websocket clients and broadcasts to them
// with no write deadline anywhere: one slow reader blocks the broadcast.
package wsnodeadline

import (
	"net/http"

	"github.com/gorilla/websocket"
)

var upgrader = websocket.Upgrader{}

type Hub struct{ clients map[*websocket.Conn]bool }

func (h *Hub) Serve(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	h.clients[conn] = true
}

func (h *Hub) Broadcast(msg []byte) {
	for c := range h.clients {
		_ = c.WriteMessage(websocket.TextMessage, msg) // want `\(\*websocket.Conn\).WriteMessage with no write deadline: a peer that stops reading .* \(and 1 more write in this package\).*\[high`
	}
}

func (h *Hub) Status(c *websocket.Conn, status any) error {
	return c.WriteJSON(status)
}

// WriteControl takes its own deadline: not a finding by itself.
func (h *Hub) Close(c *websocket.Conn) error {
	return c.WriteControl(websocket.CloseMessage, nil, deadline())
}
