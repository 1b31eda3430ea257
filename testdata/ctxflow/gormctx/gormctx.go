package gormctx

import (
	"context"
	"net/http"

	"gorm.io/gorm"
)

type User struct{ ID int }

type Repo struct{ db *gorm.DB }

var global *gorm.DB

func (r *Repo) Find1(ctx context.Context, id int) {
	var u User
	_ = u
	r.db.First(&u, id) // want `gorm First runs without the context ctx in scope: .*; add .WithContext\(ctx\) to the chain`
}

func (r *Repo) Find2(ctx context.Context, id int) {
	r.db.Where("id = ?", id).Find(&[]User{}) // want `gorm Find runs without`
}

func (r *Repo) Find3(ctx context.Context, id int) {
	var u User
	_ = u
	global.Create(&u) // want `gorm Create runs without`
}

func (r *Repo) Find4(ctx context.Context, id int) {
	tx := r.db.Model(&User{})
	tx.Count(new(int64)) // want `gorm Count runs without`
}

func (r *Repo) Handler(w http.ResponseWriter, req *http.Request) {
	r.db.Delete(&User{}, 1) // want `add .WithContext\(req.Context\(\)\) to the chain`
}

// Traps.

func (r *Repo) Bound(ctx context.Context) { // want Bound:`context reaches \(\*gorm\.DB\)\.WithContext`
	var u User
	r.db.WithContext(ctx).First(&u)
	r.db.WithContext(ctx).Where("id = ?", 1).Find(&[]User{})
	db := r.db.WithContext(ctx)
	db.Where("id = ?", 2).First(&u)
	r.db.Session(&gorm.Session{Context: ctx}).Find(&[]User{})
}

// A *gorm.DB parameter may already carry the caller's context.
func List(ctx context.Context, db *gorm.DB) {
	db.Find(&[]User{})
}

// A transaction callback's tx inherits the context of the chain it runs on.
func (r *Repo) Txn(ctx context.Context) error { // want Txn:`context reaches \(\*gorm\.DB\)\.WithContext`
	return r.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return tx.Create(&User{}).Error
	})
}

// No context in scope.
func (r *Repo) NoContext() {
	r.db.First(&User{})
}
