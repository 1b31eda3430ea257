// Package plugin declares what plugins built in other modules call: no
// code of this module calls it.
package plugin

import "context"

// Syncer is handed to a search plugin, which calls it to index the site.
type Syncer interface {
	SyncTags(ctx context.Context) ([]string, error)
}
