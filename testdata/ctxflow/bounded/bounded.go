// Package bounded builds requests without the caller's context and sends
// them through clients of its own, with and without a Timeout.
package bounded

import (
	"net/http"
	"time"
)

// The client's Timeout ends the request: the caller's cancellation is
// lost, not the bound, so one level lower.
func Proxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: 10 * time.Second}
	req, err := http.NewRequest("GET", "http://upstream/asset", nil) // want `http.NewRequest drops the request's context r.Context\(\).*\[medium: .*sent only through a client whose Timeout ends it`
	if err != nil {
		return
	}
	req.Header.Set("User-Agent", r.UserAgent())
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}

// Without a Timeout nothing ends it.
func Forward(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{}
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

// Handed to another function as well: what it does is not read.
func Both(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: 10 * time.Second}
	req, err := http.NewRequest("GET", "http://upstream/asset", nil) // want `http.NewRequest drops the request's context r.Context\(\).*\[high`
	if err != nil {
		return
	}
	sign(req)
	resp, err := client.Do(req)
	if err != nil {
		return
	}
	resp.Body.Close()
}

func sign(req *http.Request) { req.Header.Set("X-Sig", "1") }
