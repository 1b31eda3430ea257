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
