// Package lookalike uses a package named errgroup that is not the real one.
package lookalike

import "example.com/td/unboundedgo/lookalike/errgroup"

func run(ids []int) {
	var g errgroup.Group
	for _, id := range ids {
		g.Go(func() error { _ = id; return nil }) // runs in place: no goroutine
	}
}
