package frameworks

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

var db *sql.DB

func GinHandler(c *gin.Context) {
	_, _ = db.Exec("UPDATE t SET x = 1") // want `\(\*sql.DB\).Exec drops the request's context c.Request.Context\(\): .*; use ExecContext\(c.Request.Context\(\), …\).*\[medium: a query on the service's own database`
}

func EchoHandler(c echo.Context) error {
	_ = db.QueryRow("SELECT 1") // want `use QueryRowContext\(c.Request\(\).Context\(\), …\)`
	return nil
}

func FiberHandler(c *fiber.Ctx) error {
	_, _ = db.Query("SELECT 1") // want `use QueryContext\(c.UserContext\(\), …\)`
	return nil
}

func Routes(r chi.Router) {
	r.Get("/users", func(w http.ResponseWriter, req *http.Request) {
		_ = db.Ping() // want `use PingContext\(req.Context\(\), …\).*\[high: the call blocks on I/O the context could cancel\]`
	})
}

// A closure run in place inside a handler sees the handler's context.
func Closure(w http.ResponseWriter, r *http.Request) {
	load := func(id int) {
		_ = db.QueryRow("SELECT 1 WHERE id = $1", id) // want `use QueryRowContext\(r.Context\(\), …\)`
	}
	load(1)
}

// Traps.

// The request context is already used.
func Good(c *gin.Context) {
	_, _ = db.ExecContext(c.Request.Context(), "UPDATE t SET x = 1")
}

// A go statement's literal is detached from the request: the request's
// context, cancelled when the handler returns, is not the one to use there.
func Detached(w http.ResponseWriter, r *http.Request) {
	go func() {
		_, _ = db.Exec("INSERT INTO audit VALUES (1)")
	}()
}

// An unnamed request parameter is not in scope.
func Unnamed(w http.ResponseWriter, _ *http.Request) {
	_ = db.Ping()
}
