// Package version is a library under tools/: production code may import
// it, so its findings stand.
package version

import "net/http"

func Latest() (*http.Response, error) {
	return http.Get("https://example.com/latest") // want `http.Get uses http.DefaultClient`
}
