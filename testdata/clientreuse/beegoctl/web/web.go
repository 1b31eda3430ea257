// Package web is the application's own package named like beego's: its
// Controller is not beego's, and methods of types that embed it are not
// actions beego dispatches.
package web

type Controller struct{ Name string }
