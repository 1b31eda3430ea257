// Package chat is one of the service's integrations with other products:
// production code. No command of the module calls it yet, which only the
// whole program shows.
package chat

import "net/http"

func Client() *http.Client { return &http.Client{} } // whole: timeout "http.Client without Timeout.*\[low: runs in code that no command of the module calls" // alone: timeout "http.Client without Timeout.*\[high:"
