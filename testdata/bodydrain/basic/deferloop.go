package basic

import (
	"encoding/json"
	"io"
	"net/http"
	"time"
)

// A deferred Close inside a loop runs only when the function returns.

// Polls for ever: the bodies of answers it does not read are never closed.
func pollStatus(c *http.Client, url string) {
	for {
		time.Sleep(time.Minute)
		resp, err := c.Get(url) // want `\(\*http.Client\).Get: the response body is closed by a defer inside the loop.*\[high: the loop runs until the process stops`
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			continue
		}
		var v struct{ Latest string }
		_ = json.NewDecoder(resp.Body).Decode(&v)
	}
}

// Over the items of a slice: open until the loop ends.
func fetchAll(c *http.Client, urls []string) []int {
	var codes []int
	for _, u := range urls {
		resp, err := c.Get(u) // want `\(\*http.Client\).Get: the response body is closed by a defer inside the loop.*\[medium: the bodies stay open until the loop ends`
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		codes = append(codes, resp.StatusCode)
	}
	return codes
}

// Read to the end on every path: the connections went back to the pool,
// but the bodies and the deferred calls pile up for ever.
func pollRead(c *http.Client, url string) {
	for {
		time.Sleep(time.Minute)
		resp, err := c.Get(url) // want `the response body is closed by a defer inside the loop.*\[high: the loop runs until the process stops`
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		_, _ = io.ReadAll(resp.Body)
	}
}

// Traps.

// A retry loop that returns its first good answer defers at most once.
func retryGet(c *http.Client, url string) ([]byte, error) {
	var lastErr error
	for range 3 {
		resp, err := c.Get(url)
		if err != nil {
			lastErr = err
			continue
		}
		defer resp.Body.Close()
		return io.ReadAll(resp.Body)
	}
	return nil, lastErr
}

// The defer of a function literal called each iteration runs each time.
func fetchEach(c *http.Client, urls []string) {
	for _, u := range urls {
		func() {
			resp, err := c.Get(u)
			if err != nil {
				return
			}
			defer resp.Body.Close()
			_, _ = io.Copy(io.Discard, resp.Body)
		}()
	}
}

// Closed at the end of each iteration.
func pollClosed(c *http.Client, url string) {
	for {
		time.Sleep(time.Minute)
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

// The body handed to a literal that defers its Close, called in place.
func pollHanded(c *http.Client, url string) {
	for {
		time.Sleep(time.Minute)
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		func() {
			defer resp.Body.Close()
			_, _ = io.Copy(io.Discard, resp.Body)
		}()
	}
}

// A range over a ticker's channel runs until the process stops, too.
func pollTicker(c *http.Client, url string, tick *time.Ticker) {
	for range tick.C {
		resp, err := c.Get(url) // want `the response body is closed by a defer inside the loop.*\[high: the loop runs until the process stops`
		if err != nil {
			continue
		}
		defer resp.Body.Close()
		_, _ = io.Copy(io.Discard, resp.Body)
	}
}
