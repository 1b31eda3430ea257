// Package driver drives the service in the module's integration tests: a
// top-level integration/ is test support, nothing here is reported.
package driver

import "net/http"

func Client() *http.Client { return &http.Client{} }
