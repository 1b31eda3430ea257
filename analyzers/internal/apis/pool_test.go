package apis

import (
	"go/types"
	"testing"
)

// The tables decide what the calls of a library's packages cost: its
// internals are not followed. Kubernetes clients take their transport from
// a cache keyed by their settings, so the tables say they build no pool.
func TestPoolPackage(t *testing.T) {
	fn := func(path, name string) *types.Func {
		sig := types.NewSignatureType(nil, nil, nil, nil, nil, false)
		return types.NewFunc(0, pkg(path), name, sig)
	}
	for _, tc := range []struct {
		fn   *types.Func
		want bool
	}{
		{fn("k8s.io/client-go/rest", "RESTClientFor"), true},
		{fn("k8s.io/client-go/kubernetes", "NewForConfig"), true},
		{fn("database/sql", "Open"), true},
		{fn("github.com/minio/minio-go/v7", "New"), true},
		{fn("k8s.io/client-gone/rest", "RESTClientFor"), false},
		{fn("example.com/app/kube", "NewClient"), false},
	} {
		if got := PoolPackage(tc.fn); got != tc.want {
			t.Errorf("PoolPackage(%s) = %v, want %v", tc.fn.FullName(), got, tc.want)
		}
	}
}
