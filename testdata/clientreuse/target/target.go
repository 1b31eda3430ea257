// Package target: a pool built for a target the request names cannot be
// built at start-up; a cache keyed by the target helps only where targets
// repeat, which the code does not show. Medium, not high.
package target

import (
	"context"
	"crypto/tls"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"

	"google.golang.org/grpc"

	"example.com/td/clientreuse/grpcsvc/ordersv1"
	"example.com/td/clientreuse/helper"
)

// A router to the shard that owns the order the request names: one
// connection per call, to a server chosen by the request.
type Router struct {
	ordersv1.UnimplementedOrdersServer
}

func (Router) GetOrder(ctx context.Context, req *ordersv1.GetOrderRequest) (*ordersv1.Order, error) {
	conn, err := grpc.NewClient(shardAddr(req.ID)) // want `grpc.NewClient in handler .*builds a new connection pool per request.*\[medium: .*a target the request names`
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	return &ordersv1.Order{ID: req.ID}, nil
}

func shardAddr(id int64) string { return fmt.Sprintf("orders-%d:9000", id%8) }

func Serve(s *grpc.Server) { ordersv1.RegisterOrdersServer(s, Router{}) }

// A query console: the database is the one the form names.
func Console(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", r.FormValue("dsn")) // want `sql.Open in handler target.Console builds a new connection pool per request.*\[medium: .*a target the request names`
	if err != nil {
		return
	}
	defer db.Close()
}

// Trap: the request's context is not a target.
func Report(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", dsnFor(r.Context())) // want `sql.Open in handler target.Report builds a new connection pool per request.*\[high:`
	if err != nil {
		return
	}
	defer db.Close()
}

func dsnFor(ctx context.Context) string { return "postgres://reports" }

// Through another package's constructor: the request names the database.
func Connect(w http.ResponseWriter, r *http.Request) {
	db := helper.Open(r.FormValue("dsn")) // want `helper.Open in handler target.Connect builds a new connection pool per request.*\[medium: .*a target the request names`
	defer db.Close()
}

type Datasource struct {
	URL           string
	SkipTLSVerify bool
	TLS           TLSSettings
}

type TLSSettings struct{ CA string }

func (t TLSSettings) Config() (*tls.Config, error) { return &tls.Config{}, nil }

// A connectivity check of a datasource being configured: its TLS settings
// come from the caller, so no one shared transport can serve it.
func CheckDatasource(w http.ResponseWriter, r *http.Request) {
	var ds Datasource
	_ = json.NewDecoder(r.Body).Decode(&ds)
	_ = check(ds)
	_ = version(ds)
}

func check(ds Datasource) error {
	cfg, err := ds.TLS.Config()
	if err != nil {
		return err
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}} // want `http.Client with a new http.Transport in target.check, which handler target.CheckDatasource runs, builds a new connection pool per request.*\[medium: .*a target the request names`
	resp, err := client.Get(ds.URL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func version(ds Datasource) error {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: ds.SkipTLSVerify}} // want `http.Transport in target.version, which handler target.CheckDatasource runs, builds a new connection pool per request.*\[medium: `
	resp, err := (&http.Client{Transport: tr}).Get(ds.URL)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Trap: settings of the program's own: one shared transport would do.
func Fetch(w http.ResponseWriter, r *http.Request) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}} // want `http.Transport in handler target.Fetch builds a new connection pool per request.*\[high:`
	resp, err := (&http.Client{Transport: tr}).Get("https://upstream.example.com/")
	if err == nil {
		_ = resp.Body.Close()
	}
}
