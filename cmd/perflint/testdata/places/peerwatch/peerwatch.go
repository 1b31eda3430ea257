// Package peerwatch starts a server for the tests that import it: no
// package of the program imports it, so none of its code runs in a command
// of the module, and nothing of it is exported for a caller to decide.
package peerwatch

import "net/http"

func init() {
	go func() {
		_ = http.ListenAndServe("0.0.0.0:9090", http.HandlerFunc(answer)) // whole: timeout "\[low: runs in code that no command of the module calls" // alone: timeout "\[high: every call can hang"
	}()
}

func answer(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }
