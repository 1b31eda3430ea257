package basic

import (
	"encoding/json"
	"io"
	"net/http"
)

// A read that fails has already broken the connection: returning without
// Close on that path pins nothing.
func failedRead(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return data, nil
}

// Never read on any path: every call's connection is dropped.
func neverRead(c *http.Client, url string) error {
	resp, err := c.Post(url, "application/json", nil) // want `closed without being read.*\[low: no path reads the body; the answer may well be empty\]`
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// Read on success, closed unread on an error answer: often a connection
// the server closes anyway.
func unreadOnError(c *http.Client, url string, v any) error {
	resp, err := c.Get(url) // want `closed without being read.*\[low: another path reads the body; the unread one is often an error answer\]`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return io.ErrUnexpectedEOF
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// A path that leaves the body open is the finding that matters.
func leaks(c *http.Client, url string) error {
	resp, err := c.Get(url) // want `not closed on every path.*\[high: a path leaves the body open\]`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return io.ErrUnexpectedEOF
	}
	return resp.Body.Close()
}

// A bounded drain is the right one: a huge body is not read in full.
func boundedDrain(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return io.ErrUnexpectedEOF
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// A helper that reads and closes the body, and returns the response for
// its status and headers: its callers have nothing to close.
func fetchInto(c *http.Client, url string, v any) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return resp, json.NewDecoder(resp.Body).Decode(v)
}

func pages(c *http.Client, url string, v any) (string, error) {
	resp, err := fetchInto(c, url, v)
	if err != nil {
		return "", err
	}
	return resp.Header.Get("Link"), nil
}

// A HEAD answer has no body: leaving it unclosed pins nothing.
func exists(c *http.Client, url string) (bool, error) {
	resp, err := c.Head(url)
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

type conn struct{}

// dial has the shape of a websocket dialer: the handshake response beside
// the connection is metadata, its body already read.
func dial(url string) (*conn, *http.Response, error) { return &conn{}, nil, nil }

func connect(url string) error {
	c, resp, err := dial(url)
	if err != nil {
		return err
	}
	_, _ = c, resp.StatusCode
	return nil
}

// Read to the end and never closed: at EOF the transport takes the
// connection back, so only the Close is missing.
func readAllUnclosed(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url) // want `the response body is not closed on every path: close it even after reading it to the end.*\[low: the path reads the body to its end first`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// Trap: a decode reads only what it needs: the connection stays pinned.
func decodeUnclosed(c *http.Client, url string) (map[string]any, error) {
	resp, err := c.Get(url) // want `the response body is not closed on every path: an unclosed body pins its connection`
	if err != nil {
		return nil, err
	}
	var out map[string]any
	err = json.NewDecoder(resp.Body).Decode(&out)
	return out, err
}
