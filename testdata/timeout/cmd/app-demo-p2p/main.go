// A demo of the service over a peer-to-peer network, named so by its
// directory: nothing here is reported.
package main

import "net/http"

func main() {
	_ = http.ListenAndServe(":8008", nil)
}
