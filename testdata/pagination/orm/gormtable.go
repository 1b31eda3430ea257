package orm

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Table(...).Scan into a slice of maps, Raw(...).Scan into a slice and
// Rows() gathered in a rows.Next loop all fetch every row.

func (h *H) TableMaps(c *gin.Context) {
	var rows []map[string]interface{}
	h.db.Table("posts").Where("published = ?", true).Scan(&rows) // want `handler \(\*orm.H\).TableMaps returns every row \(\(\*gorm.DB\).Scan\)`
	c.JSON(http.StatusOK, rows)
}

func (h *H) RawSlice(c *gin.Context) {
	var titles []string
	h.db.Raw("SELECT title FROM posts WHERE author_id = ?", c.Param("author")).Scan(&titles) // want `returns every row \(\(\*gorm.DB\).Scan\)`
	c.JSON(http.StatusOK, titles)
}

func (h *H) GormRows(c *gin.Context) {
	rows, err := h.db.Model(&Post{}).Where("published = ?", true).Rows() // want `handler \(\*orm.H\).GormRows returns every row \(\(\*gorm.DB\).Rows\)`
	if err != nil {
		return
	}
	defer rows.Close()
	var posts []Post
	for rows.Next() {
		var p Post
		_ = h.db.ScanRows(rows, &p)
		posts = append(posts, p)
	}
	c.JSON(http.StatusOK, posts)
}

func (h *H) RawRows(c *gin.Context) {
	rows, _ := h.db.Raw("SELECT id, title FROM posts").Rows() // want `returns every row \(\(\*gorm.DB\).Rows\)`
	defer rows.Close()
	var posts []Post
	for rows.Next() {
		var p Post
		_ = rows.Scan(&p.ID, &p.Title)
		posts = append(posts, p)
	}
	c.JSON(http.StatusOK, posts)
}

// ---- traps ----

// Limit on the Table chain.
func (h *H) TableMapsLimited(c *gin.Context) {
	var rows []map[string]interface{}
	h.db.Table("posts").Limit(50).Scan(&rows)
	c.JSON(http.StatusOK, rows)
}

// LIMIT in the Raw SQL text.
func (h *H) RawLimited(c *gin.Context) {
	var posts []Post
	h.db.Raw("SELECT id, title FROM posts ORDER BY id LIMIT ?", 20).Scan(&posts)
	c.JSON(http.StatusOK, posts)
}

// Scan into one map or one struct: a single row.
func (h *H) TableOne(c *gin.Context) {
	one := map[string]interface{}{}
	h.db.Table("posts").Where("id = ?", c.Param("id")).Scan(&one)
	var p Post
	h.db.Raw("SELECT id, title FROM posts ORDER BY id DESC").Scan(&p)
	c.JSON(http.StatusOK, gin.H{"one": one, "latest": p})
}

// An aggregate through Raw: one row.
func (h *H) RawCount(c *gin.Context) {
	var n []int64
	h.db.Raw("SELECT count(*) FROM posts").Scan(&n)
	c.JSON(http.StatusOK, n)
}

// Rows with a Limit, and Raw rows with LIMIT in the text.
func (h *H) RowsLimited(c *gin.Context) {
	rows, _ := h.db.Model(&Post{}).Limit(20).Rows()
	defer rows.Close()
	var posts []Post
	for rows.Next() {
		var p Post
		_ = h.db.ScanRows(rows, &p)
		posts = append(posts, p)
	}
	raw, _ := h.db.Raw("SELECT id, title FROM posts LIMIT 10").Rows()
	defer raw.Close()
	for raw.Next() {
		var p Post
		_ = raw.Scan(&p.ID, &p.Title)
		posts = append(posts, p)
	}
	c.JSON(http.StatusOK, posts)
}

// Rows that are counted, not gathered into a list.
func (h *H) RowsCounted(c *gin.Context) {
	rows, _ := h.db.Model(&Post{}).Rows()
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
	}
	c.JSON(http.StatusOK, gin.H{"count": n})
}
