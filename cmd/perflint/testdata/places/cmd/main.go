package main

import (
	"context"
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"

	"google.golang.org/grpc"

	"example.com/places/api"
	"example.com/places/broker"
	"example.com/places/ddns"
	"example.com/places/feeds"
	"example.com/places/metrics"
	"example.com/places/orders"
	"example.com/places/probe"
	"example.com/places/rpc"
	"example.com/places/signup"
	"example.com/places/store"
	"example.com/places/syncer"
	"example.com/places/webhooks"
)

var hooks = []func(*sql.DB, []string){store.Hook}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "ping" {
		if probe.Ping("http://localhost:8080/health") != nil {
			os.Exit(1)
		}
		return
	}
	go probe.Watch("http://peer.internal/state")
	db, _ := sql.Open("postgres", os.Getenv("DSN"))
	store.Seed(db, os.Args[1:])
	_ = &syncer.Tags{DB: db}
	_ = store.Lookup(context.Background(), db, []int{1})
	c := &store.Cache{}
	c.Refresh(db, os.Args[1:])
	store.RefreshAll(c, db, nil)
	_ = hooks
	type key struct{}
	ctx := context.WithValue(context.Background(), key{}, "servers")
	for _, host := range []string{"ns1:53", "ns2:53"} {
		go func(host string) { _ = ddns.Update(ctx, host) }(host)
	}
	_ = ddns.Check(context.Background(), "ns1:53")
	feeds := &feeds.Registry{Client: &http.Client{Timeout: 10 * time.Second}}
	feeds.Created(ctx, "http://subscriber.internal/new")
	rpc.Register(grpc.NewServer(), db)
	svc := &orders.Service{DB: db}
	h := &api.Handler{DB: db, Orders: svc}
	mux := http.NewServeMux()
	mux.HandleFunc("/tags", h.Tags)
	mux.HandleFunc("/orders", h.ListOrders)
	admin := &broker.Cloud{URL: os.Getenv("BROKER")}
	if err := broker.Setup(admin); err != nil {
		log.Fatal(err)
	}
	events := &broker.Log[string]{URL: os.Getenv("EVENTS")}
	_ = broker.SaveAt(events)
	mux.HandleFunc("/announce", (&api.Events{Broker: admin, Log: events}).Announce)
	mux.HandleFunc("/signup", signup.Handle(webhooks.New(&http.Client{Timeout: 10 * time.Second})))
	(&metrics.Exporter{}).Use(mux)
	log.SetOutput(&metrics.Shipper{URL: "http://logs.internal/ingest"})
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	_ = srv.ListenAndServe()
}
