// Package kratos serves its API with kratos's HTTP transport, whose server
// has no timeouts unless the program sets them.
package kratos

import (
	"time"

	"github.com/go-kratos/kratos/v2/transport/http"
)

func NewHTTPServer() *http.Server {
	return http.NewServer(http.Address(":8000"), http.Timeout(time.Second)) // want `kratos's http.NewServer builds an http.Server with no timeouts.*\[high`
}
