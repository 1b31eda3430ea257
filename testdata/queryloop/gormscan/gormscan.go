// Package gormscan queries through gorm's Table, Raw, Scan and Rows, per
// item.
package gormscan

import (
	"gorm.io/gorm"
)

type User struct {
	ID   int
	Name string
}

func TableScan(db *gorm.DB, ids []int) {
	for _, id := range ids {
		m := map[string]interface{}{}
		db.Table("users").Where("id = ?", id).Scan(&m) // want `\(\*gorm.DB\).Scan inside a loop makes a database round-trip per iteration`
	}
}

func RawScan(db *gorm.DB, ids []int) {
	for _, id := range ids {
		var u User
		db.Raw("SELECT id, name FROM users WHERE id = ?", id).Scan(&u) // want `\(\*gorm.DB\).Scan inside a loop makes a database round-trip per iteration`
	}
}

func RowsPerItem(db *gorm.DB, ids []int) {
	for _, id := range ids {
		rows, err := db.Model(&User{}).Where("team_id = ?", id).Rows() // want `\(\*gorm.DB\).Rows inside a loop makes a database round-trip per iteration`
		if err != nil {
			continue
		}
		rows.Close()
	}
}

// ---- traps ----

// Reading the rows of one query: ScanRows and rows.Scan are not
// round-trips, and the builders (Table, Raw, Where) send nothing.
func ReadRows(db *gorm.DB) []User {
	rows, err := db.Table("users").Rows()
	if err != nil {
		return nil
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		var u User
		_ = db.ScanRows(rows, &u)
		var id int
		_ = rows.Scan(&id)
		out = append(out, u)
	}
	return out
}

func BuildersOnly(db *gorm.DB, tables []string) []*gorm.DB {
	var qs []*gorm.DB
	for _, t := range tables {
		qs = append(qs, db.Table(t).Raw("SELECT 1"))
	}
	return qs
}

// One query for every id, outside the loop.
func Batched(db *gorm.DB, ids []int) map[int]User {
	var users []User
	db.Raw("SELECT id, name FROM users WHERE id IN ?", ids).Scan(&users)
	byID := make(map[int]User, len(users))
	for _, u := range users {
		byID[u.ID] = u
	}
	return byID
}
