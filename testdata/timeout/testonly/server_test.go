package testonly

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// Tests are not reported: a test server and the default client in a test.
func TestFetch(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	_, _ = http.Get(srv.URL)
	_ = &http.Client{}
	_ = &http.Server{}
}
