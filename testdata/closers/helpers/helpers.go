// Package helpers holds response helpers whose behaviour closers records.
package helpers

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
)

// DrainAndClose reads the body to EOF and closes it.
func DrainAndClose(resp *http.Response) { // want DrainAndClose:"closes 0; drains 0"
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// CloseBody closes a body it is given as a reader.
func CloseBody(rc io.ReadCloser) error { // want CloseBody:"closes 0"
	return rc.Close()
}

// Discard reads a reader to EOF without closing it.
func Discard(r io.Reader) { // want Discard:"drains 0"
	_, _ = io.ReadAll(r)
}

// Finish closes through another helper declared later: the fact still
// reaches it (fixed point). It reads the body only when code > 0, so it
// does not drain it.
func Finish(code int, resp *http.Response) { // want Finish:"closes 1"
	if code > 0 {
		finishLater(resp)
	}
}

func finishLater(resp *http.Response) { // want finishLater:"closes 0; drains 0"
	defer resp.Body.Close()
	Discard(resp.Body)
}

// CheckStatus reads the body only for an error status: a success returns
// first, with the body unread. It does not drain.
func CheckStatus(code int, body io.Reader) error { // want CheckStatus:"none"
	if code/100 == 2 {
		return nil
	}
	b, _ := io.ReadAll(body)
	return errors.New(string(b))
}

// DrainNonNil returns early only when there is nothing to read: it drains.
func DrainNonNil(body io.Reader) error { // want DrainNonNil:"drains 0"
	if body == nil {
		return nil
	}
	_, err := io.Copy(io.Discard, body)
	return err
}

// Status only reads the status: no fact.
func Status(resp *http.Response) int { // want Status:"none"
	return resp.StatusCode
}

// CloseInLiteral closes in a deferred literal.
func CloseInLiteral(resp *http.Response) { // want CloseInLiteral:"closes 0"
	defer func() { _ = resp.Body.Close() }()
}

// Handler keeps the response for its methods: ownership moves to it.
type Handler struct {
	resp *http.Response
	err  error
}

// NewHandler stores its response in the struct.
func NewHandler(resp *http.Response, err error) *Handler { // want NewHandler:"keeps 0"
	return &Handler{resp: resp, err: err}
}

// Attach assigns a body to a field.
func (h *Handler) Attach(resp *http.Response) { // want Attach:"keeps 0"
	h.resp = resp
}

// Pass returns what it is given.
func Pass(rc io.ReadCloser) io.ReadCloser { // want Pass:"keeps 0"
	return rc
}

// ReadAnswer parses a response off a connection the caller holds.
func ReadAnswer(conn net.Conn, req *http.Request) (*http.Response, error) { // want ReadAnswer:"returns a response read off a held connection"
	if err := req.Write(conn); err != nil {
		return nil, err
	}
	return http.ReadResponse(bufio.NewReader(conn), req)
}

// Ask reads through ReadAnswer.
func Ask(conn net.Conn, path string) (*http.Response, error) { // want Ask:"returns a response read off a held connection"
	req, err := http.NewRequest(http.MethodGet, "http://device"+path, nil)
	if err != nil {
		return nil, err
	}
	return ReadAnswer(conn, req)
}

// AskAny may send through a client: its responses hold pool connections.
func AskAny(c *http.Client, conn net.Conn, req *http.Request) (*http.Response, error) { // want AskAny:"keeps 1"
	if conn != nil {
		return ReadAnswer(conn, req)
	}
	return c.Do(req)
}
