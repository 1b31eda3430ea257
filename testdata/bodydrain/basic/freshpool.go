package basic

import (
	"net/http"
	"time"
)

// A client built with a transport of its own and dropped on return: no
// later request reuses the connection, so an unread body costs nothing
// more (the pool per call is clientreuse's finding).
func statusThroughOwnTransport(url string) (int, error) {
	tr := &http.Transport{IdleConnTimeout: time.Second}
	client := http.Client{Timeout: 5 * time.Second, Transport: tr}
	resp, err := client.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func ownClient() *http.Client {
	return &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{}}
}

func statusThroughHelper(url string) (int, error) {
	client := ownClient()
	resp, err := client.Get(url)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// The same client used in a loop: the second request would reuse the
// connection the first left unread.
func statusesThroughOwnTransport(urls []string) []int {
	client := ownClient()
	var codes []int
	for _, u := range urls {
		resp, err := client.Get(u) // want `closed without being read`
		if err != nil {
			continue
		}
		resp.Body.Close()
		codes = append(codes, resp.StatusCode)
	}
	return codes
}

// A shared client: the connection would be reused.
var shared = &http.Client{Timeout: 5 * time.Second}

func statusThroughShared(url string) (int, error) {
	client := shared
	resp, err := client.Get(url) // want `closed without being read`
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
