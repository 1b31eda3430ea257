// A load-test tool serves its own metrics while it runs: a development
// tool, not the service, so nothing here is reported.
package main

import "net/http"

func main() {
	go func() { _ = http.ListenAndServe(":6060", nil) }()
	_, _ = http.Get("http://localhost:8080/")
}
