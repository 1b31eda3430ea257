package rpcclient

import (
	netcontext "golang.org/x/net/context"

	"example.com/td/timeout/rpcclient/jobsv1"
)

// Older code imports the context package through golang.org/x/net: its
// Background is the standard one.
func (c *Client) Legacy(name string) error {
	_, err := jobsv1.NewJobsClient(c.conn).SetJob(netcontext.Background(), &jobsv1.SetJobRequest{Name: name})
	return err
}
