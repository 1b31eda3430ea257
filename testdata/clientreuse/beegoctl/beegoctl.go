// Package beegoctl has beego controllers: the router calls their action
// methods, which take no parameters and return nothing, once per request.
package beegoctl

import (
	"database/sql"

	beego "github.com/beego/beego/v2/server/web"

	"example.com/td/clientreuse/beegoctl/web"
)

type UserController struct {
	beego.Controller
}

// GetUsers is an action: a pool built here is built for every request.
func (c *UserController) GetUsers() {
	db, err := sql.Open("postgres", "dsn") // want `sql.Open in handler \(\*beegoctl.UserController\).GetUsers builds a new connection pool per request.*\[high`
	if err != nil {
		return
	}
	defer db.Close()
	c.Data["json"] = "ok"
	_ = c.ServeJSON()
}

// BaseController is the application's base, which its controllers embed.
type BaseController struct {
	beego.Controller
}

type AdminController struct {
	BaseController
}

func (c *AdminController) Stats() {
	db, _ := sql.Open("postgres", "dsn") // want `sql.Open in handler \(\*beegoctl.AdminController\).Stats builds a new connection pool per request`
	_ = db
}

// Setup has parameters: not an action the router calls.
func (c *UserController) Setup(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn) // not an action: not reported
	return db
}

// jobs embeds the application's own Controller, not beego's.
type jobs struct {
	web.Controller
}

func (j *jobs) Run() {
	db, _ := sql.Open("postgres", "dsn") // not an action: not reported
	_ = db
}
