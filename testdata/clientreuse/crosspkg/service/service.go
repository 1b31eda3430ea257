// Package service holds handlers that build a pool per request; a router
// in another package only mounts them.
package service

import (
	"net/http"

	"example.com/td/clientreuse/helper"
)

// Export is a handler: the pool its request builds is reported here.
func Export(w http.ResponseWriter, r *http.Request) {
	st := helper.NewStore("dsn") // want `helper.NewStore in handler service.Export builds a new connection pool per request`
	_ = st
}
