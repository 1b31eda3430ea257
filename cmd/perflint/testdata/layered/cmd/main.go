package main

import (
	"database/sql"
	"log"
	"net/http"
	"time"

	"example.com/layered/api"
	"example.com/layered/memory"
	"example.com/layered/postgres"
	"example.com/layered/service"
	"example.com/layered/tenancy"
)

func main() {
	db, err := sql.Open("postgres", "postgres://localhost/orders")
	if err != nil {
		log.Fatal(err)
	}
	h := api.New(service.New(postgres.NewOrderRepo(db)), &tenancy.Opener{DSN: "postgres://localhost"}, postgres.NewPriceRepo(db))
	_ = memory.Prices{"a": 1}
	mux := http.NewServeMux()
	mux.HandleFunc("/orders/batch", h.Batch)
	mux.HandleFunc("/orders/cached", h.BatchCached)
	mux.HandleFunc("/quote", h.Quote)
	mux.HandleFunc("/orders", h.List)
	mux.HandleFunc("/orders/page", h.Paged)
	mux.HandleFunc("/tenant", h.Tenant)
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
