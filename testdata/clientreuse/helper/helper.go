// Package helper builds pools; it has no handlers, so it reports nothing:
// its importers report their calls.
package helper

import (
	"database/sql"
	"net/http"
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
