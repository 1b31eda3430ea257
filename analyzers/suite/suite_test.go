package suite_test

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/analyzers/suite"
	"github.com/perflint/perflint/internal/driver"
)

// The analyzer set must be valid for every driver: unique names, acyclic
// requirements, fact types declared.
func TestValidate(t *testing.T) {
	if err := analysis.Validate(suite.Analyzers()); err != nil {
		t.Fatal(err)
	}
}

// An analyzer's name is a forever API: its directory, its package, its
// //nolint token and its flag prefix. Its doc shows a bad and a good example.
func TestNamesAndDocs(t *testing.T) {
	seen := make(map[string]bool)
	for _, a := range suite.Analyzers() {
		if seen[a.Name] {
			t.Errorf("duplicate analyzer %s", a.Name)
		}
		seen[a.Name] = true
		if _, err := os.Stat(filepath.Join("..", a.Name, "doc.go")); err != nil {
			t.Errorf("analyzer %s: no analyzers/%s/doc.go", a.Name, a.Name)
		}
		if !strings.Contains(a.Doc, "Bad:") || !strings.Contains(a.Doc, "Good:") {
			t.Errorf("analyzer %s: doc lacks a Bad: and a Good: example", a.Name)
		}
		if a.URL == "" {
			t.Errorf("analyzer %s: no URL", a.Name)
		}
	}
}

// Facts cross process boundaries under go vet and Bazel nogo, gob-encoded:
// every fact type must survive the trip with its fields intact.
func TestFactsRoundTripThroughGob(t *testing.T) {
	for _, a := range driver.RequiredOrder(suite.Analyzers()) {
		for _, fact := range a.FactTypes {
			typ := reflect.TypeOf(fact).Elem()
			orig := reflect.New(typ)
			fill(orig.Elem())
			gob.Register(orig.Interface())
			var buf bytes.Buffer
			var in analysis.Fact = orig.Interface().(analysis.Fact)
			if err := gob.NewEncoder(&buf).Encode(&in); err != nil {
				t.Errorf("%s: encoding %T: %v", a.Name, fact, err)
				continue
			}
			var out analysis.Fact
			if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
				t.Errorf("%s: decoding %T: %v", a.Name, fact, err)
				continue
			}
			if !reflect.DeepEqual(in, out) {
				t.Errorf("%s: %T changed in a gob round-trip: %v became %v", a.Name, fact, in, out)
			}
		}
	}
}

// fill sets every field of v to a non-zero value.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x → y")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(7)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i))
		}
		v.Set(s)
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i))
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k := reflect.New(v.Type().Key()).Elem()
		fill(k)
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(p.Elem())
		v.Set(p)
	}
}
