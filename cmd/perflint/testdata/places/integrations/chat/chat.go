// Package chat is one of the service's integrations with other products:
// production code.
package chat

import "net/http"

func Client() *http.Client { return &http.Client{} } // both: timeout "http.Client without Timeout"
