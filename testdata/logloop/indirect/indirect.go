// Package indirect is checked with -logloop.indirect: calls of functions
// that log count as log calls.
package indirect

import (
	"log"

	"example.com/td/logloop/helper"
)

func Loop(ids []int) {
	for _, id := range ids {
		helper.Audit(id) // want `helper.Audit inside a loop \(helper.Audit → slog.Info\) writes a log line per iteration`
		logID(id)        // want `indirect.logID inside a loop \(indirect.logID → log.Printf\) writes a log line per iteration`
		_ = helper.Quiet(id)
		log.Printf("direct %d", id) // want `log.Printf inside a loop writes a log line per iteration`
	}
}

func logID(id int) { log.Printf("id %d", id) }
