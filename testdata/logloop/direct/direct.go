// Package direct logs at info or debug level inside loops over data, with
// every supported logging library.
package direct

import (
	"bufio"
	"context"
	"database/sql"
	"log"
	"log/slog"
	"sync"

	"github.com/go-logr/logr"
	"github.com/rs/zerolog"
	zlog "github.com/rs/zerolog/log"
	"github.com/samber/lo"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

type Item struct {
	ID   int
	Name string
}

func Std(items []Item, l *log.Logger) {
	for _, it := range items {
		log.Printf("processing %d", it.ID) // want `log.Printf inside a loop writes a log line per iteration: I/O and allocation per item slow the loop and flood the logs; log one summary line with counts after the loop, or log per item at debug level behind a level check`
		l.Println("item", it.Name)         // want `\(\*log.Logger\).Println inside a loop writes a log line per iteration`
	}
}

func Slog(ctx context.Context, items []Item, logger *slog.Logger) {
	for _, it := range items {
		slog.Info("processing", "id", it.ID)               // want `slog.Info inside a loop writes a log line per iteration`
		logger.InfoContext(ctx, "processing", "id", it.ID) // want `\(\*slog.Logger\).InfoContext inside a loop`
		logger.Debug("detail", "item", it)                 // want `debug log \(\*slog.Logger\).Debug inside a loop builds its arguments on every iteration even when debug is off`
		logger.Log(ctx, slog.LevelInfo, "x")               // want `\(\*slog.Logger\).Log inside a loop`
		logger.Log(ctx, slog.LevelWarn, "x")               // warn level: rare
		slog.Warn("odd item", "id", it.ID)                 // warn level
		logger.Error("bad item", "id", it.ID)              // error level
	}
}

func Zap(items []Item, logger *zap.Logger, sugar *zap.SugaredLogger) {
	for _, it := range items {
		logger.Info("processing", zap.Int("id", it.ID)) // want `\(\*zap.Logger\).Info inside a loop`
		logger.Debug("detail", zap.Int("id", it.ID))    // typed fields of values at hand: a level check when debug is off
		logger.Debug("detail", zap.Any("item", it))     // want `debug log \(\*zap.Logger\).Debug inside a loop`
		field := zap.Int("id", it.ID)
		logger.Debug("detail", field)             // want `debug log \(\*zap.Logger\).Debug inside a loop`
		sugar.Infow("processing", "id", it.ID)    // want `\(\*zap.SugaredLogger\).Infow inside a loop`
		sugar.Infof("processing %d", it.ID)       // want `\(\*zap.SugaredLogger\).Infof inside a loop`
		logger.Warn("slow", zap.Int("id", it.ID)) // warn level
	}
}

func Logrus(items []Item, logger *logrus.Logger) {
	for _, it := range items {
		logrus.Infof("processing %d", it.ID)                    // want `logrus.Infof inside a loop`
		logger.WithField("id", it.ID).Info("processing")        // want `\(\*logrus.Entry\).Info inside a loop`
		logger.WithFields(logrus.Fields{"id": it.ID}).Debug("") // want `debug log \(\*logrus.Entry\).Debug inside a loop`
		logger.WithField("id", it.ID).Error("failed")           // error level
	}
}

func Zerolog(items []Item, logger zerolog.Logger) {
	for _, it := range items {
		zlog.Info().Int("id", it.ID).Msg("processing") // want `\(\*zerolog.Event\).Msg inside a loop writes a log line per iteration`
		logger.Debug().Str("name", it.Name).Send()     // a nil event when debug is off: nothing is built
		logger.Debug().Msgf("item %s", it.Name)        // want `debug log \(\*zerolog.Event\).Msgf inside a loop`
		zlog.Error().Int("id", it.ID).Msg("failed")    // error level
	}
}

func Klog(items []Item) {
	for _, it := range items {
		klog.Infof("processing %d", it.ID)      // want `klog.Infof inside a loop`
		klog.V(4).InfoS("detail", "id", it.ID)  // want `debug log \(klog.Verbose\).InfoS inside a loop`
		klog.ErrorS(nil, "failed", "id", it.ID) // error level
		klog.Warningf("odd %d", it.ID)          // warning level
	}
}

func Logr(items []Item, logger logr.Logger) {
	for _, it := range items {
		logger.Info("processing", "id", it.ID) // want `\(logr.Logger\).Info inside a loop`
	}
}

// Loop shapes: rows, scanner lines, maps, range-over-int, iterating callbacks,
// closures called in place, nested loops (reported once, at the inner one).
func Shapes(ctx context.Context, db *sql.DB, sc *bufio.Scanner, m map[string]int, n int, sm *sync.Map, groups [][]Item) {
	rows, _ := db.QueryContext(ctx, "SELECT id FROM t")
	for rows.Next() {
		log.Print("row") // want `log.Print inside a loop`
	}
	for sc.Scan() {
		log.Println(sc.Text()) // want `log.Println inside a loop`
	}
	for k := range m {
		log.Println(k) // want `log.Println inside a loop`
	}
	for i := range n {
		log.Println(i) // want `log.Println inside a loop`
	}
	sm.Range(func(k, v any) bool {
		log.Println(k) // want `log.Println inside a loop`
		return true
	})
	lo.ForEach([]int{1, 2, 3, 4, 5, 6, 7, 8, 9}, func(x int, _ int) {
		log.Println(x) // want `log.Println inside a loop`
	})
	for _, g := range groups {
		func() {
			log.Println(len(g)) // want `log.Println inside a loop`
		}()
		for _, it := range g {
			log.Println(it.ID) // want `log.Println inside a loop`
		}
	}
}

// A log in the success branch of an error check is on the main path.
func SuccessBranch(items []Item, save func(Item) error) {
	for _, it := range items {
		if err := save(it); err == nil {
			log.Printf("saved %d", it.ID) // want `log.Printf inside a loop`
		}
	}
}

// A break inside a switch leaves the switch, not the loop.
func SwitchBreak(items []Item) {
	for _, it := range items {
		switch it.Name {
		case "":
			log.Printf("empty %d", it.ID) // want `log.Printf inside a loop`
			break
		}
	}
}

// A bool computed in the loop is not a verbosity switch.
func Found(items []Item) {
	found := false
	for _, it := range items {
		if it.ID == 7 {
			found = true
		}
		if found {
			log.Printf("after 7: %d", it.ID) // want `log.Printf inside a loop`
		}
	}
}
