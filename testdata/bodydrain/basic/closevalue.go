package basic

import (
	"log"
	"net/http"
)

func logClose(close func() error) {
	if err := close(); err != nil {
		log.Println("close:", err)
	}
}

// The body's Close handed as a value to a closer that logs its error: the
// body is closed there.
func Heartbeat(url string) error {
	resp, err := http.Post(url, "text/plain", nil) // want `http.Post: on some path the response body is closed without being read.*\[low:`
	if err != nil {
		return err
	}
	defer logClose(resp.Body.Close)
	if resp.StatusCode/100 != 2 {
		return nil
	}
	return nil
}

// Called through a variable: closed there too.
func Probe(url string) error {
	resp, err := http.Get(url) // want `http.Get: on some path the response body is closed without being read.*\[low:`
	if err != nil {
		return err
	}
	closeBody := resp.Body.Close
	return closeBody()
}

// Trap: the Close value is taken but never called or handed on.
func Leak(url string) error {
	resp, err := http.Get(url) // want `http.Get: the response body is not closed on every path`
	if err != nil {
		return err
	}
	_ = resp.Body.Close
	return nil
}
