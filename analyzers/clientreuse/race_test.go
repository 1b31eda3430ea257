//go:build race

package clientreuse_test

const raceEnabled = true
