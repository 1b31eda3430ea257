//go:build !race

package clientreuse_test

const raceEnabled = false
