// Package gormv1 queries through gorm v1 (github.com/jinzhu/gorm), per item
// of a request's input.
package gormv1

import (
	"encoding/json"
	"net/http"

	"github.com/jinzhu/gorm"
)

type Tag struct {
	Key string
}

type Store struct{ db *gorm.DB }

// Tags checks every tag the request names, one query each.
func (s *Store) Tags(w http.ResponseWriter, r *http.Request) {
	var keys []string
	_ = json.NewDecoder(r.Body).Decode(&keys)
	for _, key := range keys {
		var t Tag
		if s.db.Where("key = ?", key).First(&t).RecordNotFound() { // want `\(\*gorm.DB\).First inside a loop makes a database round-trip per iteration`
			http.Error(w, "unknown tag "+key, http.StatusBadRequest)
			return
		}
	}
}

// Trap: one query for all of them.
func (s *Store) TagsAtOnce(w http.ResponseWriter, r *http.Request) {
	var keys []string
	_ = json.NewDecoder(r.Body).Decode(&keys)
	var tags []Tag
	s.db.Where("key IN (?)", keys).Find(&tags)
	for _, t := range tags {
		_, _ = w.Write([]byte(t.Key))
	}
}
