// Package use closes through helpers of another package.
package use

import (
	"net/http"

	"example.com/td/closers/helpers"
)

// Release closes through helpers.DrainAndClose (a fact from another package).
func Release(resp *http.Response) { // want Release:"closes 0; drains 0"
	helpers.DrainAndClose(resp)
}

// Shut closes the body through helpers.CloseBody.
func Shut(resp *http.Response) { // want Shut:"closes 0"
	helpers.CloseBody(resp.Body)
}
