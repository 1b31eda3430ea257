package outbound

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/go-resty/resty/v2"
)

// newWebhookClient returns a client without Timeout; the service keeps
// two of them in fields, and every request either sends has a deadline
// set where it is built.
func newWebhookClient(insecure bool) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = nil
	_ = insecure
	return &http.Client{Transport: tr} // fine: every request through the fields has a deadline
}

type Webhooks struct {
	secure, insecure *http.Client
}

func NewWebhooks() *Webhooks {
	return &Webhooks{secure: newWebhookClient(false), insecure: newWebhookClient(true)}
}

func (w *Webhooks) request(ctx context.Context, url string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodPost, url, nil)
}

func (w *Webhooks) Deliver(ctx context.Context, url string, insecure bool) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := w.request(ctx, url)
	if err != nil {
		return nil, err
	}
	if insecure {
		return w.insecure.Do(req)
	}
	return w.secure.Do(req)
}

// newAPIClient's requests carry their callers' contexts: medium.
func newAPIClient() *http.Client {
	c := &http.Client{} // want `http.Client without Timeout.*\[medium: .*every request it sends carries its caller's context`
	return c
}

type Catalog struct{ c *http.Client }

func NewCatalog() *Catalog { return &Catalog{c: newAPIClient()} }

func (a *Catalog) Get(ctx context.Context, url string) (*http.Response, error) {
	req, err := a.request(ctx, url)
	if err != nil {
		return nil, err
	}
	return a.c.Do(req)
}

func (a *Catalog) request(ctx context.Context, url string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
}

// newPlainClient is also kept in a local variable by one caller: where
// that one sends is not followed, so the finding stays.
func newPlainClient() *http.Client {
	return &http.Client{} // want `http.Client without Timeout.*\[high`
}

type Plain struct{ c *http.Client }

func NewPlain() *Plain { return &Plain{c: newPlainClient()} }

func Once(url string) {
	c := newPlainClient()
	_, _ = c.Get(url)
}

// A client handed to a library: the library sends the requests.
func NewREST() *resty.Client {
	return resty.NewWithClient(&http.Client{}) // want `http.Client without Timeout.*\[medium: .*handed to resty.NewWithClient: the library sends the requests`
}

func newSDKHTTPClient() *http.Client {
	return &http.Client{Transport: http.DefaultTransport} // want `http.Client without Timeout.*\[medium: .*handed to resty.NewWithClient`
}

func NewSDK() *resty.Client {
	hc := newSDKHTTPClient()
	return resty.NewWithClient(hc)
}

// A builder that can fail hands its client on through an option.
func newTLSClient() (*http.Client, error) {
	return &http.Client{Transport: &http.Transport{}}, nil // want `http.Client without Timeout.*\[medium: .*handed to resty.NewWithClient`
}

func NewTLS() (*resty.Client, error) {
	hc, err := newTLSClient()
	if err != nil {
		return nil, err
	}
	return resty.NewWithClient(hc), nil
}

// The client is built into a local, stored in a field, and every request
// through the field gets a deadline where it is sent.
type Deliverer struct {
	client  *http.Client
	timeout time.Duration
}

func NewDeliverer(timeout time.Duration) *Deliverer {
	tr := &http.Transport{MaxIdleConnsPerHost: 100}
	client := &http.Client{Transport: tr} // fine: every request through the field has a deadline
	return &Deliverer{client: client, timeout: timeout}
}

// Configuring the client's transport sends nothing.
func (d *Deliverer) SetProxy(proxy func(*http.Request) (*url.URL, error)) {
	d.client.Transport.(*http.Transport).Proxy = proxy
}

func (d *Deliverer) Send(ctx context.Context, req *http.Request) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, d.timeout)
	defer cancel()
	var code int
	var err error
	func() {
		r := req.WithContext(ctx)
		resp, e := d.client.Do(r)
		if e != nil {
			err = e
			return
		}
		defer resp.Body.Close()
		code = resp.StatusCode
	}()
	return code, err
}

// Stored, but also used here without a deadline: reported.
type Poller struct{ c *http.Client }

func NewPoller(url string) *Poller {
	c := &http.Client{} // want `http.Client without Timeout.*\[high`
	_, _ = c.Get(url)
	return &Poller{c: c}
}
