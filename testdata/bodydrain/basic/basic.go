// Package basic holds the plain cases: leaks, unread closes, and the
// correct forms.
package basic

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"strings"

	"example.com/td/bodydrain/helpers"
)

// --- leaks ---

func noClose(url string) (int, error) {
	resp, err := http.Get(url) // want `the response body is not closed on every path`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func earlyReturnOnStatus(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `the response body is not closed on every path`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode) // leaks: Close comes later
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

func probed(c *http.Client, url string) error {
	_, err := c.Get(url) //nolint:bodyclose // want `the response body is not closed on every path.*\[low: its authors suppressed bodyclose's check`
	return err
}

func discarded(c *http.Client, url string) error {
	_, err := c.Get(url) // want `the response body is not closed on every path`
	return err
}

func errOrStatus(c *http.Client, url string) error {
	resp, err := c.Get(url) // want `the response body is not closed on every path`
	if err != nil || resp.StatusCode != http.StatusOK {
		return errors.New("down")
	}
	return resp.Body.Close()
}

func roundTrip(t *http.Transport, req *http.Request) error {
	resp, err := t.RoundTrip(req) // want `the response body is not closed on every path`
	if err != nil {
		return err
	}
	log.Println(resp.Status)
	return nil
}

func loopLeaks(c *http.Client, urls []string) {
	for _, u := range urls {
		resp, err := c.Get(u) // want `the response body is not closed on every path`
		if err != nil {
			continue
		}
		if resp.StatusCode == http.StatusOK {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
}

// helperLooks passes the response to a helper that does not close it.
func helperLooks(c *http.Client, url string) bool {
	resp, err := c.Get(url) // want `the response body is not closed on every path`
	if err != nil {
		return false
	}
	return helpers.StatusOK(resp)
}

// A helper that reads the body only for an error status leaves a success's
// body unread and open: its connection is never reused.
func notifyOnce(c *http.Client, url string) error {
	resp, err := c.Get(url) // want `the response body is not closed on every path.*\[high: a path leaves the body open\]`
	if err != nil {
		return err
	}
	return helpers.Check(resp.StatusCode, resp.Body)
}

// --- closed without any read (below go 1.27) ---

func statusThenClose(c *http.Client, url string) error {
	resp, err := c.Get(url) // want `on some path the response body is closed without being read`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode) // closed by the defer, unread
	}
	var v map[string]any
	return json.NewDecoder(resp.Body).Decode(&v)
}

func pingClose(c *http.Client, url string) bool {
	resp, err := c.Post(url, "text/plain", strings.NewReader("ping")) // want `closed without being read`
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode < 300
}

func closeQuietly(c *http.Client, url string) {
	resp, err := http.PostForm(url, nil) // want `closed without being read`
	if err != nil {
		return
	}
	helpers.CloseQuietly(resp.Body) // closes, but reads nothing
}

// --- correct forms (no finding) ---

func deferClose(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close() // read to EOF on every path below
	return io.ReadAll(resp.Body)
}

func deferDrainClosure(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode) // fine: the deferred closure drains
	}
	return nil
}

func drainHelper(c *http.Client, url string) int {
	resp, err := c.Get(url)
	if err != nil {
		return 0
	}
	defer helpers.DrainAndClose(resp) // another package's helper drains and closes
	return resp.StatusCode
}

func drainHelperCall(c *http.Client, url string) int {
	resp, err := c.Get(url)
	if err != nil {
		return 0
	}
	code := resp.StatusCode
	helpers.DrainAndClose(resp)
	return code
}

func localHelper(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer drainClose(resp.Body) // same-package helper
	return nil
}

func drainClose(rc io.ReadCloser) {
	io.Copy(io.Discard, rc)
	rc.Close()
}

func respNilCheck(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

func headRequest(ctx context.Context, c *http.Client, url string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, "HEAD", url, nil)
	if err != nil {
		return false, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close() // a HEAD response has no body to read
	return resp.StatusCode == http.StatusOK, nil
}

func httpHead(url string) error {
	resp, err := http.Head(url)
	if err != nil {
		return err
	}
	return resp.Body.Close() // HEAD: nothing to drain
}

func loopCloses(c *http.Client, urls []string) (n int) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		n += len(b)
	}
	return n
}

func fatalOnError(url string) []byte {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err) // the process ends: nothing to close
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return b
}

func readInClosure(c *http.Client, url string) (b []byte, err error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	func() {
		b, err = io.ReadAll(resp.Body) // a literal called in place reads it
	}()
	return b, err
}

func panicOnError(url string) {
	resp, err := http.Get(url)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
}

func retryLoop(c *http.Client, req *http.Request) error {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req)
		if err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// A response whose Body is nil has nothing to close (net/http's own
// client.go checks this for custom RoundTrippers).
func nilBody(rt http.RoundTripper, req *http.Request) (*http.Response, error) {
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.Body == nil {
		return nil, errors.New("nil body") // nothing to close
	}
	return resp, nil
}

// http.ReadResponse reads from a connection the caller owns: closing the
// body returns nothing to a pool (net/rpc's CONNECT handshake).
func readResponse(conn io.ReadWriter) bool {
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	return err == nil && resp.StatusCode == http.StatusOK
}

// A device's answers are parsed off the connection it holds: an unclosed
// body pins nothing.
func pair(d *helpers.Device) bool {
	resp, err := d.Get("/pair-setup")
	return err == nil && resp.StatusCode == http.StatusOK
}

// Trap: FetchOrParse may send through its client, whose pool the body holds.
func fetchDevice(c *http.Client, req *http.Request) bool {
	resp, err := helpers.FetchOrParse(c, nil, req) // want `not closed on every path`
	return err == nil && resp.StatusCode == http.StatusOK
}

// Informational responses are skipped by going round the loop: only the
// final response leaves it (net/http's transport reads 1xx this way).
func skip1xx(br *bufio.Reader, c *http.Client, req *http.Request) (*http.Response, error) {
	for {
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusContinue {
			continue // goes round: not a path to an exit
		}
		return resp, nil
	}
}

// 204 No Content has no body to read.
func noContent(c *http.Client, req *http.Request) ([]byte, error) {
	var status int
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer func() { log.Println(status) }()
	defer resp.Body.Close()
	status = resp.StatusCode
	if status == http.StatusNoContent {
		return nil, nil // nothing to drain
	}
	return io.ReadAll(resp.Body)
}

func notModified(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req) // want `closed without being read`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusNotModified:
		return nil, nil // no body
	case http.StatusOK:
		return io.ReadAll(resp.Body)
	}
	return nil, errors.New("unexpected") // other statuses: closed unread (the finding)
}

// A check that runs once while the process starts leaves one connection
// open, not one per request: low.
func init() {
	resp, err := http.Get("http://localhost:8080/health") // want `not closed on every path.*\[low: a path leaves the body open, once while the process starts`
	if err != nil || resp.StatusCode != http.StatusOK {
		panic("not healthy")
	}
	log.Println("healthy")
	for _, peer := range []string{"http://a.internal", "http://b.internal"} {
		resp, err := http.Get(peer) // want `not closed on every path.*\[high: a path leaves the body open\]`
		if err != nil || resp.StatusCode != http.StatusOK {
			continue
		}
		log.Println(peer, "healthy")
	}
}
