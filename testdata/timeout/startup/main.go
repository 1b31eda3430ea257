package main

import (
	"net"
	"net/http"
	"time"
)

// A command's client is built once; the finding says so.
func main() {
	c := &http.Client{} // want `http.Client built at start-up without Timeout: every request it sends has no deadline`
	_, _ = c.Get("http://example.com")
	fetchConfig()
	go poll()
}

// fetchConfig runs once while the process starts: a hang stalls the
// start-up, where it is seen, and holds nothing that serves requests.
func fetchConfig() {
	_, _ = http.Get("http://config.internal/app.json") // want `http.Get uses http.DefaultClient.*\[low: sent once while the process starts`
	_, _ = net.Dial("tcp", "127.0.0.1:8080")           // want `net.Dial has no timeout.*\[low: sent once while the process starts`
}

// poll is started at start-up but sends for as long as the process runs:
// one hang stops it for good.
func poll() {
	for {
		_, _ = http.Get("http://config.internal/app.json") // want `http.Get uses http.DefaultClient.*\[high`
		time.Sleep(time.Minute)
	}
}
