// Package crosspkg calls pool-building helpers of another package.
package crosspkg

import (
	"database/sql"
	"net/http"

	"example.com/td/clientreuse/crosspkg/service"
	"example.com/td/clientreuse/helper"
)

func Orders(w http.ResponseWriter, r *http.Request) {
	st := helper.NewStore("dsn") // want `helper.NewStore in handler crosspkg.Orders builds a new connection pool per request \(helper.NewStore → helper.Open → sql.Open\)`
	_ = st
	_ = helper.Name()
}

func Fetch(urls []string) {
	for _, u := range urls {
		c := helper.Client() // want `helper.Client inside a loop builds a new connection pool per iteration \(helper.Client → http.Transport\)`
		_, _ = c.Get(u)
	}
}

// The pool helper.ReadImage builds and drops is reported there, not at
// each handler that reaches it through helper.ProcessImage.
func Avatar(w http.ResponseWriter, r *http.Request) {
	_ = helper.ProcessImage(r.FormValue("url"))
}

// A configuration change rebuilds a client the program keeps in a field:
// not a pool per request.
func Configure(w http.ResponseWriter, r *http.Request) {
	m.RefreshPackages() // want `\(\*helper.Manager\).RefreshPackages in handler crosspkg.Configure builds a new connection pool per request .*\[low: .*the pool is stored where it outlives the request`
	m.RefreshSources()  // want `\(\*helper.Manager\).RefreshSources in handler crosspkg.Configure builds a new connection pool per request .*\[low: .*the pool is stored where it outlives the request`
}

var m = &helper.Manager{}

// A connect action: the pool for the database the request names is kept
// for the requests after it.
type admin struct{ db *sql.DB }

func (a *admin) Connect(w http.ResponseWriter, r *http.Request) {
	db, err := sql.Open("postgres", r.FormValue("dsn")) // want `sql.Open in handler \(\*crosspkg.admin\).Connect builds a new connection pool per request.*\[low: .*the pool is stored where it outlives the request`
	if err != nil {
		return
	}
	a.db = db
}

// Built once in a constructor the handler closes over.
func NewHandler() http.HandlerFunc {
	st := helper.NewStore("dsn")
	return func(w http.ResponseWriter, r *http.Request) { _ = st }
}

// StartWorkers starts a fixed pool; the pools built per job are reported in
// helper.Worker's loop, not here.
func StartWorkers(n int, jobs <-chan string) {
	for i := 0; i < n; i++ {
		go helper.Worker(jobs)
	}
}

// Mount forwards to a handler of another package that reports its own
// pool: reporting it here again would count one cause twice.
func Mount(w http.ResponseWriter, r *http.Request) {
	service.Export(w, r)
}

// Two handlers reach the one function that builds the pool: one finding,
// with the other call site as related information.
func Put(w http.ResponseWriter, r *http.Request) {
	helper.Upload(r.URL.Query().Get("u")) // want `helper.Upload in handler crosspkg.Put builds a new connection pool per request \(helper.Upload → helper.Client → http.Transport\).*\(reached from 1 more call site in this package\)`
}

func Get(w http.ResponseWriter, r *http.Request) {
	helper.Download(r.URL.Query().Get("u"))
}

// A connection form's test of the settings it sends is not a pool per
// request; a pool opened to query, or to ping the one primary, is (each
// reported in the helper, which builds and drops it).
func CheckSettings(w http.ResponseWriter, r *http.Request) {
	s := &helper.DatabaseSettings{Driver: r.FormValue("driver"), DSN: r.FormValue("dsn")}
	_ = helper.CanConnect(s)
	_ = helper.CanConnectVia(s)
	_ = helper.TablesExist(s)
	_ = helper.PrimaryAlive()
}

// A page fetched through a pool built and dropped per call is reported in
// the helper; a shared client rebuilt by a reconfigure action is low.
func Preview(w http.ResponseWriter, r *http.Request) {
	_, _ = helper.FetchPage(r.FormValue("url"))
	m.RefreshMirror() // want `\(\*helper.Manager\).RefreshMirror in handler crosspkg.Preview builds a new connection pool per request .*\[low: .*the pool is stored where it outlives the request`
}

// A helper that builds its transport only when the options ask for it
// builds none for a call whose options leave that field unset.
func Bookmark(w http.ResponseWriter, r *http.Request) {
	_ = helper.NewClientWithOptions(helper.ClientOptions{Timeout: 10})
	_ = helper.NewClientWithOptions(helper.ClientOptions{Timeout: 10, BlockPrivate: false})
}

func BookmarkBlocked(w http.ResponseWriter, r *http.Request) {
	_ = helper.NewClientWithOptions(helper.ClientOptions{Timeout: 10, BlockPrivate: blockPrivate}) // want `helper.NewClientWithOptions in handler crosspkg.BookmarkBlocked builds a new connection pool per request`
}

var blockPrivate = true

type proxyOptions struct{ Direct bool }

// newProxyClient builds a transport only for direct connections; a
// handler of this package asks for one, and the construction is reported
// where it runs per request.
func newProxyClient(opts *proxyOptions) *http.Client {
	if opts.Direct == false {
		return http.DefaultClient
	}
	return &http.Client{Transport: &http.Transport{}} // want `http.Client with a new http.Transport in crosspkg.newProxyClient, which handler crosspkg.RelayDirect runs, builds a new connection pool per request`
}

func RelayDirect(w http.ResponseWriter, r *http.Request) {
	_ = newProxyClient(&proxyOptions{Direct: true})
}

// newRelayClient builds a transport only for direct connections, and no
// call of the package asks for one.
func newRelayClient(opts *proxyOptions) *http.Client {
	if !opts.Direct {
		return http.DefaultClient
	}
	return &http.Client{Transport: &http.Transport{}}
}

func Relay(w http.ResponseWriter, r *http.Request) {
	_ = newRelayClient(&proxyOptions{})
}

// A constructor's own pool that the helper replaces with the shared client
// before anything is sent opens no connection.
func Retry(w http.ResponseWriter, r *http.Request) {
	helper.NewSharedRetryClient().Ping()
}

func RetryPinged(w http.ResponseWriter, r *http.Request) {
	helper.NewPingedRetryClient().Ping() // want `helper.NewPingedRetryClient in handler crosspkg.RetryPinged builds a new connection pool per request \(helper.NewPingedRetryClient → helper.NewRetryClient → http.Transport\)`
}

// Replaced in the handler itself: the same.
func RetryShared(w http.ResponseWriter, r *http.Request) {
	c := helper.NewRetryClient()
	c.HTTPClient = helper.Shared
	c.Ping()
}

// A helper that dials only in streaming mode builds no pool for a call
// that asks for the shared connection, directly or through a helper that
// passes the mode on.
func Lookup(w http.ResponseWriter, r *http.Request) {
	_ = helper.WithConn(false, "filer:8888", func(*http.Client) error { return nil })
	_ = helper.WithFiler(false, "filer:8888", func(*http.Client) error { return nil })
}

func Stream(w http.ResponseWriter, r *http.Request) {
	_ = helper.WithConn(true, "filer:8888", func(*http.Client) error { return nil }) // want `helper.WithConn in handler crosspkg.Stream builds a new connection pool per request.*\(reached from 2 more call sites in this package\)`
}

func StreamAs(w http.ResponseWriter, r *http.Request) {
	// One cause with Stream's (the pool helper.dial builds): its related positions.
	_ = helper.WithFiler(r.FormValue("stream") != "", "filer:8888", func(*http.Client) error { return nil })
	_ = helper.WithPeer(false, "filer:8888", func(*http.Client) error { return nil })
}

// The mode passed on from inside a literal the retry helper runs.
type master struct{}

func (m *master) withClient(streaming bool, fn func(*http.Client) error) error {
	return helper.Retry(func() error {
		return helper.WithStream(streaming, "master:9333", fn) // want `helper.WithStream in func literal in withClient, which handler crosspkg.Follow runs, builds a new connection pool per request.*share it \[medium: runs per request; the callee builds it only for some arguments`
	})
}

// lookup is the same, and every call asks for the shared connection.
func (m *master) lookup(streaming bool, fn func(*http.Client) error) error {
	return helper.Retry(func() error { return helper.WithStream(streaming, "master:9333", fn) })
}

func Status(w http.ResponseWriter, r *http.Request) {
	_ = (&master{}).lookup(false, func(*http.Client) error { return nil })
}

// A call that asks for the stream: the literal's call builds the pool.
func Follow(w http.ResponseWriter, r *http.Request) {
	_ = (&master{}).withClient(true, func(*http.Client) error { return nil })
}
