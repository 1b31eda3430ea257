// Package strict is checked with -bodydrain.strict: decoding without
// draining is reported too.
package strict

import (
	"encoding/json"
	"io"
	"net/http"
)

func decodeOnly(c *http.Client, url string, v any) error {
	resp, err := c.Get(url) // want `closed after a partial read`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func decodeDrained(c *http.Client, url string, v any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		io.Copy(io.Discard, resp.Body) // drained in the deferred closure
		resp.Body.Close()
	}()
	return json.NewDecoder(resp.Body).Decode(v)
}

func readAll(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
