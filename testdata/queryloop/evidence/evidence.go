// Package evidence ranks round-trips in loops by what the loop goes over:
// rows of a query or the request's input (high), a parameter or decoded
// bytes (medium), configuration, arguments and the program's own tables
// (low).
package evidence

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"os"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type Order struct{ ID, CustomerID int }

// A query per row of another query, in a job no handler is seen to run:
// what the rows are decides how hot it is.
func PerRow(ctx context.Context, db *sql.DB) {
	var ids []int
	rows, _ := db.QueryContext(ctx, "SELECT id FROM orders")
	for rows.Next() {
		var id int
		_ = rows.Scan(&id)
		db.ExecContext(ctx, "UPDATE orders SET seen = true WHERE id = $1", id) // want `round-trip per row written.*\[medium: the loop goes over the rows of a query, in code no request path is shown to run`
		ids = append(ids, id)
	}
	rows.Close()
}

func loadOrders(ctx context.Context, db *sql.DB) []Order {
	var out []Order
	rows, _ := db.QueryContext(ctx, "SELECT id, customer_id FROM orders LIMIT 100")
	defer rows.Close()
	for rows.Next() {
		var o Order
		_ = rows.Scan(&o.ID, &o.CustomerID)
		out = append(out, o)
	}
	return out
}

type server struct{ db *sql.DB }

// The slice a querying helper returns is rows too; on the request path a
// query per row is what the user waits for, but how many rows one request
// reads (a page, a user's few, a whole table) is not shown.
func (s *server) FromHelper(w http.ResponseWriter, r *http.Request) {
	ctx, db := r.Context(), s.db
	orders := loadOrders(ctx, db)
	for _, o := range orders {
		db.QueryRowContext(ctx, "SELECT name FROM customers WHERE id = $1", o.CustomerID) // want `\[medium: the loop goes over the rows of a query; how many rows one request reads is not shown\]`
	}
}

// A handler that returns an error for its router's adapter to write
// serves requests too.
func (s *server) Lookup(w http.ResponseWriter, r *http.Request) error {
	for _, id := range r.URL.Query()["id"] {
		if err := s.db.QueryRowContext(r.Context(), "SELECT 1 FROM orders WHERE id = $1", id).Err(); err != nil { // want `\[high: the loop goes over the request's input\]`
			return err
		}
	}
	return nil
}

type bulkRequest struct{ IDs []int }

// The request's bound body is served data.
func Bound(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req bulkRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			return
		}
		for _, id := range req.IDs {
			db.ExecContext(c, "DELETE FROM orders WHERE id = $1", id) // want `\[high: the loop goes over the request's input\]`
		}
	}
}

// Query string values are the request's input.
func Query(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for _, id := range r.URL.Query()["id"] {
			db.QueryRowContext(r.Context(), "SELECT 1 FROM orders WHERE id = $1", id) // want `\[high: the loop goes over the request's input\]`
		}
	}
}

// A parameter: its callers decide, and none is seen.
func SaveAll(ctx context.Context, db *sql.DB, orders []Order) {
	for _, o := range orders {
		db.ExecContext(ctx, "INSERT INTO orders VALUES ($1, $2)", o.ID, o.CustomerID) // want `\[low: the loop goes over parameter orders, whose size its callers decide\]`
	}
}

// A parameter of a function a handler of the package runs, passing it
// its decoded request.
func saveLines(ctx context.Context, db *sql.DB, lines []Order) {
	for _, l := range lines {
		db.ExecContext(ctx, "INSERT INTO lines VALUES ($1, $2)", l.ID, l.CustomerID) // want `\[high: the loop goes over parameter lines, and a caller passes the request's decoded body \(func literal in CreateOrder\)\]`
	}
}

func CreateOrder(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var lines []Order
		_ = json.NewDecoder(r.Body).Decode(&lines)
		saveLines(r.Context(), db, lines)
	}
}

// An element of an outer loop refilled by a query is still the outer
// loop's item: what that loop goes over decides.
func Upsert(ctx context.Context, db *sql.DB, cfg *ReplicaConfig) {
	for _, dsn := range cfg.DSNs {
		_ = db.QueryRowContext(ctx, "SELECT dsn FROM replicas WHERE dsn = $1", dsn).Scan(&dsn) // want `\[low: the loop goes over configuration`
	}
}

// Bytes decoded into a value may be a request or a stored setting.
func Decoded(ctx context.Context, db *sql.DB, payload []byte) {
	var orders []Order
	_ = json.Unmarshal(payload, &orders)
	for _, o := range orders {
		db.ExecContext(ctx, "INSERT INTO orders VALUES ($1, $2)", o.ID, o.CustomerID) // want `\[medium: the loop goes over decoded data, from a request or from storage\]`
	}
}

// Configuration: one round-trip per configured entry, not per request.
type ReplicaConfig struct {
	DSNs   []string
	Tables []string
}

func Warm(ctx context.Context, db *sql.DB, cfg *ReplicaConfig) {
	for _, table := range cfg.Tables {
		db.ExecContext(ctx, "DELETE FROM "+table+" WHERE expired") // want `\[low: the loop goes over configuration, not over data the program serves\]`
	}
}

// Command-line arguments.
func Args(ctx context.Context, db *sql.DB) {
	for _, name := range os.Args[1:] {
		db.ExecContext(ctx, "DELETE FROM jobs WHERE name = $1", name) // want `\[low: the loop goes over command-line arguments, not over data the program serves\]`
	}
}

// A table the program keeps in a package variable, filled by its
// packages' registrations.
var cleanupStatements []string

// RegisterCleanup adds a statement to run on every cleanup.
func RegisterCleanup(stmt string) { cleanupStatements = append(cleanupStatements, stmt) }

func Cleanup(ctx context.Context, db *sql.DB) {
	for _, stmt := range cleanupStatements {
		db.ExecContext(ctx, stmt) // want `\[low: the loop goes over a package-level table, not over data the program serves\]`
	}
}

type store struct{ db *sql.DB }

// Nothing shows where the items come from, and no handler runs it.
func (s *store) touch(ctx context.Context, pending func() []int) {
	for _, id := range pending() {
		s.db.ExecContext(ctx, "UPDATE orders SET touched = now() WHERE id = $1", id) // want `\[low: neither the loop's data nor a request path is shown\]`
	}
}

func (s *store) Touch(ctx context.Context, pending func() []int) { s.touch(ctx, pending) }

type Template struct {
	ID    int
	Joins []string
}

// A collection held by one stored record is bounded by that record.
func Export(db *gorm.DB, id int) {
	var t Template
	db.First(&t, id)
	for _, table := range t.Joins {
		var n int64
		db.Table(table).Count(&n) // want `\[low: the loop goes over a field of one stored record, not over data the program serves\]`
	}
}

// The rows a list fetch fills are served data.
func Recount(db *gorm.DB) {
	var templates []Template
	db.Find(&templates)
	for _, t := range templates {
		db.Model(&Template{}).Where("id = ?", t.ID).Update("joins", len(t.Joins)) // want `\[medium: the loop goes over the rows of a query, in code`
	}
}

type Node struct {
	ID       int
	Children []Node
}

// A tree loaded with a query per node: one finding, at the recursive call.
func (s *store) loadChildren(ctx context.Context, n *Node) error {
	rows, err := s.db.QueryContext(ctx, "SELECT id FROM nodes WHERE parent = $1", n.ID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var c Node
		_ = rows.Scan(&c.ID)
		n.Children = append(n.Children, c)
	}
	rows.Close()
	for i := range n.Children {
		if err := s.loadChildren(ctx, &n.Children[i]); err != nil { // want `\(\*evidence.store\).loadChildren inside a loop makes a database round-trip per iteration`
			return err
		}
	}
	return nil
}

// The callers' loops over the loader add the same cause again: not reported.
func (s *store) Tree(ctx context.Context) ([]Node, error) {
	var roots []Node
	rows, _ := s.db.QueryContext(ctx, "SELECT id FROM nodes WHERE parent IS NULL")
	for rows.Next() {
		var n Node
		_ = rows.Scan(&n.ID)
		roots = append(roots, n)
	}
	rows.Close()
	for i := range roots {
		if err := s.loadChildren(ctx, &roots[i]); err != nil {
			return nil, err
		}
	}
	return roots, nil
}

type lock struct{ ID, OwnerID int }

type lockRequest struct{ Locks []lock }

// A lookup the loop memoizes in a map runs once per distinct key: the
// few owners of the items, not one per item.
func Owners(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req lockRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			return
		}
		names := make(map[int]string)
		for _, l := range req.Locks {
			name, ok := names[l.OwnerID]
			if !ok {
				_ = db.QueryRowContext(c, "SELECT name FROM users WHERE id = $1", l.OwnerID).Scan(&name) // want `\[medium: the loop goes over the request's input; the call runs only when map names has no entry for the key, and the loop stores into it: one round-trip per distinct key\]`
				names[l.OwnerID] = name
			}
			c.String(http.StatusOK, name)
		}
	}
}

// The same memo, written as a skip on a hit.
func OwnersSkip(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req lockRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			return
		}
		names := make(map[int]string)
		for _, l := range req.Locks {
			if name, ok := names[l.OwnerID]; ok {
				c.String(http.StatusOK, name)
				continue
			}
			var name string
			_ = db.QueryRowContext(c, "SELECT name FROM users WHERE id = $1", l.OwnerID).Scan(&name) // want `\[medium: .*one round-trip per distinct key\]`
			names[l.OwnerID] = name
		}
	}
}

// Traps: a lookup that never stores what it fetched, and a map made afresh
// in each iteration, remember nothing: a round-trip per item.
func OwnersNoStore(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req lockRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			return
		}
		known := make(map[int]string)
		for _, l := range req.Locks {
			name, ok := known[l.OwnerID]
			if !ok {
				_ = db.QueryRowContext(c, "SELECT name FROM users WHERE id = $1", l.OwnerID).Scan(&name) // want `\[high: the loop goes over the request's input\]`
			}
			c.String(http.StatusOK, name)
		}
	}
}

func OwnersFresh(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req lockRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			return
		}
		for _, l := range req.Locks {
			names := make(map[int]string)
			name, ok := names[l.OwnerID]
			if !ok {
				_ = db.QueryRowContext(c, "SELECT name FROM users WHERE id = $1", l.OwnerID).Scan(&name) // want `\[high: the loop goes over the request's input\]`
				names[l.OwnerID] = name
			}
			c.String(http.StatusOK, name)
		}
	}
}

// A batch the handler validates to at most 100 items: a bounded N+1.
func BoundedBatch(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req bulkRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			return
		}
		if len(req.IDs) > 100 {
			c.AbortWithStatus(http.StatusBadRequest)
			return
		}
		for _, id := range req.IDs {
			db.ExecContext(c, "DELETE FROM orders WHERE id = $1", id) // want `\[medium: the loop goes over the request's input; but a check before the loop rejects more than 100 items\]`
		}
	}
}

// At most a handful: the loop is not hot.
func SmallBatch(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req bulkRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			return
		}
		if 5 < len(req.IDs) {
			panic("too many")
		}
		for i := 0; i < len(req.IDs); i++ {
			db.ExecContext(c, "DELETE FROM orders WHERE id = $1", req.IDs[i]) // want `\[low: the loop goes over the request's input; but a check before the loop rejects more than 5 items\]`
		}
	}
}

// Traps: a check that only logs, and one on another list, cap nothing.
func UncappedBatch(db *sql.DB) gin.HandlerFunc {
	return func(c *gin.Context) {
		var req, other bulkRequest
		if err := c.ShouldBindJSON(&req); err != nil {
			return
		}
		if len(req.IDs) > 100 {
			c.Header("X-Warning", "large batch")
		}
		if len(other.IDs) > 100 {
			return
		}
		for _, id := range req.IDs {
			db.ExecContext(c, "DELETE FROM orders WHERE id = $1", id) // want `\[high: the loop goes over the request's input\]`
		}
	}
}
