package outbound

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Positives.

// One function that sends through http.DefaultClient several times is one
// cause (one client with a timeout fixes it): one finding.
func Fetch(u string) {
	_, _ = http.Get(u) // want `http.Get uses http.DefaultClient, which has no timeout: a stuck upstream holds the goroutine and its connection forever; use an http.Client with Timeout.* \(5 more sites like it in this function: one fix covers them\)`
	_, _ = http.Head(u)
	_, _ = http.Post(u, "text/plain", strings.NewReader(""))
	_, _ = http.PostForm(u, url.Values{})
	_, _ = http.DefaultClient.Get(u)
	req, _ := http.NewRequest("GET", u, nil)
	_, _ = http.DefaultClient.Do(req)
}

// Each call in a function of its own.
func Head(u string) {
	_, _ = http.Head(u) // want `http.Head uses http.DefaultClient`
}

func Post(u string) {
	_, _ = http.Post(u, "text/plain", strings.NewReader("")) // want `http.Post uses http.DefaultClient`
}

func PostForm(u string) {
	_, _ = http.PostForm(u, url.Values{}) // want `http.PostForm uses http.DefaultClient`
}

func DefaultGet(u string) {
	_, _ = http.DefaultClient.Get(u) // want `http.DefaultClient has no timeout`
}

func DefaultDo(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	_, _ = http.DefaultClient.Do(req) // want `http.DefaultClient has no timeout`
}

func Literal(u string) {
	c := &http.Client{} // want `http.Client without Timeout: every request it sends has no deadline`
	_, _ = c.Get(u)
}

func New(u string) {
	c2 := new(http.Client) // want `http.Client without Timeout`
	_, _ = c2.Get(u)
}

// A Timeout written down as 0 is a decision on record (a stream, which a
// whole-request timeout would cut): low.
func ZeroTimeout(u string) {
	var c3 http.Client = http.Client{Timeout: 0} // want `http.Client without Timeout.*\[low: .*set to 0 in the literal`
	_, _ = c3.Get(u)
}

type Service struct{ client *http.Client }

// A client stored in a struct field is reported at its literal, whoever
// uses it later.
func NewService() *Service {
	return &Service{client: &http.Client{}} // want `http.Client without Timeout \(stored in field client\)`
}

// A request without a deadline makes the client unbounded again.
func MixedRequests(ctx context.Context, u string) {
	c := &http.Client{} // want `http.Client without Timeout`
	tctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	r1, _ := http.NewRequestWithContext(tctx, "GET", u, nil)
	r2, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	_, _ = c.Do(r1)
	_, _ = c.Do(r2)
}

// Traps.

func WithTimeout(u string) {
	c := &http.Client{Timeout: 10 * time.Second} // fine: Timeout set
	_, _ = c.Get(u)
}

func SetAfter(u string) {
	c := &http.Client{} // fine: Timeout set right after construction
	c.Timeout = 5 * time.Second
	_, _ = c.Get(u)
}

func (s *Service) Init() {
	s.client = &http.Client{} // fine: Timeout set on the same field below
	s.client.Timeout = time.Second
}

var shared = &http.Client{} // fine: init sets its Timeout

func init() { shared.Timeout = 30 * time.Second }

// Every request the client sends carries a deadline.
func DeadlineOnly(ctx context.Context, u string) error {
	c := &http.Client{} // fine: only used with deadline-carrying requests
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}

func DefaultWithDeadline(ctx context.Context, u string) {
	ctx, cancel := context.WithDeadline(ctx, time.Now().Add(time.Second))
	defer cancel()
	req, _ := http.NewRequest("GET", u, nil)
	req = req.WithContext(ctx)
	_, _ = http.DefaultClient.Do(req) // fine: the request's context has a deadline
}

// A type called Client that is not net/http's.
type Client struct{ Timeout time.Duration }

func LookAlike() { _ = &Client{} }

// A download streams the body: the finding says a whole-request Timeout
// would cut it, and how to bound it instead.
func Download(u string, dst io.Writer) error {
	resp, err := http.Get(u) // want `http.Get uses http.DefaultClient.*this code streams the response body, so a whole-request Timeout would cut large downloads: bound the wait for headers`
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(dst, resp.Body)
	return err
}

func DownloadWith(u string, dst io.Writer) error {
	c := &http.Client{} // want `http.Client without Timeout.*this code streams the response body`
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(dst, resp.Body)
	return err
}
