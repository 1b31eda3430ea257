// Package frameworks holds list handlers of each web framework.
package frameworks

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
)

type Item struct {
	ID   int    `db:"id" json:"id"`
	Name string `db:"name" json:"name"`
}

type Store struct{ db *sqlx.DB }

func (s *Store) Items(ctx context.Context) ([]Item, error) {
	var items []Item
	err := s.db.SelectContext(ctx, &items, "SELECT id, name FROM items")
	return items, err
}

func (s *Store) ItemsPage(ctx context.Context, limit, offset int) ([]Item, error) {
	var items []Item
	err := s.db.SelectContext(ctx, &items, "SELECT id, name FROM items ORDER BY id LIMIT ? OFFSET ?", limit, offset)
	return items, err
}

type H struct{ s *Store }

// gin: c.JSON(http.StatusOK, ...) with a gin.H wrapper.
func (h *H) GinList(c *gin.Context) {
	items, err := h.s.Items(c) // want `handler \(\*frameworks.H\).GinList returns every row \(\(\*frameworks.Store\).Items → \(\*sqlx.DB\).SelectContext\)`
	if err != nil {
		c.AbortWithStatus(500)
		return
	}
	c.JSON(http.StatusOK, gin.H{"items": items})
}

// echo: return c.JSON(...).
func (h *H) EchoList(c echo.Context) error {
	items, err := h.s.Items(c.Request().Context()) // want `returns every row`
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, items)
}

// fiber: c.JSON(...) and c.Status(...).JSON(...).
func (h *H) FiberList(c *fiber.Ctx) error {
	items, _ := h.s.Items(c.UserContext()) // want `returns every row`
	return c.Status(http.StatusOK).JSON(items)
}

// chi route with a net/http handler.
func (h *H) ChiRoutes() http.Handler {
	r := chi.NewRouter()
	r.Get("/items", func(w http.ResponseWriter, r *http.Request) {
		items, _ := h.s.Items(r.Context()) // want `handler func literal in ChiRoutes returns every row`
		json.NewEncoder(w).Encode(items)
	})
	return r
}

// gorilla/mux route.
func (h *H) MuxRoutes() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/items", h.MuxList).Methods("GET")
	return r
}

func (h *H) MuxList(w http.ResponseWriter, r *http.Request) {
	items, _ := h.s.Items(r.Context()) // want `returns every row`
	respond(w, http.StatusOK, items)
}

func respond(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// gin: c.HTML over a template.
func (h *H) GinPage(c *gin.Context) {
	items, _ := h.s.Items(c.Request.Context()) // want `returns every row`
	c.HTML(http.StatusOK, "items.tmpl", gin.H{"Items": items})
}

// ---- traps ----

// gin: the handler reads page and size and passes them on.
func (h *H) GinPaged(c *gin.Context) {
	page, _ := strconv.Atoi(c.DefaultQuery("page", "1"))
	size, _ := strconv.Atoi(c.DefaultQuery("page_size", "50"))
	items, _ := h.s.ItemsPage(c, size, (page-1)*size)
	c.JSON(http.StatusOK, items)
}

// echo: a struct bound from the query whose tags name limit and offset.
type pageQuery struct {
	Limit  int `query:"limit"`
	Offset int `query:"offset"`
}

func (h *H) EchoPaged(c echo.Context) error {
	var q pageQuery
	if err := c.Bind(&q); err != nil {
		return err
	}
	items, _ := h.s.ItemsPage(c.Request().Context(), q.Limit, q.Offset)
	return c.JSON(http.StatusOK, items)
}

// gin: c.Set stores the list in the context; it is not written here.
func (h *H) GinStash(c *gin.Context) {
	items, _ := h.s.Items(c)
	c.Set("items", items)
	c.Next()
}

// fiber: only the count is written.
func (h *H) FiberCount(c *fiber.Ctx) error {
	items, _ := h.s.Items(c.UserContext())
	return c.JSON(fiber.Map{"count": len(items)})
}

// A service that takes the gin context as a context.Context is not a
// response writer: the list given to it is not written.
func (h *H) GinSync(c *gin.Context) {
	items, _ := h.s.Items(c)
	_ = h.s.save(c, items)
	c.Status(http.StatusNoContent)
}

func (s *Store) save(ctx context.Context, items []Item) error {
	_, err := s.db.ExecContext(ctx, "UPDATE items SET seen = true")
	return err
}
