// Package web calls the repositories through interfaces, some implemented
// here.
package web

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"sync"

	"example.com/td/queryloop/ifaces/repo"
)

// Store is implemented below by pgStore.
type Store interface {
	ByID(ctx context.Context, id string) (string, error)
}

type pgStore struct{ db *sql.DB }

func (s *pgStore) ByID(ctx context.Context, id string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, "SELECT v FROM t WHERE id = $1", id).Scan(&v)
	return v, err
}

// Labels is implemented only by a map: calling it costs nothing.
type Labels interface {
	Label(id string) string
}

type fixedLabels map[string]string

func (l fixedLabels) Label(id string) string { return l[id] }

// cached reads through a map: the store is asked only on a miss.
type cached struct {
	mu    sync.Mutex
	byID  map[string]string
	inner Store
}

func (c *cached) Get(ctx context.Context, id string) (string, error) {
	c.mu.Lock()
	v, ok := c.byID[id]
	c.mu.Unlock()
	if ok {
		return v, nil
	}
	return c.inner.ByID(ctx, id)
}

type Handler struct {
	store  Store
	labels Labels
	q      *repo.Queries
	users  repo.Users
	cache  *cached
	// settings and flags are read through a cache in front of the
	// database (repo.NewSettings, newFlags).
	settings repo.Settings
	flags    Flags
	profiles *repo.Profiles
	visible  *visibility
}

func (h *Handler) Items(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		v, _ := h.store.ByID(r.Context(), id) // want `\(web.Store\).ByID inside a loop makes a database round-trip per iteration \(\(\*web.Handler\).Items → \(web.Store\).ByID → \(\*web.pgStore\).ByID → \(\*sql.DB\).QueryRowContext\).*\[high`
		w.Write([]byte(v + h.labels.Label(id)))
	}
}

func (h *Handler) Authors(w http.ResponseWriter, r *http.Request) {
	var req struct{ IDs []int64 }
	if json.NewDecoder(r.Body).Decode(&req) != nil {
		return
	}
	for _, id := range req.IDs {
		name, _ := h.q.GetAuthor(r.Context(), id) // want `\(\*repo.Queries\).GetAuthor inside a loop makes a database round-trip per iteration \(\(\*web.Handler\).Authors → \(\*repo.Queries\).GetAuthor → \(repo.DBTX\).QueryRowContext → \(\*sql.DB\).QueryRowContext\)`
		w.Write([]byte(name))
	}
}

func (h *Handler) Cached(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		v, _ := h.cache.Get(r.Context(), id) // want `\(\*web.cached\).Get inside a loop .*\[medium: .*only on a cache miss`
		w.Write([]byte(v))
	}
}

// KV is a cache whose lookups report found and an error: an in-memory or
// a remote cache behind one interface.
type KV interface {
	GetString(ctx context.Context, key string) (string, bool, error)
	SetString(ctx context.Context, key, value string) error
}

// config reads through the cache and checks the hit before trusting it:
// the store is asked only on a miss.
type config struct {
	kv    KV
	inner Store
}

func (c *config) ByKey(ctx context.Context, key string) (string, error) {
	v, found, err := c.kv.GetString(ctx, "config:"+key)
	if err == nil && found && len(v) > 0 {
		if v != "null" {
			return v, nil
		}
	}
	v, err = c.inner.ByID(ctx, key)
	if err == nil {
		_ = c.kv.SetString(ctx, "config:"+key, v)
	}
	return v, err
}

func (h *Handler) Settings(w http.ResponseWriter, r *http.Request) {
	c := &config{inner: h.store}
	for _, key := range r.URL.Query()["key"] {
		v, _ := c.ByKey(r.Context(), key) // want `\(\*web.config\).ByKey inside a loop .*\[medium: .*only on a cache miss`
		w.Write([]byte(v))
	}
}

// ConfigRepo hides the cached reader behind an interface, and a service
// wraps it: the miss-only round-trip stays miss-only through both.
type ConfigRepo interface {
	ByKey(ctx context.Context, key string) (string, error)
}

type ConfigService struct{ repo ConfigRepo }

func (s *ConfigService) Value(ctx context.Context, key string) (string, error) {
	return s.repo.ByKey(ctx, key)
}

var _ ConfigRepo = (*config)(nil)

func (h *Handler) Settings2(w http.ResponseWriter, r *http.Request) {
	svc := &ConfigService{repo: &config{inner: h.store}}
	for _, key := range r.URL.Query()["key"] {
		v, _ := svc.Value(r.Context(), key) // want `\(\*web.ConfigService\).Value inside a loop .*\[medium: .*only on a cache miss`
		w.Write([]byte(v))
	}
}

// A loop with a lookup behind a cache and a plain query: the finding is
// the query's, which every item pays, with the cached one beside it.
func (h *Handler) Labeled(w http.ResponseWriter, r *http.Request) {
	c := &config{inner: h.store}
	for _, id := range r.URL.Query()["id"] {
		label, _ := c.ByKey(r.Context(), "label")
		v, _ := h.store.ByID(r.Context(), id) // want `\(web.Store\).ByID inside a loop .*\(and 1 more round-trip in this loop\) \[high`
		w.Write([]byte(label + v))
	}
}

// Names calls an interface whose implementation this package cannot see:
// nothing is known here; a whole-program driver visits it again.
func (h *Handler) Names(ctx context.Context, ids []int64) {
	for _, id := range ids {
		h.users.Name(ctx, id)
	}
}

// notFoundFirst returns early when the key is missing, not when found: the
// query after it runs on every hit.
func (c *cached) notFoundFirst(ctx context.Context, id string) (string, error) {
	_, ok := c.byID[id]
	if !ok {
		return "", nil
	}
	return c.inner.ByID(ctx, id)
}

// Flags is read through a chain like repo.Settings, declared here.
type Flags interface {
	Flag(ctx context.Context, name string) (bool, error)
}

type dbFlags struct{ db *sql.DB }

func (f *dbFlags) Flag(ctx context.Context, name string) (bool, error) {
	var on bool
	err := f.db.QueryRowContext(ctx, "SELECT on FROM flags WHERE name = $1", name).Scan(&on)
	return on, err
}

type memoFlags struct {
	m    sync.Map
	next Flags
}

func (f *memoFlags) Flag(ctx context.Context, name string) (bool, error) {
	if v, ok := f.m.Load(name); ok {
		return v.(bool), nil
	}
	on, err := f.next.Flag(ctx, name)
	if err == nil {
		f.m.Store(name, on)
	}
	return on, err
}

func newFlags(db *sql.DB) Flags { return &memoFlags{next: &dbFlags{db: db}} }

type visibility struct{ flags Flags }

func (v *visibility) Shown(ctx context.Context, id string) bool {
	on, _ := v.flags.Flag(ctx, "show:"+id)
	return on
}

// A read through an interface one of whose implementations answers from a
// cache and asks the next one on a miss: whether the database is reached
// per item depends on which is wired in, so one level lower.
func (h *Handler) Profiles(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		v, _ := h.settings.Setting(r.Context(), "bio:"+id) // want `\(repo.Settings\).Setting inside a loop .*\[medium: .*only on a cache miss or in some implementations`
		w.Write([]byte(v))
	}
}

func (h *Handler) Visible(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		if on, _ := h.flags.Flag(r.Context(), "show:"+id); on { // want `\(web.Flags\).Flag inside a loop .*\[medium: .*only on a cache miss or in some implementations`
			w.Write([]byte(id))
		}
	}
}

// The same reads through a concrete type that holds the interface.
func (h *Handler) Bios(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		v, _ := h.profiles.Bio(r.Context(), id) // want `\(\*repo.Profiles\).Bio inside a loop .*\[medium: .*only on a cache miss or in some implementations`
		w.Write([]byte(v))
	}
}

func (h *Handler) Shown(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.URL.Query()["id"] {
		if h.visible.Shown(r.Context(), id) { // want `\(\*web.visibility\).Shown inside a loop .*\[medium: .*only on a cache miss or in some implementations`
			w.Write([]byte(id))
		}
	}
}
