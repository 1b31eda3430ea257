// Package echoset sets timeouts on the Echo's server where it builds it,
// and starts it elsewhere: the server Start runs has them.
package echoset

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

func New() *echo.Echo {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second
	return e
}

func Run(e *echo.Echo) error {
	return e.Start(":8080") // fine: timeouts set in New
}

func WithServer() *echo.Echo {
	e := echo.New()
	e.Server = &http.Server{ReadHeaderTimeout: 5 * time.Second}
	return e
}
