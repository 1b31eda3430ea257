package limits

import (
	"context"
	"testing"
)

// Tests are not reported.
func TestFanout(t *testing.T) {
	for _, id := range []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10} {
		go fetch(context.Background(), id)
	}
}
