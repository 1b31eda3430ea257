// Package rpcclient calls a gRPC service with no deadline: gRPC sets none
// of its own. The package's calls are one finding (one fix covers them:
// a deadline, or an interceptor that sets a default one).
package rpcclient

import (
	"context"
	"net/http"
	"time"

	"google.golang.org/grpc"

	"example.com/td/timeout/rpcclient/jobsv1"
)

type Client struct{ conn *grpc.ClientConn }

func (c *Client) SetJob(name string) error {
	_, err := jobsv1.NewJobsClient(c.conn).SetJob(context.Background(), &jobsv1.SetJobRequest{Name: name}) // want `gRPC call given context.Background\(\): gRPC sets no deadline.*\(2 more calls like it in this package.*\[high:`
	return err
}

// Create is a handler: a request waits on SetJob's call, which is high;
// the others, which no request is shown to wait on, are medium and
// related.
func (c *Client) Create(w http.ResponseWriter, r *http.Request) {
	if err := c.SetJob(r.FormValue("name")); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
	}
}

func Routes(c *Client) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/jobs", c.Create)
	return mux
}

func (c *Client) DeleteJob(name string) error {
	_, err := jobsv1.NewJobsClient(c.conn).DeleteJob(context.TODO(), &jobsv1.SetJobRequest{Name: name})
	return err
}

// Traps: a deadline; a stream, meant to stay open; a context in scope
// (dropping it is ctxflow's finding).
func (c *Client) SetJobBounded(name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := jobsv1.NewJobsClient(c.conn).SetJob(ctx, &jobsv1.SetJobRequest{Name: name})
	return err
}

func (c *Client) Watch() (jobsv1.Jobs_WatchClient, error) {
	return jobsv1.NewJobsClient(c.conn).Watch(context.Background(), &jobsv1.WatchRequest{})
}

func (c *Client) SetJobFor(r *http.Request, name string) error {
	_, err := jobsv1.NewJobsClient(c.conn).SetJob(context.Background(), &jobsv1.SetJobRequest{Name: name})
	return err
}
