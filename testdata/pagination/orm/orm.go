// Package orm holds list handlers over gorm, sqlx and mongo.
package orm

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/jmoiron/sqlx"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"gorm.io/gorm"
)

type Post struct {
	ID    uint
	Title string
}

type H struct {
	db    *gorm.DB
	sx    *sqlx.DB
	posts *mongo.Collection
}

func (h *H) GormList(c *gin.Context) {
	var posts []Post
	if err := h.db.WithContext(c).Order("id desc").Find(&posts).Error; err != nil { // want `handler \(\*orm.H\).GormList returns every row \(\(\*gorm.DB\).Find\)`
		c.AbortWithStatus(500)
		return
	}
	c.JSON(http.StatusOK, posts)
}

func (h *H) GormWhere(c *gin.Context) {
	var posts []Post
	h.db.Where("author_id = ?", c.Param("author")).Find(&posts) // want `returns every row`
	c.JSON(http.StatusOK, posts)
}

func (h *H) GormRaw(c *gin.Context) {
	var posts []Post
	h.db.Raw("SELECT id, title FROM posts").Scan(&posts) // want `returns every row \(\(\*gorm.DB\).Scan\)`
	c.JSON(http.StatusOK, posts)
}

func (h *H) SqlxSelect(w http.ResponseWriter, r *http.Request) {
	var posts []Post
	_ = h.sx.Select(&posts, "SELECT id, title FROM posts WHERE published") // want `returns every row \(\(\*sqlx.DB\).Select\)`
	json.NewEncoder(w).Encode(posts)
}

func (h *H) MongoAll(c *gin.Context) {
	cur, err := h.posts.Find(c, bson.M{"published": true}) // want `returns every row \(\(\*mongo.Collection\).Find\)`
	if err != nil {
		return
	}
	var posts []Post
	_ = cur.All(c, &posts)
	c.JSON(http.StatusOK, posts)
}

func (h *H) MongoLoop(c *gin.Context) {
	cur, _ := h.posts.Find(c, bson.D{}, options.Find().SetSort(bson.D{{Key: "_created", Value: -1}})) // want `returns every row`
	var posts []Post
	for cur.Next(c) {
		var p Post
		_ = cur.Decode(&p)
		posts = append(posts, p)
	}
	c.JSON(http.StatusOK, posts)
}

// ---- traps ----

// gorm .Limit( bounds the chain.
func (h *H) GormLimited(c *gin.Context) {
	var posts []Post
	h.db.Order("id").Limit(50).Find(&posts)
	c.JSON(http.StatusOK, posts)
}

// A pagination scope.
func Paginate(page, size int) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Offset((page - 1) * size).Limit(size) }
}

func (h *H) GormScoped(c *gin.Context) {
	var posts []Post
	h.db.Scopes(Paginate(1, 20)).Find(&posts)
	c.JSON(http.StatusOK, posts)
}

// The limit is applied to the builder variable on another line.
func (h *H) GormBuilderVar(c *gin.Context) {
	q := h.db.Model(&Post{}).Order("id")
	q = q.Limit(100)
	var posts []Post
	q.Find(&posts)
	c.JSON(http.StatusOK, posts)
}

// A lookup by key, and Find into a single struct.
func (h *H) GormByID(c *gin.Context) {
	var posts []Post
	h.db.Where("id = ?", c.Param("id")).Find(&posts)
	var one Post
	h.db.Find(&one)
	c.JSON(http.StatusOK, gin.H{"posts": posts, "one": one})
}

// Inline conditions by primary key.
func (h *H) GormInline(c *gin.Context) {
	var posts []Post
	h.db.Find(&posts, []int{1, 2, 3})
	c.JSON(http.StatusOK, posts)
}

// mongo SetLimit.
func (h *H) MongoLimited(c *gin.Context) {
	opts := options.Find().SetLimit(20)
	cur, _ := h.posts.Find(c, bson.M{}, opts)
	var posts []Post
	_ = cur.All(c, &posts)
	c.JSON(http.StatusOK, posts)
}

// mongo filter on _id.
func (h *H) MongoByID(c *gin.Context) {
	cur, _ := h.posts.Find(c, bson.M{"_id": c.Param("id")})
	var posts []Post
	_ = cur.All(c, &posts)
	c.JSON(http.StatusOK, posts)
}

// sqlx with LIMIT.
func (h *H) SqlxPage(w http.ResponseWriter, r *http.Request) {
	var posts []Post
	_ = h.sx.Select(&posts, "SELECT id, title FROM posts ORDER BY id LIMIT 20")
	json.NewEncoder(w).Encode(posts)
}
