// A code generator its developers run by hand: a development tool, not the
// service, so nothing here is reported.
package main

import "net/http"

func main() {
	c := &http.Client{}
	_, _ = c.Get("https://example.com/versions.json")
}
