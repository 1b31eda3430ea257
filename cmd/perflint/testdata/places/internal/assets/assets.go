// Package assets embeds files that go generate downloads.
package assets

//go:generate go run ./fetcher

// Version is the downloaded player's version.
const Version = "1.0"
