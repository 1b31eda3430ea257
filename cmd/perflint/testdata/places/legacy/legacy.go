// Package legacy talks to a service retired long ago: no package of the
// module imports it, so none of its code runs in a command.
package legacy

import (
	"net/http"
	"time"
)

type Client struct{ hc *http.Client }

func New() *Client { return &Client{hc: &http.Client{Timeout: 5 * time.Second}} }

func (c *Client) Status(url string) (int, error) {
	resp, err := c.hc.Get(url) // whole: bodydrain "\[low: .*no command of the module calls" // alone: bodydrain "\[high:"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
