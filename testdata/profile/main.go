// Command shop serves the order service whose benchmark profile is
// default.pgo (see gen.sh).
package main

import (
	"log"
	"net/http"
	"time"

	"example.com/shop/orders"
)

func main() {
	srv := &http.Server{
		Addr:              ":8080",
		Handler:           orders.NewServer(orders.SeedStore(5000)).Routes(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Fatal(srv.ListenAndServe())
}
