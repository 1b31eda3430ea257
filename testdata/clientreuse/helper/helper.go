// Package helper builds pools; it has no handlers, so it reports nothing:
// its importers report their calls.
package helper

import (
	"database/sql"
	"net/http"
	"time"
)

// Open opens a pool.
func Open(dsn string) *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	return db
}

// Client builds a client with a transport of its own.
func Client() *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}

// Store wraps a pool.
type Store struct{ db *sql.DB }

// NewStore opens through Open.
func NewStore(dsn string) *Store {
	return &Store{db: Open(dsn)}
}

// Name builds nothing.
func Name() string { return "helper" }

// Worker builds a client per job: reported here, at its own loop, and not
// again at the loops that start workers.
func Worker(jobs <-chan string) {
	for u := range jobs {
		c := &http.Client{Transport: &http.Transport{}} // want `http.Client with a new http.Transport inside a loop builds a new connection pool per iteration`
		_, _ = c.Get(u)
	}
}

// Upload and Download each get a client from Client and send with it: two
// paths to one cause, the client Client builds on every call.
func Upload(u string) {
	_, _ = Client().Post(u, "application/octet-stream", nil)
}

func Download(u string) {
	_, _ = Client().Get(u)
}

// ReadImage builds a client and drops it on every call: the finding is
// here, once, at the construction (medium: its callers are not in view),
// not again at every caller of ProcessImage.
func ReadImage(u string) error {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Client with a new http.Transport in helper.ReadImage builds a new connection pool on every call and drops it`
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ProcessImage reaches ReadImage's pool: reported there.
func ProcessImage(u string) error { return ReadImage(u) }

// Manager keeps the clients the program shares.
type Manager struct {
	mirror   *http.Client
	sources  *http.Client
	packages *PackageManager
}

// RefreshSources rebuilds the shared client when the sources change: it
// stores it in a field, where every later request finds it.
func (m *Manager) RefreshSources() {
	m.sources = &http.Client{Transport: &http.Transport{}}
}

// PackageManager holds the client it downloads packages with.
type PackageManager struct{ client *http.Client }

func newPackageManager() *PackageManager {
	return &PackageManager{client: &http.Client{Transport: &http.Transport{}}}
}

// RefreshPackages stores what newPackageManager builds: the chain's pool
// is kept on the way, not at its root.
func (m *Manager) RefreshPackages() { m.packages = newPackageManager() }

// DatabaseSettings is what a connection form sends.
type DatabaseSettings struct{ Driver, DSN string }

// CanConnect opens a pool with the settings it is given only to ping it
// and close it: a test of those settings, with nothing to share.
func CanConnect(s *DatabaseSettings) bool {
	db, err := sql.Open(s.Driver, s.DSN)
	if err != nil {
		return false
	}
	defer func() { _ = db.Close() }()
	return db.Ping() == nil
}

// CanConnectVia tests the settings through Open.
func CanConnectVia(s *DatabaseSettings) bool {
	db := Open(s.DSN)
	defer db.Close()
	return db.Ping() == nil
}

// TablesExist queries through the pool it opens and drops: a pool per
// call, reported here at its construction.
func TablesExist(s *DatabaseSettings) bool {
	db, err := sql.Open(s.Driver, s.DSN) // want `sql.Open in helper.TablesExist builds a new connection pool on every call and drops it`
	if err != nil {
		return false
	}
	defer db.Close()
	rows, err := db.Query("SELECT 1 FROM users LIMIT 1")
	if err != nil {
		return false
	}
	defer rows.Close()
	return rows.Next()
}

// PrimaryAlive pings the one primary database through a new pool on every
// call: its callers should ping the shared pool.
func PrimaryAlive() bool {
	db, err := sql.Open("postgres", "primary") // want `sql.Open in helper.PrimaryAlive builds a new connection pool on every call and drops it`
	if err != nil {
		return false
	}
	defer db.Close()
	return db.Ping() == nil
}

// FetchPage builds a transport on every call and gives it to a client it
// also builds: both are dropped when it returns.
func FetchPage(u string) (*http.Response, error) {
	tr := &http.Transport{MaxIdleConns: 10} // want `http.Transport in helper.FetchPage builds a new connection pool on every call and drops it`
	client := &http.Client{}
	client.Transport = tr
	return client.Get(u)
}

// RefreshMirror rebuilds the client the manager shares: the transport is
// kept through the client stored in a field.
func (m *Manager) RefreshMirror() {
	tr := &http.Transport{MaxIdleConns: 10}
	client := &http.Client{}
	client.Transport = tr
	m.mirror = client
}

// ClientOptions are what a caller asks of a client.
type ClientOptions struct {
	Timeout      time.Duration
	BlockPrivate bool
}

// NewClientWithOptions builds a transport of its own only when the
// options ask to block private networks; otherwise the client shares the
// default transport.
func NewClientWithOptions(opts ClientOptions) *http.Client {
	if !opts.BlockPrivate {
		return &http.Client{Timeout: opts.Timeout}
	}
	return &http.Client{Timeout: opts.Timeout, Transport: &http.Transport{}}
}

// RetryClient wraps an *http.Client the way retrying client libraries do;
// NewRetryClient gives it a pooled transport of its own.
type RetryClient struct {
	HTTPClient *http.Client
	RetryMax   int
}

func NewRetryClient() *RetryClient {
	return &RetryClient{HTTPClient: &http.Client{Transport: &http.Transport{}}, RetryMax: 4}
}

func (c *RetryClient) Ping() { _, _ = c.HTTPClient.Get("http://peer/ping") }

// Shared is the process's one client.
var Shared = &http.Client{}

// NewSharedRetryClient swaps the constructor's client for the shared one
// before anything is sent: the default pool never opens a connection.
func NewSharedRetryClient() *RetryClient {
	c := NewRetryClient()
	c.RetryMax = 2
	c.HTTPClient = Shared
	return c
}

// NewPingedRetryClient sends through the constructor's pool before it
// swaps the client: that pool has connections, one per call.
func NewPingedRetryClient() *RetryClient {
	c := NewRetryClient()
	c.Ping()
	c.HTTPClient = Shared
	return c
}

var cached = &http.Client{}

// dial builds a client with a pool of its own.
func dial(addr string) *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}

// WithConn runs fn on the shared client, or, in streaming mode only, on a
// client dialed for this call (a stream holds its connection for long).
func WithConn(streaming bool, addr string, fn func(*http.Client) error) error {
	if !streaming {
		return fn(cached)
	}
	return fn(dial(addr))
}

// WithFiler passes the mode on.
func WithFiler(streaming bool, addr string, fn func(*http.Client) error) error {
	return WithConn(streaming, addr, fn)
}

// WithPeer dials for every call whatever the mode it passes on.
func WithPeer(streaming bool, addr string, fn func(*http.Client) error) error {
	_ = dial(addr)
	return WithConn(streaming, addr, fn)
}

// Retry runs fn until it succeeds.
func Retry(fn func() error) error {
	var err error
	for range 3 {
		if err = fn(); err == nil {
			return nil
		}
	}
	return err
}

// dialStream builds a client for one stream.
func dialStream(addr string) *http.Client {
	return &http.Client{Transport: &http.Transport{}}
}

// WithStream is WithConn for streams of events.
func WithStream(streaming bool, addr string, fn func(*http.Client) error) error {
	if !streaming {
		return fn(cached)
	}
	return fn(dialStream(addr))
}
