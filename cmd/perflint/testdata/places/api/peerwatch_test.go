package api

import (
	"testing"

	_ "example.com/places/peerwatch"
)

func TestWithFixtures(t *testing.T) {}
