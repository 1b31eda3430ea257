package nethttp

import (
	"database/sql"
	"net/http"
	"sync"
	"time"
)

var dsn = "postgres://localhost/app"

// Positives: pools built while serving a request.

func ListUsers(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", dsn) // want `sql.Open in handler nethttp.ListUsers builds a new connection pool per request`
	if err != nil {
		return
	}
	defer db.Close()
}

// A handler returning an error for its router's adapter to write.
func Audit(w http.ResponseWriter, r *http.Request) error {
	db, err := sql.Open("postgres", dsn) // want `sql.Open in handler nethttp.Audit builds a new connection pool per request`
	if err != nil {
		return err
	}
	defer db.Close()
	return db.PingContext(r.Context())
}

// A handler returning its own error type, which carries the status.
type HandlerError struct {
	Status int
	Err    error
}

func (e *HandlerError) Error() string { return e.Err.Error() }

func Inspect(w http.ResponseWriter, r *http.Request) *HandlerError {
	client := &http.Client{Transport: &http.Transport{}} // want `http.Client with a new http.Transport in handler nethttp.Inspect builds a new connection pool per request`
	if _, err := client.Get("http://docker.internal/info"); err != nil {
		return &HandlerError{Status: http.StatusBadGateway, Err: err}
	}
	return nil
}

func Proxy(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 10}} // want `http.Client with a new http.Transport in handler nethttp.Proxy builds a new connection pool per request`
	_, _ = client.Get("http://upstream")
}

func CloneTransport(w http.ResponseWriter, r *http.Request) {
	tr := http.DefaultTransport.(*http.Transport).Clone() // want `\(\*http.Transport\).Clone in handler nethttp.CloneTransport builds`
	_ = &http.Client{Transport: tr}
}

func NewTransport(w http.ResponseWriter, r *http.Request) {
	tr := new(http.Transport) // want `http.Transport in handler nethttp.NewTransport builds`
	_ = tr
}

type Server struct{ mu sync.Mutex }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.report(w)
}

// report is run by ServeHTTP: the pool it builds is per request too.
func (s *Server) report(w http.ResponseWriter) {
	db, _ := sql.Open("postgres", dsn) // want `sql.Open in \(\*nethttp.Server\).report, which handler \(\*nethttp.Server\).ServeHTTP runs, builds a new connection pool per request`
	_ = db
}

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		db, _ := sql.Open("postgres", dsn) // want `sql.Open in handler func literal in Routes builds`
		_ = db
	})
}

func Background(w http.ResponseWriter, r *http.Request) {
	go func() {
		db, _ := sql.Open("postgres", dsn) // want `sql.Open in func literal in Background, which handler nethttp.Background runs`
		_ = db
	}()
}

// Negatives: cheap clients, shared pools, once per process.

func CheapClient(w http.ResponseWriter, r *http.Request) {
	// No Transport of its own: it shares http.DefaultTransport's pool.
	client := &http.Client{Timeout: 5 * time.Second}
	_, _ = client.Get("http://upstream")
}

var sharedTransport = &http.Transport{MaxIdleConnsPerHost: 32}

func SharedTransport(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Transport: sharedTransport, Timeout: time.Second}
	_, _ = client.Get("http://upstream")
}

var (
	once   sync.Once
	onceDB *sql.DB
)

func LazyOpen(w http.ResponseWriter, r *http.Request) {
	once.Do(func() {
		onceDB, _ = sql.Open("postgres", dsn) // once per process, not per request
	})
}

var lazy = sync.OnceValue(func() *sql.DB {
	db, _ := sql.Open("postgres", dsn)
	return db
})

func LazyValue(w http.ResponseWriter, r *http.Request) {
	_ = lazy()
}

// NewServer is a constructor: it runs at start-up, not per request.
func NewServer() (*Server, *sql.DB) {
	db, _ := sql.Open("postgres", dsn)
	return &Server{}, db
}

// A handler factory runs once; only the handler it returns runs per request.
func MakeHandler() http.HandlerFunc {
	db, _ := sql.Open("postgres", dsn)
	return func(w http.ResponseWriter, r *http.Request) {
		_ = db.PingContext(r.Context())
	}
}

// A route registered in a loop: the literal runs per request, not per
// iteration, and builds nothing.
func RegisterAll(mux *http.ServeMux, paths []string) {
	for _, p := range paths {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {})
	}
}
