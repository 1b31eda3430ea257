// Package probe checks a peer: once when the command starts, and again and
// again from a worker's loop.
package probe

import (
	"io"
	"net/http"
	"time"
)

// Ping runs once, from main: its client's request stalls only the
// start-up. Alone, nothing tells who calls it.
func Ping(url string) error {
	c := &http.Client{} // whole: timeout "\[low: sent once while the process starts" // alone: timeout "\[high:"
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Fetch runs once per round of Watch's loop: a stall stops the worker.
func Fetch(url string) error {
	c := &http.Client{} // both: timeout "\[high:"
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Watch is started once and fetches for as long as the process runs.
func Watch(url string) {
	for {
		_ = Fetch(url)
		time.Sleep(time.Minute)
	}
}
