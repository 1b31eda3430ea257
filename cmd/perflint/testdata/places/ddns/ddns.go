// Package ddns updates DNS records. Its callers are in other packages:
// whether the context it is given can cancel anything is theirs to show.
package ddns

import (
	"context"
	"os/exec"
)

// Update is only ever given the program's own context (Background with a
// value): dropping it cancels nothing a caller waits on.
func Update(ctx context.Context, addr string) error {
	_ = ctx
	return exec.Command("nsupdate", addr).Run() // whole: ctxflow "\[low: .*every caller passes a context kept for an object's or the process's lifetime" // alone: ctxflow "\[medium: .*no request is shown to wait on it"
}

// Check is also given a request's context: the finding stands.
func Check(ctx context.Context, addr string) error {
	_ = ctx
	return exec.Command("dig", addr).Run() // whole: ctxflow "\[high:" // alone: ctxflow "\[medium: .*no request is shown to wait on it"
}

// Flush is called only by the package's tests: no command of the module
// runs it, so its finding has no load behind it.
func Flush(ctx context.Context, addr string) error {
	_ = ctx
	return exec.Command("rndc", "flush", addr).Run() // whole: ctxflow "\[low: .*runs in code that no command of the module calls" // alone: ctxflow "\[medium: .*no request is shown to wait on it"
}
