// Package frameworks builds pools in the handlers of each web framework.
package frameworks

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
)

func GinHandler(c *gin.Context) {
	rdb := redis.NewClient(&redis.Options{}) // want `redis.NewClient in handler frameworks.GinHandler builds a new connection pool per request`
	_ = rdb
}

func EchoHandler(c echo.Context) error {
	db, err := sql.Open("postgres", "dsn") // want `sql.Open in handler frameworks.EchoHandler builds`
	_ = db
	return err
}

func FiberHandler(c *fiber.Ctx) error {
	db, err := sql.Open("postgres", "dsn") // want `sql.Open in handler frameworks.FiberHandler builds`
	_ = db
	return err
}

func Routes() {
	r := chi.NewRouter()
	r.Get("/a", func(w http.ResponseWriter, req *http.Request) {
		_, _ = sql.Open("postgres", "dsn") // want `sql.Open in handler func literal in Routes builds`
	})
	m := mux.NewRouter()
	m.HandleFunc("/b", func(w http.ResponseWriter, req *http.Request) {
		_ = &http.Client{Transport: &http.Transport{}} // want `http.Client with a new http.Transport in handler func literal in Routes`
	})
	g := gin.New()
	g.GET("/c", func(c *gin.Context) {
		_, _ = sql.Open("postgres", "dsn") // want `sql.Open in handler func literal in Routes builds`
	})
	e := echo.New()
	e.GET("/d", func(c echo.Context) error {
		_, err := sql.Open("postgres", "dsn") // want `sql.Open in handler func literal in Routes builds`
		return err
	})
	app := fiber.New()
	app.Get("/e", func(c *fiber.Ctx) error {
		return c.SendString("ok") // builds nothing
	})
}

// Not handlers: gin middleware factories and route setup run once.
func Setup() *gin.Engine {
	db, _ := sql.Open("postgres", "dsn")
	g := gin.New()
	g.Use(func(c *gin.Context) { c.Set("db", db) })
	return g
}
