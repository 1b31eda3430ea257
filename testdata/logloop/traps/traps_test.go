package traps

import (
	"log"
	"testing"
)

func TestItems(t *testing.T) {
	for i := range 100 {
		log.Printf("case %d", i) // tests are not reported
	}
}
