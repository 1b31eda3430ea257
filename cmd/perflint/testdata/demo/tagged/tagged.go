// Package tagged has a file that only builds with -tags=integration.
package tagged

import "net/http"

func Health(w http.ResponseWriter, r *http.Request) {}
