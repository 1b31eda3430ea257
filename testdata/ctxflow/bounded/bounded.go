// Package bounded builds a request without the caller's context and sends
// it through a client with a Timeout: the bound holds, but a cancelled
// caller leaves the request running until it, which reviewers judged worth
// the one-line fix.
package bounded

import (
	"net/http"
	"time"
)

func Proxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: 10 * time.Second}
	req, err := http.NewRequest("GET", "http://upstream/asset", nil) // want `http.NewRequest drops the request's context r.Context\(\).*\[high`
	if err != nil {
		return
	}
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}
