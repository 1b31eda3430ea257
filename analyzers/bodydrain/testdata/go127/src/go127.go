// Package src is a go 1.27 module: Close drains small bodies, so only the
// missing Close is reported.
package src

import (
	"fmt"
	"net/http"
)

func statusThenClose(c *http.Client, url string) error {
	resp, err := c.Get(url) // fine at go 1.27: Close drains what is left
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func noClose(url string) (int, error) {
	resp, err := http.Get(url) // want `not closed on every path`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
