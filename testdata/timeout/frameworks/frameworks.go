// Package frameworks starts web frameworks' servers.
package frameworks

import (
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func GinServer() error {
	r := gin.New()
	return r.Run(":8080") // want `gin's Run serves with http.ListenAndServe, with no timeouts: slow clients can hold connections open`
}

func EchoServer() error {
	e := echo.New()
	return e.Start(":8080") // want `echo's Start serves with the Echo's http.Server, which has no timeouts unless set`
}
