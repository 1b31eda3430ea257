package basic

import (
	"encoding/json"
	"net/http"
)

// handleError writes the error and reports whether there was one: the
// handler's error check, written as a helper.
func handleError(w http.ResponseWriter, err error, code int) bool {
	if err == nil {
		return false
	}
	http.Error(w, err.Error(), code)
	return true
}

// The error path of the helper's check has no response to close.
func features(w http.ResponseWriter, c *http.Client, url string) {
	res, err := c.Get(url)
	if handleError(w, err, http.StatusBadGateway) {
		return
	}
	defer res.Body.Close()
	var v map[string]any
	if handleError(w, json.NewDecoder(res.Body).Decode(&v), http.StatusBadGateway) {
		return
	}
	_ = json.NewEncoder(w).Encode(v)
}

func featuresNegated(w http.ResponseWriter, c *http.Client, url string) {
	res, err := c.Get(url)
	if !handleError(w, err, http.StatusBadGateway) {
		defer res.Body.Close()
		w.WriteHeader(res.StatusCode)
	}
}

// A helper check that passes on success still leaves the body open on the
// status path.
func featuresLeak(w http.ResponseWriter, c *http.Client, url string) {
	res, err := c.Get(url) // want `the response body is not closed on every path`
	if handleError(w, err, http.StatusBadGateway) {
		return
	}
	if res.StatusCode != http.StatusOK {
		return
	}
	defer res.Body.Close()
}
