// Package helpers closes responses for other packages (facts from closers).
package helpers

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
)

// DrainAndClose reads the body to EOF and closes it.
func DrainAndClose(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

// CloseQuietly closes a body without reading it.
func CloseQuietly(rc io.ReadCloser) { _ = rc.Close() }

// Check reads the body only for an error status, to quote it: a success
// returns at once with the body unread.
func Check(code int, body io.Reader) error {
	if code/100 == 2 {
		return nil
	}
	b, _ := io.ReadAll(body)
	return errors.New(string(b))
}

// StatusOK looks at the response and does not close it.
func StatusOK(resp *http.Response) bool { return resp.StatusCode == http.StatusOK }

// Fetch returns the response to its caller, who owns it.
func Fetch(c *http.Client, url string) (*http.Response, error) {
	return c.Get(url) // returned: the caller closes
}

// Handler owns a response.
type Handler struct {
	resp *http.Response
	err  error
}

// NewHandler keeps the response.
func NewHandler(resp *http.Response, err error) *Handler {
	return &Handler{resp: resp, err: err}
}

// Err returns the request's error.
func (h *Handler) Err() error { return h.err }

// Device speaks HTTP over one connection it holds: it writes each request
// and parses the answer off the connection. No pool is behind it.
type Device struct {
	Conn   net.Conn
	reader *bufio.Reader
	events chan *http.Response
}

func (d *Device) Do(req *http.Request) (*http.Response, error) {
	if err := req.Write(d.Conn); err != nil {
		return nil, err
	}
	if d.events != nil {
		return <-d.events, nil
	}
	return http.ReadResponse(d.reader, req)
}

func (d *Device) Get(path string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "http://device"+path, nil)
	if err != nil {
		return nil, err
	}
	return d.Do(req)
}

// FetchOrParse sends through a client: its responses hold pool
// connections, even though it may also parse one off a connection.
func FetchOrParse(c *http.Client, conn net.Conn, req *http.Request) (*http.Response, error) {
	if conn != nil {
		return http.ReadResponse(bufio.NewReader(conn), req)
	}
	return c.Do(req)
}
