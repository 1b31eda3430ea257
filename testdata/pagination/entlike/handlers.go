package entlike

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"
)

type H struct {
	client *Client
	bag    *Bag
}

func (h *H) Posts(c echo.Context) error {
	posts, err := h.client.Post.Query().Order("id").All(c.Request().Context()) // want `handler \(\*entlike.H\).Posts returns every row \(\(\*entlike.PostQuery\).All\)`
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, posts)
}

// ---- traps ----

func (h *H) PostsPage(c echo.Context) error {
	posts, _ := h.client.Post.Query().Order("id").Limit(20).All(c.Request().Context())
	return c.JSON(http.StatusOK, posts)
}

// The builder kept in a variable and limited on another line.
func (h *H) PostsBuilder(c echo.Context) error {
	q := h.client.Post.Query()
	q.Limit(50)
	posts, _ := q.All(c.Request().Context())
	return c.JSON(http.StatusOK, posts)
}

// One row.
func (h *H) OnePost(c echo.Context) error {
	p, _ := h.client.Post.Query().Only(c.Request().Context())
	return c.JSON(http.StatusOK, p)
}

// Not a query builder: no Limit method of the builder's shape.
func (h *H) Bagged(w http.ResponseWriter, r *http.Request) {
	posts, _ := h.bag.All(r.Context())
	json.NewEncoder(w).Encode(posts)
}
