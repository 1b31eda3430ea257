// Command demo is an example program: its server is a demonstration, run
// by hand, not the service.
package main

import "net/http"

func main() {
	server := &http.Server{Addr: ":8888"} // an example's start-up is still an example: not reported
	server.ListenAndServe()
}
