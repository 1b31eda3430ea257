// A harness that tests upgrades from old versions in containers: test
// support, not the service.
package main

import "net/http"

func main() {
	resp, err := http.Get("http://localhost:8008/versions")
	if err == nil {
		_ = resp.Body.Close()
	}
}
