// Package oauthlogin exchanges authorization codes for tokens.
package oauthlogin

import (
	"context"
	"net/http"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

var conf = &oauth2.Config{ClientID: "id", Endpoint: oauth2.Endpoint{TokenURL: "https://idp.example.com/token"}}

// Exchange has no context to pass: Background carries no client, so the
// token request goes through http.DefaultClient.
func Exchange(code string) (*oauth2.Token, error) {
	return conf.Exchange(context.Background(), code) // want `oauth2 token request given context.Background\(\): with no client in the context it goes through http.DefaultClient`
}

func ServiceToken() (*oauth2.Token, error) {
	cc := &clientcredentials.Config{ClientID: "id", TokenURL: "https://idp.example.com/token"}
	return cc.Token(context.TODO()) // want `oauth2 token request given context.Background\(\)`
}

// Traps.

// A context with a deadline bounds the request.
func ExchangeBounded(code string) (*oauth2.Token, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return conf.Exchange(ctx, code)
}

// A context carrying a client with a timeout.
func ExchangeWithClient(code string) (*oauth2.Token, error) {
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Timeout: 10 * time.Second})
	return conf.Exchange(ctx, code)
}

// The caller's context: its deadline is the caller's to set (and dropping
// it would be ctxflow's finding).
func ExchangeCtx(ctx context.Context, code string) (*oauth2.Token, error) {
	return conf.Exchange(ctx, code)
}
