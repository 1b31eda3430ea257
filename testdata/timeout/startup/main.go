package main

import (
	"net/http"
)

// A command's client is built once; the finding says so.
func main() {
	c := &http.Client{} // want `http.Client built at start-up without Timeout: every request it sends has no deadline`
	_, _ = c.Get("http://example.com")
}
