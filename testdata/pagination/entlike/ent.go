// Package entlike hand-writes the shape of ent's generated query builders
// (real ent needs code generation): a *PostQuery whose Limit(int) returns
// itself and whose All(ctx) returns ([]*Post, error). The analyzer matches
// that shape through types, not the names.
package entlike

import (
	"context"
	"database/sql"
)

type Post struct {
	ID    int
	Title string
}

type Client struct {
	Post *PostClient
	db   *sql.DB
}

type PostClient struct{ db *sql.DB }

func (c *PostClient) Query() *PostQuery { return &PostQuery{db: c.db} }

type Predicate func(*string)

type PostQuery struct {
	db     *sql.DB
	limit  *int
	offset *int
	preds  []Predicate
}

func (q *PostQuery) Where(ps ...Predicate) *PostQuery { q.preds = append(q.preds, ps...); return q }
func (q *PostQuery) Limit(n int) *PostQuery           { q.limit = &n; return q }
func (q *PostQuery) Offset(n int) *PostQuery          { q.offset = &n; return q }
func (q *PostQuery) Order(o ...string) *PostQuery     { return q }

func (q *PostQuery) All(ctx context.Context) ([]*Post, error) {
	rows, err := q.db.QueryContext(ctx, "SELECT id, title FROM posts")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Post
	for rows.Next() {
		p := &Post{}
		rows.Scan(&p.ID, &p.Title)
		out = append(out, p)
	}
	return out, nil
}

func (q *PostQuery) Only(ctx context.Context) (*Post, error) { return nil, nil }

// A look-alike: All(ctx) on a type without the builder's Limit.
type Bag struct{ items []*Post }

func (b *Bag) All(ctx context.Context) ([]*Post, error) { return b.items, nil }
