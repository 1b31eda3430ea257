// Package testonly holds only tests: nothing in it is reported.
package testonly
