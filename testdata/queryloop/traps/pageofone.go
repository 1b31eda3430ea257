package traps

import (
	"context"
	"database/sql"
)

type Revision struct{ ID, ObjectID int64 }

type ListQuery struct {
	Page, PageSize int
	Status         string
}

type RevisionRepo interface {
	Page(ctx context.Context, page, pageSize int) ([]Revision, int64, error)
	List(ctx context.Context, q *ListQuery) ([]Revision, error)
}

func objectName(ctx context.Context, db *sql.DB, id int64) string {
	var name string
	_ = db.QueryRowContext(ctx, "SELECT name FROM objects WHERE id = $1", id).Scan(&name)
	return name
}

// A review queue that shows the next item: the page asked for holds one
// row, so the lookup inside runs once.
func NextToReview(ctx context.Context, db *sql.DB, repo RevisionRepo, page int) []string {
	revs, _, err := repo.Page(ctx, page, 1)
	if err != nil {
		return nil
	}
	var names []string
	for _, r := range revs {
		names = append(names, objectName(ctx, db, r.ObjectID))
	}
	return names
}

func NextReport(ctx context.Context, db *sql.DB, repo RevisionRepo, page int) []string {
	revs, err := repo.List(ctx, &ListQuery{Page: page, PageSize: 1, Status: "pending"})
	if err != nil {
		return nil
	}
	var names []string
	for _, r := range revs {
		names = append(names, objectName(ctx, db, r.ObjectID))
	}
	return names
}

// A page of twenty is a loop over twenty rows: one lookup each.
func PageToReview(ctx context.Context, db *sql.DB, repo RevisionRepo, page int) []string {
	revs, _, err := repo.Page(ctx, page, 20)
	if err != nil {
		return nil
	}
	var names []string
	for _, r := range revs {
		names = append(names, objectName(ctx, db, r.ObjectID)) // want `traps.objectName inside a loop makes a database round-trip per iteration`
	}
	return names
}

// The page number is 1, not its size.
func FirstPage(ctx context.Context, db *sql.DB, repo RevisionRepo, size int) []string {
	revs, _, err := repo.Page(ctx, 1, size)
	if err != nil {
		return nil
	}
	var names []string
	for _, r := range revs {
		names = append(names, objectName(ctx, db, r.ObjectID)) // want `traps.objectName inside a loop makes a database round-trip per iteration`
	}
	return names
}
