// Package metrics is an exporter the program mounts. It also has options
// the program never turns on: code behind them never runs.
package metrics

import (
	"bytes"
	"io"
	"net/http"
)

// Exporter serves metrics and can push them to a gateway.
type Exporter struct{ gateway string }

// Use mounts the exporter: the program calls it.
func (e *Exporter) Use(mux *http.ServeMux) { mux.Handle("/metrics", e) }

// SetPushGateway starts pushing to a gateway. No code of the module calls
// it, and no interface outside the module has such a method: its finding
// has no load behind it.
func (e *Exporter) SetPushGateway(url string) error {
	e.gateway = url
	resp, err := http.Get(url) // whole: timeout "http.Get uses http.DefaultClient.*\[low: runs in code that no command of the module calls" // alone: timeout "http.Get uses http.DefaultClient.*\[high:"
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// ServeHTTP is called by net/http, through http.Handler, for every scrape:
// no call of the module is needed for it to run.
func (e *Exporter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://collector.internal/snapshot") // both: timeout "http.Get uses http.DefaultClient.*\[high:"
	if err != nil {
		return
	}
	defer resp.Body.Close()
	_, _ = io.Copy(w, resp.Body)
}

// Shipper sends each log line to a collector. The program hands it to the
// log package as an io.Writer: log calls Write through that interface, so
// no call of the module is needed for it to run.
type Shipper struct{ URL string }

func (s *Shipper) Write(p []byte) (int, error) {
	resp, err := http.Post(s.URL, "text/plain", bytes.NewReader(p)) // both: timeout "http.Post uses http.DefaultClient.*\[high:"
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return len(p), err
}
