package rpcclient

import (
	netcontext "golang.org/x/net/context"

	"example.com/td/timeout/rpcclient/jobsv1"
)

// Older code imports the context package through golang.org/x/net: its
// Background is the standard one.
func (c *Client) Legacy(name string) error {
	_, err := jobsv1.NewJobsClient(c.conn).SetJob(netcontext.Background(), &jobsv1.SetJobRequest{Name: name}) // want `gRPC call given context.Background\(\): gRPC sets no deadline.*\(2 more calls like it in this package`
	return err
}
