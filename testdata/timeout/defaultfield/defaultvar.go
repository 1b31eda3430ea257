package defaultfield

import (
	"net/http"
	"time"
)

// The program's shared clients, set at start-up and used by every package.
var (
	SharedClient *http.Client
	ProxyClient  *http.Client
	plain        = http.DefaultClient // want `http.DefaultClient kept in package variable plain: it has no timeout.*\[high:`
)

func InitClients() {
	SharedClient = http.DefaultClient // want `http.DefaultClient kept in package variable SharedClient: it has no timeout.*\[high:`
	ProxyClient = &http.Client{Timeout: 10 * time.Second}
}

func Fetch(url string) (*http.Response, error) { return plain.Get(url) }

// A local name for the default client sends without a timeout too.
func local(url string) (*http.Response, error) {
	c := http.DefaultClient
	return c.Get(url) // want `http.DefaultClient has no timeout`
}

// A default that the code replaces on a branch: judged where the client
// is chosen, not here.
func chosen(url string, custom *http.Client) (*http.Response, error) {
	c := http.DefaultClient
	if custom != nil {
		c = custom
	}
	return c.Get(url)
}
