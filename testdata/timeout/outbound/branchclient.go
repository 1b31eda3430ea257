package outbound

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// A client chosen on a branch, every request of which carries a deadline.
func fetchStatus(source string) error {
	var client *http.Client
	if strings.HasPrefix(source, "https://") {
		client = &http.Client{}
	} else {
		client = &http.Client{Transport: &http.Transport{}}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", source, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The same without the deadline: reported.
func fetchStatusUnbounded(source string) error {
	var client *http.Client
	if strings.HasPrefix(source, "https://") {
		client = &http.Client{} // want `http.Client without Timeout`
	} else {
		client = &http.Client{Transport: &http.Transport{}}
	}
	req, err := http.NewRequest("GET", source, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
