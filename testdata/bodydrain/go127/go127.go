// Package go127 is checked by an analyzer whose drain threshold is this
// module's own Go version (see export_test.go): the same code as at go 1.27.
package go127

import (
	"fmt"
	"net/http"
)

func statusThenClose(c *http.Client, url string) error {
	resp, err := c.Get(url) // fine from the threshold on: Close drains what is left
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
