// Package fanout holds unbounded fan-out: one goroutine per item.
package fanout

import (
	"bufio"
	"context"
	"database/sql"
	"io"
	"iter"
	"sync"

	"github.com/samber/lo"
	"golang.org/x/sync/errgroup"
)

func fetch(ctx context.Context, id int) error { return nil }

func rangeSlice(ctx context.Context, ids []int) {
	for _, id := range ids {
		go fetch(ctx, id) // want `go statement in a loop over a slice starts one goroutine per item with no limit`
	}
}

func rangeMap(ctx context.Context, m map[string]int) {
	var wg sync.WaitGroup
	for _, id := range m {
		wg.Add(1)
		go func() { // want `go statement in a loop over a map`
			defer wg.Done()
			fetch(ctx, id)
		}()
	}
	wg.Wait() // waits for all of them, after starting all of them: no limit
}

func rangeChannel(ctx context.Context, jobs <-chan int) {
	for id := range jobs {
		go fetch(ctx, id) // want `go statement in a loop over a channel`
	}
}

func rows(ctx context.Context, db *sql.DB) error {
	rs, err := db.QueryContext(ctx, "SELECT id FROM t")
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		var id int
		if err := rs.Scan(&id); err != nil {
			return err
		}
		go fetch(ctx, id) // want `go statement in a loop over the rows of \(\*sql.Rows\).Next`
	}
	return rs.Err()
}

func scanner(ctx context.Context, r io.Reader) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		go func() { _ = line }() // want `go statement in a loop over the rows of \(\*bufio.Scanner\).Scan`
	}
}

func rangeFunc(ctx context.Context, seq iter.Seq[int]) {
	for id := range seq {
		go fetch(ctx, id) // want `go statement in a loop over an iterator`
	}
}

func countFromData(ctx context.Context, ids []int) {
	for i := 0; i < len(ids); i++ {
		go fetch(ctx, ids[i]) // want `go statement in a loop over a count set at run time`
	}
}

func errgroupNoLimit(ctx context.Context, ids []int) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, id := range ids {
		g.Go(func() error { return fetch(ctx, id) }) // want `errgroup.Group.Go in a loop over a slice .*call SetLimit\(n\) on the group before the loop`
	}
	return g.Wait()
}

func otherGroupLimited(ctx context.Context, ids []int) error {
	var limited, g errgroup.Group
	limited.SetLimit(4) // a different group: g has no limit
	for _, id := range ids {
		g.Go(func() error { return fetch(ctx, id) }) // want `errgroup.Group.Go in a loop`
	}
	return g.Wait()
}

func waitGroupGo(ctx context.Context, ids []int) {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() { fetch(ctx, id) }) // want `sync.WaitGroup.Go in a loop over a slice .*a WaitGroup has no limit`
	}
	wg.Wait()
}

func loForEach(ctx context.Context, ids []int) {
	lo.ForEach(ids, func(id int, _ int) {
		go fetch(ctx, id) // want `go statement in a loop over the items of lo.ForEach`
	})
}

func receiveLoop(ctx context.Context, jobs <-chan int) {
	for {
		select {
		case <-ctx.Done():
			return
		case id := <-jobs:
			go fetch(ctx, id) // want `go statement in a loop over received messages.*\[medium: the loop goes over the messages of a channel; messages arrive over time`
		}
	}
}

type server struct {
	workers int
}

// A fixed pool inside a loop over data is still one pool per item.
func (s *server) poolPerBatch(ctx context.Context, batches [][]int) {
	for _, b := range batches {
		for i := 0; i < s.workers; i++ {
			go fetch(ctx, b[i]) // want `go statement in a loop over a slice`
		}
	}
}

// A semaphore channel that the goroutine never releases is not a limit
// this check can see: the send is before the go statement but the
// goroutine does not use the channel.
func notASemaphore(ctx context.Context, ids []int, progress chan<- int) {
	for _, id := range ids {
		progress <- id
		go func() { fetch(ctx, id) }() // want `go statement in a loop over a slice`
	}
}

// Counting to the length of the data is one goroutine per item, channel or
// not.
func perItemWithChannel(ctx context.Context, ids []int, out chan<- int) {
	for i := 0; i < len(ids); i++ {
		go func() { out <- ids[i] }() // want `go statement in a loop over a count set at run time`
	}
}

// Values of type any or error are data, not registered implementations.
func anySlice(ctx context.Context, items []any) {
	for _, it := range items {
		go func() { _ = it }() // want `go statement in a loop over a slice`
	}
}

// The loop starts the first matching item's worker and returns: one
// goroutine per call, not one per item.
func startFirst(ctx context.Context, ids []int) bool {
	for _, id := range ids {
		if id < 0 {
			continue
		}
		go fetch(ctx, id)
		return true
	}
	return false
}

// A break after a fixed pair: two goroutines, once.
func startPair(ctx context.Context, ids []int) {
	for _, id := range ids {
		go fetch(ctx, id)
		go fetch(ctx, -id)
		break
	}
}

// Trap: the return is conditional, so every other item starts one.
func startUntil(ctx context.Context, ids []int) {
	for _, id := range ids {
		go fetch(ctx, id) // want `go statement in a loop over a slice`
		if id == 0 {
			return
		}
	}
}

// Trap: the break leaves the switch, not the loop.
func startEach(ctx context.Context, ids []int, mode int) {
	for _, id := range ids {
		switch mode {
		case 1:
			if id > 0 {
				go fetch(ctx, id) // want `go statement in a loop over a slice`
				break
			}
		}
	}
}
