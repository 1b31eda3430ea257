// Package echotlsset sets timeouts on the server StartTLS runs.
package echotlsset

import (
	"time"

	"github.com/labstack/echo/v4"
)

func Run(e *echo.Echo, cert, key string) error {
	e.TLSServer.ReadHeaderTimeout = 5 * time.Second
	return e.StartTLS(":443", cert, key) // fine: e.TLSServer has its timeouts
}
