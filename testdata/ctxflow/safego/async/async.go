// Package async starts work that outlives its caller, with a recover.
package async

import "log"

// Go runs fn in a goroutine of its own and does not wait for it.
func Go(fn func()) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("recovered: %v", r)
			}
		}()
		fn()
	}()
}
