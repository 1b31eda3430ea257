package sqltext

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestRead(t *testing.T) {
	for _, tc := range []struct {
		sql       string
		unbounded bool
	}{
		{"SELECT id, name FROM users", true},
		{"select * from users order by id", true},
		{"SELECT * FROM orders WHERE user_id = $1 ORDER BY created_at", true},           // a foreign key: a list
		{"SELECT * FROM orders WHERE status = ? AND deleted_at IS NULL", true},          // MySQL style
		{"SELECT * FROM users WHERE id IN (SELECT user_id FROM t LIMIT 1)", true},       // the LIMIT bounds the subquery only
		{"WITH recent AS (SELECT * FROM t) SELECT * FROM recent", true},                 // CTE
		{"SELECT u.id, (SELECT COUNT(*) FROM o WHERE o.uid = u.id) FROM users u", true}, // a count per row is not an aggregate query
		{"SELECT DISTINCT category FROM products", true},
		{"SELECT * FROM users LIMIT $1", false},
		{"SELECT * FROM users LIMIT ? OFFSET ?", false},
		{"SELECT * FROM users ORDER BY id LIMIT 100", false},
		{"SELECT * FROM users OFFSET 10 ROWS FETCH FIRST 10 ROWS ONLY", false},
		{"SELECT TOP 10 * FROM users", false},
		{"SELECT COUNT(*) FROM users", false},
		{"SELECT json_agg(u) FROM users u", true}, // one row holding every row
		{"SELECT COALESCE(array_to_json(array_agg(row_to_json(d))), '[]') FROM (SELECT * FROM article) d", true},
		{"SELECT COUNT(*), SUM(total) FROM orders WHERE user_id = $1", false},
		{"SELECT status, COUNT(*) FROM orders GROUP BY status", false},
		{"SELECT * FROM users WHERE id = $1", false},
		{"SELECT * FROM users u WHERE u.id = ?", false},
		{`SELECT * FROM users WHERE "email" = $1`, false},
		{"SELECT * FROM users WHERE id = ANY($1)", false},
		{"SELECT * FROM users WHERE id IN (?, ?)", false},
		{"SELECT * FROM users WHERE id = $1 OR name = $2", true}, // OR: not a key lookup
		{"INSERT INTO users (name) VALUES ($1) RETURNING id", false},
		{"UPDATE users SET name = $1", false},
		{"DELETE FROM users", false},
		{"SELECT * FROM users -- LIMIT 10", true},          // a comment is not a clause
		{"SELECT * FROM users WHERE name = 'LIMIT'", true}, // nor a string
		{"SELECT * FROM " + Hole, true},                    // a table name hole
		{"SELECT " + Hole + " FROM users", true},           // a column list hole
		{"SELECT * FROM users WHERE " + Hole, false},       // the hole may hold a LIMIT
		{"SELECT * FROM users " + Hole, false},
		{"SELECT * FROM users WHERE name = " + Hole, true}, // a value
		{"SELECT * FROM users WHERE created_at > now() - interval '1 day'", true},
		{"SELECT id::text FROM users", true},
	} {
		if got := Read(tc.sql).Unbounded(); got != tc.unbounded {
			t.Errorf("Read(%q).Unbounded() = %v, want %v (%+v)", tc.sql, got, tc.unbounded, Read(tc.sql))
		}
	}
}

const src = `package p

import (
	"fmt"
	"strings"
)

const base = "SELECT * FROM users"
const table = "orders"

func f(where string, n int, cols []string) {
	_ = base
	_ = base + " WHERE id = $1"
	_ = fmt.Sprintf("SELECT * FROM %s", table)
	_ = fmt.Sprintf("SELECT * FROM users LIMIT %d", n)
	_ = fmt.Sprintf("SELECT * FROM users WHERE %s", where)
	_ = "SELECT " + strings.Join(cols, ", ") + " FROM users"
	q := base
	if n > 0 {
		q += " LIMIT 10"
	}
	_ = q
	var p string
	_ = p
	_ = where
}
`

func TestOf(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	fn := f.Decls[len(f.Decls)-1].(*ast.FuncDecl)
	var got []string
	for _, st := range fn.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN {
			continue
		}
		s, _ := Of(info, fn.Body, as.Rhs[0])
		got = append(got, s)
	}
	want := []string{
		"SELECT * FROM users",
		"SELECT * FROM users WHERE id = $1",
		"SELECT * FROM orders",
		"SELECT * FROM users LIMIT 0",
		"SELECT * FROM users WHERE " + Hole,
		"SELECT " + Hole + " FROM users",
		"SELECT * FROM users  LIMIT 10",
		Hole,
		Hole,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d texts %q, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("text %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestSchema(t *testing.T) {
	for text, want := range map[string]bool{
		"ALTER TABLE t DETACH PARTITION \x00 CONCURRENTLY":        true,
		"  -- maintenance\n create index concurrently i on t (a)": true,
		"DROP TABLE IF EXISTS \x00":                               true,
		"VACUUM ANALYZE t":                                        true,
		"SELECT * FROM t":                                         false,
		"INSERT INTO t (a) VALUES ($1)":                           false,
		"UPDATE t SET a = 1 WHERE id = $1":                        false,
		"\x00":                                                    false,
		"":                                                        false,
	} {
		if got := Schema(text); got != want {
			t.Errorf("Schema(%q) = %v, want %v", text, got, want)
		}
	}
}
