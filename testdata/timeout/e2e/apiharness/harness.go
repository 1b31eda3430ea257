// Package apiharness drives the API in end-to-end tests: its package-level
// client, like its functions, runs only under tests.
package apiharness

import "net/http"

var defaultClient = http.DefaultClient

func Get(url string) (*http.Response, error) { return defaultClient.Get(url) }
