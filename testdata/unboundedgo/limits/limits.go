// Package limits holds fan-out that is bounded: no finding.
package limits

import (
	"context"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/remeh/sizedwaitgroup"
	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"
)

func fetch(ctx context.Context, id int) error { return nil }

// errgroup with SetLimit before the loop.
func setLimit(ctx context.Context, ids []int) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(8)
	for _, id := range ids {
		g.Go(func() error { return fetch(ctx, id) })
	}
	return g.Wait()
}

type fanout struct {
	g errgroup.Group
}

func newFanout() *fanout {
	f := &fanout{}
	f.g.SetLimit(4) // the field's group is limited
	return f
}

func (f *fanout) run(ctx context.Context, ids []int) error {
	for _, id := range ids {
		f.g.Go(func() error { return fetch(ctx, id) })
	}
	return f.g.Wait()
}

// A buffered channel as a semaphore: send before go, receive in the goroutine.
func channelSemaphore(ctx context.Context, ids []int) {
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for _, id := range ids {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			fetch(ctx, id)
		}()
	}
	wg.Wait()
}

// The token form: take a token out before go, put it back in the goroutine.
func tokenSemaphore(ctx context.Context, ids []int) {
	tokens := make(chan struct{}, 4)
	for range 4 {
		tokens <- struct{}{}
	}
	for _, id := range ids {
		<-tokens
		go func() {
			defer func() { tokens <- struct{}{} }()
			fetch(ctx, id)
		}()
	}
}

// The semaphore handed to a named worker that releases it.
func semaphoreToWorker(ctx context.Context, ids []int) {
	sem := make(chan struct{}, 8)
	for _, id := range ids {
		sem <- struct{}{}
		go worker(ctx, sem, id)
	}
}

func worker(ctx context.Context, sem chan struct{}, id int) {
	defer func() { <-sem }()
	fetch(ctx, id)
}

// semaphore.Weighted.
func weighted(ctx context.Context, ids []int) error {
	sem := semaphore.NewWeighted(8)
	for _, id := range ids {
		if err := sem.Acquire(ctx, 1); err != nil {
			return err
		}
		go func() {
			defer sem.Release(1)
			fetch(ctx, id)
		}()
	}
	return sem.Acquire(ctx, 8)
}

// A sized wait group: Add blocks while its limit of goroutines runs.
func sized(ctx context.Context, jobs <-chan int) {
	swg := sizedwaitgroup.New(4)
	for id := range jobs {
		swg.Add()
		go func() {
			defer swg.Done()
			fetch(ctx, id)
		}()
	}
	swg.Wait()
}

// Fixed pools reading work from a channel.
const workers = 16

func constPool(ctx context.Context, jobs <-chan int) {
	for i := 0; i < workers; i++ {
		go func() {
			for id := range jobs {
				fetch(ctx, id)
			}
		}()
	}
}

func cpuPool(ctx context.Context, jobs <-chan int) {
	for range runtime.NumCPU() {
		go func() {
			for id := range jobs {
				fetch(ctx, id)
			}
		}()
	}
}

func gomaxprocsPool(ctx context.Context, jobs <-chan int) {
	n := runtime.GOMAXPROCS(0)
	for i := 0; i < n; i++ {
		go func() {
			for id := range jobs {
				fetch(ctx, id)
			}
		}()
	}
}

type Config struct {
	Workers int
	Shards  int
}

func configPool(ctx context.Context, cfg Config, jobs <-chan int) {
	for i := 0; i < cfg.Workers; i++ {
		go func() {
			for id := range jobs {
				fetch(ctx, id)
			}
		}()
	}
}

// One long-lived goroutine per configured shard: the count is the
// operator's, not the data's.
func perShard(ctx context.Context, cfg *Config) {
	for shard := range cfg.Shards {
		go fetch(ctx, shard)
	}
}

// A small constant collection.
func regions(ctx context.Context) {
	for _, r := range []int{1, 2, 3} {
		go fetch(ctx, r)
	}
}

// A fixed-size array.
func array(ctx context.Context, ids [4]int) {
	for _, id := range ids {
		go fetch(ctx, id)
	}
}

// Each iteration waits for its goroutine: one at a time.
func waitEach(ctx context.Context, ids []int) {
	for _, id := range ids {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); fetch(ctx, id) }()
		wg.Wait()
	}
}

func resultEach(ctx context.Context, ids []int) (errs []error) {
	for _, id := range ids {
		done := make(chan error, 1)
		go func() { done <- fetch(ctx, id) }()
		errs = append(errs, <-done) // waits: at most one goroutine at a time
	}
	return errs
}

// A polling loop paced by a ticker.
func poll(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			go fetch(ctx, 0)
		}
	}
}

// A go statement outside any loop.
func once(ctx context.Context) { go fetch(ctx, 1) }

// A literal created in a loop but run later (a route) is not in the loop.
func routes(mux *http.ServeMux, paths []string) {
	for _, p := range paths {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			go fetch(r.Context(), 0) // once per request, not per path
		})
	}
}

// One goroutine per registered hook: the hooks are code, not data
// (net/http.(*Server).Shutdown's onShutdown, os/exec's copiers).
type hooks struct{ onStop []func() }

func (h *hooks) stop() {
	for _, f := range h.onStop {
		go f()
	}
}

// A pool sized by configuration, held in a slice made with that size
// (internal/fuzz's workers).
type poolWorker struct{ jobs <-chan int }

func (w *poolWorker) run(ctx context.Context) {
	for id := range w.jobs {
		fetch(ctx, id)
	}
}

func pool(ctx context.Context, cfg Config, jobs <-chan int) {
	workers := make([]*poolWorker, cfg.Workers)
	for i := range workers {
		workers[i] = &poolWorker{jobs: jobs}
	}
	for _, w := range workers {
		go w.run(ctx)
	}
}

// A count capped with min by a constant.
func capped(ctx context.Context, ids []int, jobs <-chan int) {
	n := min(len(ids), workers)
	for range n {
		go func() {
			for id := range jobs {
				fetch(ctx, id)
			}
		}()
	}
}

// A pool sized by a parameter whose workers take jobs from a channel.
func newPool(n int, queue chan int) {
	for i := range n {
		go poolRun(i, queue)
	}
}

func poolRun(id int, queue <-chan int) {
	for range queue {
	}
}

type options struct{ size int }

func (o options) PoolSize() int { return o.size }

// A pool sized by a configuration method, workers ranging over the job channel.
func refresh(ctx context.Context, o options, jobs []int) {
	queue := make(chan int, len(jobs))
	for range o.PoolSize() {
		go func() {
			for id := range queue {
				fetch(ctx, id)
			}
		}()
	}
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
}

// One goroutine per registered destination, per message: implementations of an interface are registered by code.
type Destination interface {
	Send(ctx context.Context, msg string) error
}

type notifier struct {
	destinations []Destination
	queue        chan string
}

func (n *notifier) do(ctx context.Context) {
	var wg sync.WaitGroup
	for msg := range n.queue {
		for _, d := range n.destinations {
			wg.Add(1)
			go func() { defer wg.Done(); d.Send(ctx, msg) }()
		}
		wg.Wait()
	}
}

type cleanupQueue struct{ running, pending int }

func (q *cleanupQueue) maxGoroutines() int { return 4 }

// A count capped by a configured maximum less what already runs
// (runtime/mcleanup.go: min(q.needg.Swap(0), maxCleanupGs()-have)).
func (q *cleanupQueue) start(ctx context.Context) {
	need := min(q.pending, q.maxGoroutines()-q.running)
	for range need {
		go fetch(ctx, 0)
	}
}

// A pool of at most workers goroutines, fewer when there is less work,
// taking jobs from a channel (perflint's own internal/driver scheduler).
func poolOfMin(ctx context.Context, jobs []int, workers int) {
	queue := make(chan int, len(jobs))
	for _, j := range jobs {
		queue <- j
	}
	close(queue)
	for range min(workers, len(jobs)) {
		go func() {
			for id := range queue {
				fetch(ctx, id)
			}
		}()
	}
}

// min with a parameter is a cap, whatever each goroutine does.
func perItemMin(ctx context.Context, jobs []int, workers int) {
	for i := range min(workers, len(jobs)) {
		go fetch(ctx, jobs[i])
	}
}

// A parameter alone is no cap when it is not the bound of a pool.
func perItemParam(ctx context.Context, jobs []int, n int) {
	for i := range n {
		go fetch(ctx, jobs[i]) // want `go statement in a loop`
	}
}

// min of two data sizes is no cap.
func uncapped(ctx context.Context, a, b []int) {
	for range min(len(a), len(b)) {
		go fetch(ctx, 0) // want `go statement in a loop`
	}
}

type work struct{ todo []int }

func (w *work) runner(ctx context.Context) {}

// n identical runners sharing one queue: a pool of n, however n is set
// (cmd/internal/par.Work.Do).
func (w *work) Do(ctx context.Context, n int) {
	for i := 0; i < n-1; i++ {
		go w.runner(ctx)
	}
	w.runner(ctx)
}

var maxBackground = 4

// Helpers started up to a package-level setting (cmd/dist's bginit).
func startHelpers(ctx context.Context) {
	for i := 0; i < maxBackground; i++ {
		go fetch(ctx, 0)
	}
}

// A counted loop whose goroutines each take the i-th item: one per item.
func perItem(ctx context.Context, ids []int, n int) {
	for i := 0; i < n; i++ {
		go fetch(ctx, ids[i]) // want `go statement in a loop`
	}
}

// The goroutine takes a token before its work: the work is bounded by the
// semaphore (cmd/link's host object copies).
func tokenInside(ctx context.Context, ids []int) {
	sema := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			sema <- struct{}{}
			defer func() { <-sema; wg.Done() }()
			fetch(ctx, id)
		}()
	}
	wg.Wait()
}

func weightedInside(ctx context.Context, ids []int, sem *semaphore.Weighted) {
	for _, id := range ids {
		go func() {
			if err := sem.Acquire(ctx, 1); err != nil {
				return
			}
			defer sem.Release(1)
			fetch(ctx, id)
		}()
	}
}
