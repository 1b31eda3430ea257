package apis

import (
	"go/types"
	"testing"
)

// pkg builds a package with the given imports.
func pkg(path string, imports ...*types.Package) *types.Package {
	p := types.NewPackage(path, path)
	p.SetImports(imports)
	return p
}

func TestEmbeddedDatabase(t *testing.T) {
	sqlite := pkg("modernc.org/sqlite/lib")
	driver := pkg("github.com/glebarez/go-sqlite", sqlite)
	pq := pkg("github.com/lib/pq")
	redis := pkg("github.com/redis/go-redis/v9")
	db := pkg("example.com/app/db", driver)
	for _, tc := range []struct {
		name    string
		imports []*types.Package
		want    bool
	}{
		{"a SQLite driver, directly or not", []*types.Package{db}, true},
		{"no driver at all", []*types.Package{pkg("example.com/app/util")}, false},
		{"SQLite and Postgres", []*types.Package{db, pq}, false},
		{"SQLite and a network cache", []*types.Package{db, pkg("example.com/app/cache", redis)}, false},
		{"a path that only starts like a driver", []*types.Package{pkg("modernc.org/sqlitex")}, false},
		{"SQLite and a network database's encoding package only", []*types.Package{db, pkg("example.com/app/codec", pkg("go.mongodb.org/mongo-driver/v2/bson"))}, true},
		{"SQLite and a network database's client", []*types.Package{db, pkg("go.mongodb.org/mongo-driver/v2/mongo")}, false},
	} {
		if got := EmbeddedDatabase(tc.imports); got != tc.want {
			t.Errorf("%s: EmbeddedDatabase = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A package named for SQLite is the program's SQLite storage; a name that
// only contains the word is not.
func TestNamedForSQLite(t *testing.T) {
	for path, want := range map[string]bool{
		"example.com/app/storage/sqlite3":       true,
		"example.com/app/db/sqlite/queries":     true,
		"example.com/app/storage/postgres":      false,
		"example.com/app/sqlitebackup":          false,
		"github.com/mattn/go-sqlite3":           false,
		"example.com/app/internal/sqlite3utils": false,
	} {
		if got := NamedForSQLite(path); got != want {
			t.Errorf("NamedForSQLite(%q) = %v, want %v", path, got, want)
		}
	}
}
