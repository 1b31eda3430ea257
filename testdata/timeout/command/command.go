// Package command holds a program's commands: one that serves, which is
// the service itself, and one-off ones.
package command

import (
	"net/http"

	"github.com/spf13/cobra"
)

// The serve command starts the service: what it runs is the service's
// start-up, and its server is the one clients reach.
var serveCmd = &cobra.Command{
	Use:  "serve",
	RunE: func(cmd *cobra.Command, args []string) error { return serve(":8080") },
}

func serve(addr string) error {
	srv := &http.Server{Addr: addr} // want `http.Server without ReadHeaderTimeout or ReadTimeout.*\[high`
	return srv.ListenAndServe()
}

// A one-off command that fetches once: rare code, low.
var fetchCmd = &cobra.Command{
	Use: "fetch",
	RunE: func(cmd *cobra.Command, args []string) error {
		_, err := http.Get(args[0]) // want `http.Get uses http.DefaultClient.*\[low: runs in a command-line action\]`
		return err
	},
}

var _ = []*cobra.Command{serveCmd, fetchCmd}

// Commands whose action a wrapper builds: the wrapper's literal runs when
// the command does, and so does the function it is given.
var listCmd = &cobra.Command{
	Use: "list",
	RunE: withClient(func(c *http.Client, args []string) error {
		_, err := c.Get(args[0])
		return err
	}),
}

func withClient(fn func(*http.Client, []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		return fn(newClient(), args)
	}
}

func newClient() *http.Client {
	return &http.Client{} // want `http.Client without Timeout.*\[low: runs in a command-line action\]`
}

var pingCmd = &cobra.Command{
	Use: "ping",
	RunE: withClient(func(c *http.Client, args []string) error {
		_, err := http.Head(args[0]) // want `http.Head uses http.DefaultClient.*\[low: runs in a command-line action\]`
		return err
	}),
}

var _ = []*cobra.Command{listCmd, pingCmd}
