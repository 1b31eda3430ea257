// Package resty builds REST clients: resty.New gives each client a new
// transport, its own connection pool.
package resty

import (
	"net/http"
	"time"

	"github.com/go-resty/resty/v2"
)

// Positive: a client, and with it a pool, per request.
func Models(w http.ResponseWriter, r *http.Request) {
	c := resty.New() // want `resty.New in handler resty.Models builds a new connection pool per request`
	c.SetHeader("Authorization", "Bearer "+r.Header.Get("X-Key"))
	resp, err := c.R().SetContext(r.Context()).Get("https://api.example.com/v1/models")
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_, _ = w.Write(resp.Body())
}

// Traps.

var api = resty.New().SetTimeout(10 * time.Second) // fine: one client for the process

var shared = &http.Client{Timeout: 10 * time.Second}

func Shared(w http.ResponseWriter, r *http.Request) {
	resp, err := api.R().SetContext(r.Context()).Get("https://api.example.com/v1/models")
	if err != nil {
		return
	}
	_, _ = w.Write(resp.Body())
}

// A client over a shared http.Client reuses its transport.
func Wrapped(w http.ResponseWriter, r *http.Request) {
	c := resty.NewWithClient(shared) // fine: shared's connections
	resp, err := c.R().SetContext(r.Context()).Get("https://api.example.com/v1/models")
	if err != nil {
		return
	}
	_, _ = w.Write(resp.Body())
}
