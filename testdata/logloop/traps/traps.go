// Package traps holds log calls in loops that are fine.
package traps

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"k8s.io/klog/v2"
)

type Item struct {
	ID   int
	Name string
}

// Errors are rare: a log in the error branch, even one that continues.
func ErrorBranch(items []Item, save func(Item) error) {
	for _, it := range items {
		if err := save(it); err != nil {
			log.Printf("skipping %d: %v", it.ID, err) // error path, then continue
			continue
		}
		if err := save(it); errors.Is(err, io.EOF) {
			log.Printf("eof on %d", it.ID) // error predicate
		}
		if err := save(it); err == nil {
			_ = it
		} else {
			log.Printf("failed %d: %v", it.ID, err) // else of a success test
		}
	}
}

// A log on the path that leaves the loop is written once.
func Leaves(items []Item) error {
	for _, it := range items {
		if it.ID == 0 {
			log.Printf("found the end at %s", it.Name) // followed by break
			break
		}
		if it.Name == "stop" {
			log.Println("stopping") // followed by return
			return nil
		}
		if it.ID < 0 {
			log.Println("negative id") // followed by panic
			panic("negative")
		}
		if it.ID > 1e9 {
			log.Println("too large") // followed by os.Exit
			os.Exit(1)
		}
	}
	return nil
}

// Level checks around the call.
func Guarded(ctx context.Context, items []Item, logger *slog.Logger, zl *zap.Logger, lr *logrus.Logger, zr zerolog.Logger) {
	debug := logger.Enabled(ctx, slog.LevelDebug)
	for _, it := range items {
		if logger.Enabled(ctx, slog.LevelDebug) {
			logger.Debug("detail", "id", it.ID) // behind a level check
		}
		if debug {
			logger.Info("detail", "id", it.ID) // behind a level check held in a variable
		}
		if ce := zl.Check(zap.DebugLevel, "detail"); ce != nil {
			ce.Write(zap.Int("id", it.ID)) // zap's checked entry
		}
		if zl.Level().Enabled(zapcore.DebugLevel) {
			zl.Debug("detail") // zap level check
		}
		if lr.IsLevelEnabled(logrus.DebugLevel) {
			lr.Debugf("detail %d", it.ID) // logrus level check
		}
		if klog.V(4).Enabled() {
			klog.Infof("detail %d", it.ID) // klog verbosity check
		}
		if e := zr.Debug(); e.Enabled() {
			e.Int("id", it.ID).Msg("detail") // zerolog event check (and an event in a variable)
		}
	}
}

// Progress lines every thousand items.
func Progress(items []Item) {
	for i, it := range items {
		if i%1000 == 0 {
			log.Printf("progress: %d items, at %d", i, it.ID) // sampled
		}
	}
	log.Printf("done: %d items", len(items)) // after the loop: the fix
}

// Small constant collections.
func Small() {
	for _, s := range []string{"a", "b", "c"} {
		log.Printf("stage %s", s) // three stages
	}
	var shards [4]int
	for i := range shards {
		log.Printf("shard %d", i) // a fixed-size array
	}
	for i := 0; i < 3; i++ {
		log.Printf("attempt %d", i) // three attempts
	}
}

// Polling loops are paced by the clock.
func Poll(ctx context.Context) {
	t := time.NewTicker(time.Second)
	for {
		<-t.C
		log.Println("tick") // once a second
	}
}

// Event loops: one line per event is like one per request.
func Events(ctx context.Context, jobs <-chan Item) {
	for j := range jobs {
		log.Printf("job %d", j.ID) // per job received
	}
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-jobs:
			log.Printf("job %d", j.ID) // per job received
		}
	}
}

// Warn, error, fatal: rare or leaving.
func Levels(items []Item, zl *zap.Logger) {
	for _, it := range items {
		zl.Warn("odd", zap.Int("id", it.ID)) // warning
		slog.Error("bad", "id", it.ID)       // error
		if it.ID < 0 {
			log.Fatalf("bad id %d", it.ID) // leaves the process
		}
	}
}

// Writing to stderr with fmt is out of scope.
func Stderr(items []Item) {
	for _, it := range items {
		fmt.Fprintf(os.Stderr, "item %d\n", it.ID) // not a logger
	}
}

// A func literal created in a loop and run later.
func Later(items []Item) {
	for _, it := range items {
		time.AfterFunc(time.Second, func() {
			log.Printf("later %d", it.ID) // runs later
		})
	}
}

// A helper that logs, called in a loop: not reported by default (see the
// indirect package for -logloop.indirect).
func Helper(items []Item) {
	for _, it := range items {
		logItem(it) // only the log call itself is reported, by default
	}
}

func logItem(it Item) { log.Printf("item %d", it.ID) }

// Workers started in a loop log per job received, not per iteration of the
// loop that starts them.
func Workers(n int, jobs chan Item) {
	for i := range n {
		go func(worker int) {
			for j := range jobs {
				log.Printf("worker %d: job %d", worker, j.ID) // per job
			}
		}(i)
	}
}

const traceAlloc = false

// Verbosity switches set outside the loop: a constant, a parameter, a field
// (std net/rpc/server.go:298 and internal/runtime/gc/internal/gen/regalloc.go:235@go1.26).
func Switches(items []Item, logErr bool, o *Options) {
	for _, it := range items {
		if traceAlloc {
			log.Printf("alloc %+v", it) // a compile-time switch
		}
		if false {
			log.Printf("never %d", it.ID) // dead code
		}
		if logErr {
			log.Printf("bad item %d", it.ID) // a parameter switch
		}
		if o.Verbose {
			log.Printf("item %d", it.ID) // an option switch
		}
	}
}

type Options struct{ Verbose bool }

// A line per error of a list of errors is an error report, however it is
// written (cmd/go/internal/auth logs each GOAUTH error with log.Printf).
func reportErrors(errs []error) {
	for _, err := range errs {
		log.Printf("  %v", err)
	}
}
