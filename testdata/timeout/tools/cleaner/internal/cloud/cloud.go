// Package cloud is the library of a clean-up program kept under tools/:
// it sits below the program's internal/ directory, so only the program
// can import it, and nothing here is reported.
package cloud

import "net/http"

func Leaked() (*http.Response, error) {
	return http.Get("https://example.com/clusters")
}
