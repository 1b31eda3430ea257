// Package gormigrations keeps its schema migrations beside the service's
// code, as gormigrate steps: each runs once per database.
package gormigrations

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

type User struct {
	ID       uint
	Provider string
}

var steps = []*gormigrate.Migration{
	{
		ID: "202505141324",
		Migrate: func(tx *gorm.DB) error {
			var users []User
			if err := tx.Find(&users).Error; err != nil {
				return err
			}
			for _, u := range users {
				u.Provider = "oidc:" + u.Provider
				if err := tx.Save(&u).Error; err != nil { // want `\(\*gorm.DB\).Save inside a loop .*\[low: runs in a migration\]`
					return err
				}
			}
			return nil
		},
		Rollback: rollbackProviders,
	},
}

func rollbackProviders(tx *gorm.DB) error {
	var users []User
	if err := tx.Find(&users).Error; err != nil {
		return err
	}
	for _, u := range users {
		if err := tx.Model(&u).Update("provider", "").Error; err != nil { // want `\(\*gorm.DB\).Update inside a loop .*\[low: runs in a migration\]`
			return err
		}
	}
	return nil
}

func Migrate(db *gorm.DB) error {
	return gormigrate.New(db, gormigrate.DefaultOptions, steps).Migrate()
}
