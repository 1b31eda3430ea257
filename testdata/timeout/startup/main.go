package main

import (
	"net"
	"net/http"
	"time"
)

// A command's client is built once; the finding says so. Used only here,
// its one request is judged like fetchConfig's sends.
func main() {
	c := &http.Client{} // want `http.Client built at start-up without Timeout: every request it sends has no deadline.*\[low: sent once while the process starts`
	_, _ = c.Get("http://example.com")
	fetchConfig()
	register()
	dialConfig()
	go poll()
	go watch()
	go replicate()
	go heartbeat()
	shared = newShared()
}

// shared is built at start-up and sends for every caller afterwards.
var shared *http.Client

func newShared() *http.Client {
	c := &http.Client{} // want `http.Client built at start-up without Timeout.*\[high`
	return c
}

// fetchConfig runs once while the process starts: a hang stalls the
// start-up, where it is seen, and holds nothing that serves requests.
func fetchConfig() {
	_, _ = http.Get("http://config.internal/app.json") // want `http.Get uses http.DefaultClient.*\[low: sent once while the process starts`
}

// register's client sends its one request and is gone: judged like
// fetchConfig's send.
func register() {
	_, _ = (&http.Client{}).Get("http://registry.internal/join") // want `http.Client built at start-up without Timeout.*\[low: sent once while the process starts`
}

// heartbeat builds one in place per round: the worker stalls for good.
func heartbeat() {
	for {
		_, _ = (&http.Client{}).Get("http://registry.internal/beat") // want `http.Client built at start-up without Timeout.*\[high`
		time.Sleep(time.Minute)
	}
}

func dialConfig() {
	_, _ = net.Dial("tcp", "config.internal:8080") // want `net.Dial has no timeout.*\[low: sent once while the process starts`
}

// poll is started at start-up but sends for as long as the process runs:
// one hang stops it for good.
func poll() {
	for {
		_, _ = http.Get("http://config.internal/app.json") // want `http.Get uses http.DefaultClient.*\[high`
		time.Sleep(time.Minute)
	}
}

// watch's client is its own, but it sends for as long as the process runs.
func watch() {
	c := &http.Client{} // want `http.Client built at start-up without Timeout.*\[high`
	for {
		_, _ = c.Get("http://config.internal/app.json")
		time.Sleep(time.Minute)
	}
}

// replicate runs once, but download runs once per item of its loop: a
// stalled upstream stops the worker for good.
func replicate() {
	for {
		download("http://storage.internal/next")
		time.Sleep(time.Second)
	}
}

func download(url string) {
	c := &http.Client{} // want `^http.Client without Timeout.*\[high`
	resp, err := c.Get(url)
	if err == nil {
		resp.Body.Close()
	}
}

func downloadDefault(url string) {
	_, _ = http.Get(url) // want `http.Get uses http.DefaultClient.*\[high`
}
