package timeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/perflint/perflint/analyzers/internal/apis"
	"github.com/perflint/perflint/analyzers/internal/astx"
	"github.com/perflint/perflint/analyzers/internal/ctxscope"
	"github.com/perflint/perflint/analyzers/internal/rank"
	"github.com/perflint/perflint/analyzers/internal/summary"
	"github.com/perflint/perflint/internal/confidence"
)

// unaryRPC reports whether fn is a unary gRPC call of a generated client:
// a method taking a context, a request message and grpc.CallOptions, and
// returning a response message and an error. Streams return a stream
// client instead: they may be meant to stay open.
func unaryRPC(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || !sig.Variadic() || sig.Params().Len() != 3 || sig.Results().Len() != 2 {
		return false
	}
	if !apis.IsContext(sig.Params().At(0).Type()) || !isPointerToStruct(sig.Params().At(1).Type()) {
		return false
	}
	opts, ok := sig.Params().At(2).Type().(*types.Slice)
	if !ok || !apis.IsNamed(opts.Elem(), "google.golang.org/grpc", "CallOption") {
		return false
	}
	return isPointerToStruct(sig.Results().At(0).Type())
}

func isPointerToStruct(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = ptr.Elem().Underlying().(*types.Struct)
	return ok
}

// backgroundRPC reports whether the unary gRPC call at cur is given
// context.Background() or TODO(), where no context is in scope to pass
// instead: gRPC sets no deadline of its own, so the call waits as long as
// the server stalls. Where a context is in scope, dropping it is
// ctxflow's finding.
func (c *checker) backgroundRPC(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) bool {
	return unaryRPC(fn) && c.backgroundOutOfScope(cur, call)
}

// backgroundOutOfScope reports whether the call at cur is given
// context.Background() or TODO() as its first argument where no context
// is in scope to pass instead.
func (c *checker) backgroundOutOfScope(cur inspector.Cursor, call *ast.CallExpr) bool {
	if len(call.Args) == 0 {
		return false
	}
	if c.scope == nil {
		c.scope = ctxscope.New(c.pass.TypesInfo, c.sum.StartsDetached)
	}
	if _, inScope := c.scope.At(cur); inScope {
		return false
	}
	return ctxscope.IsBackgroundCall(c.pass.TypesInfo, call.Args[0])
}

// oauth2Sends are the golang.org/x/oauth2 calls that send a token request
// at once, through the *http.Client their context carries under
// oauth2.HTTPClient, or through http.DefaultClient, which has no timeout.
var oauth2Sends = map[string]bool{
	"(*golang.org/x/oauth2.Config).Exchange":                 true,
	"(*golang.org/x/oauth2.Config).PasswordCredentialsToken": true,
	"(*golang.org/x/oauth2.Config).DeviceAuth":               true,
	"(*golang.org/x/oauth2/clientcredentials.Config).Token":  true,
}

// backgroundTokenRequest reports whether the call at cur is an oauth2
// token request given context.Background() or TODO(), where no context is
// in scope to pass instead: the context carries no client, so the request
// goes through http.DefaultClient, and no deadline. Where a context is in
// scope, dropping it is ctxflow's finding.
func (c *checker) backgroundTokenRequest(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func) bool {
	return oauth2Sends[fn.FullName()] && c.backgroundOutOfScope(cur, call)
}

const tokenMessage = "oauth2 token request given context.Background(): with no client in the context it goes through http.DefaultClient, which has no timeout, so a stalled identity provider holds the goroutine forever; pass a context with a deadline, or one carrying a client with Timeout (context.WithValue(ctx, oauth2.HTTPClient, client))"

// An rpcCause is the package's unary gRPC calls given a context with no
// deadline: one fix covers them (a deadline helper, or a client
// interceptor that sets a default deadline), so they are one finding.
type rpcCause struct{}

const rpcMessage = "gRPC call given context.Background(): gRPC sets no deadline of its own, so a stalled server holds the goroutine, and whatever waits on it, for as long as it stalls; pass a context with a deadline (context.WithTimeout), or dial with a client interceptor that sets a default one"

// reportRPC reports the unary gRPC call at cur, sent with no deadline, as
// part of the package's one finding of that kind: high on a request path
// (a request waits on it), low when sent once while the process starts,
// medium when the package dials with client interceptors (one may set a
// deadline) or elsewhere (a job's call may be meant to run long).
func (c *checker) reportRPC(cur inspector.Cursor) {
	fn := summary.EnclosingFunc(cur)
	j := rank.Judgment{Level: confidence.High, Why: "gRPC sets no deadline of its own: the call waits as long as the server stalls"}
	_, onRequestPath := c.sum.RequestPath(fn)
	switch {
	case fn != nil && c.sum.RunsOnce(fn) && !astx.InOwnLoop(cur):
		j = rank.Judgment{Level: confidence.Low, Why: "sent once while the process starts: a hang stalls the start-up, not the requests it serves"}
	case c.dialsWithInterceptors():
		j = j.Lower("the package dials with client interceptors, and one may set a default deadline")
	case fn == nil || !onRequestPath:
		j = j.Lower("no request is shown to wait on it, and whether the call may run long (a job) is not shown")
	}
	c.rpcs.Add(rpcCause{}, analysis.Diagnostic{Pos: cur.Node().Pos(), End: cur.Node().End(), Message: rpcMessage},
		rank.Where(rank.Pass{Info: c.pass.TypesInfo, Sum: c.sum}, fn, j), "another gRPC call of this package with no deadline")
}

// clientInterceptors are the dial options that install client
// interceptors, which may give calls a default deadline.
var clientInterceptors = map[string]bool{
	"google.golang.org/grpc.WithUnaryInterceptor":      true,
	"google.golang.org/grpc.WithChainUnaryInterceptor": true,
}

// dialsWithInterceptors reports whether the package installs client
// interceptors (see clientInterceptors), looked up once.
func (c *checker) dialsWithInterceptors() bool {
	if c.interceptors == nil {
		found := false
		for _, f := range c.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && !found {
					if fn := apis.Callee(c.pass.TypesInfo, call); fn != nil && clientInterceptors[fn.FullName()] {
						found = true
					}
				}
				return !found
			})
		}
		c.interceptors = &found
	}
	return *c.interceptors
}
