package basic

import (
	"net/http"
	"testing"
)

// Tests are not reported.
func TestLeak(t *testing.T) {
	resp, err := http.Get("http://example.com")
	if err != nil {
		t.Skip(err)
	}
	_ = resp.StatusCode
}
