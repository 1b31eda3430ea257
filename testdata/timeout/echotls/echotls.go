// Package echotls serves HTTPS with echo. StartTLS runs the Echo's
// TLSServer, not its Server: timeouts set on e.Server do not reach it.
package echotls

import (
	"time"

	"github.com/labstack/echo/v4"
)

func Run(e *echo.Echo, cert, key string) error {
	e.Server.ReadTimeout = 10 * time.Second
	e.Server.WriteTimeout = 10 * time.Second
	return e.StartTLS(":443", cert, key) // want `echo's StartTLS serves with the Echo's TLSServer \(not e.Server\), which has no timeouts unless set`
}

func RunAuto(e *echo.Echo) error {
	return e.StartAutoTLS(":443") // want `echo's StartAutoTLS serves with the Echo's TLSServer`
}
