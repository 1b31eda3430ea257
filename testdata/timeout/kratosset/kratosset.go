// Package kratosset sets the header timeout on the server kratos returns,
// through the http.Server it embeds.
package kratosset

import (
	"time"

	"github.com/go-kratos/kratos/v2/transport/http"
)

func NewHTTPServer() *http.Server {
	srv := http.NewServer(http.Address(":8000")) // fine: ReadHeaderTimeout set below
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv
}
