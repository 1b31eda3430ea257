package apis

import (
	"go/types"
	"slices"
)

// Framework names the HTTP framework whose handler signature a function has.
type Framework string

const (
	NetHTTP Framework = "net/http" // also chi and gorilla/mux, which use its signature
	Gin     Framework = "gin"
	Echo    Framework = "echo"
	Fiber   Framework = "fiber"
	Beego   Framework = "beego"
)

// requestContexts are the framework types whose value, as a handler's only
// parameter, makes the function a handler and carries the request.
var requestContexts = []struct {
	pkg, name string
	fw        Framework
}{
	{"github.com/gin-gonic/gin", "Context", Gin},
	{"github.com/labstack/echo/v4", "Context", Echo},
	{"github.com/labstack/echo/v5", "Context", Echo},
	{"github.com/gofiber/fiber/v2", "Ctx", Fiber},
	{"github.com/gofiber/fiber/v3", "Ctx", Fiber},
}

// HandlerFramework reports whether a function of this signature serves HTTP
// requests: func(http.ResponseWriter, *http.Request) (net/http, chi,
// gorilla/mux, and ServeHTTP methods; or returning an error its adapter
// writes), func(*gin.Context),
// func(echo.Context) error, func(*fiber.Ctx) error, and the methods
// without parameters or results of a beego controller (a type embedding
// web.Controller), which the router calls by reflection for each request.
func HandlerFramework(sig *types.Signature) (Framework, bool) {
	params := sig.Params()
	switch params.Len() {
	case 0:
		if sig.Results().Len() == 0 && sig.Recv() != nil && BeegoController(sig.Recv().Type()) {
			return Beego, true
		}
	case 2:
		if returnsNothingOrError(sig) &&
			IsNamed(params.At(0).Type(), "net/http", "ResponseWriter") &&
			isPointerTo(params.At(1).Type(), "net/http", "Request") {
			return NetHTTP, true
		}
	case 1:
		if fw, ok := RequestContext(params.At(0).Type()); ok {
			return fw, true
		}
	}
	return "", false
}

// returnsNothingOrError reports whether sig returns nothing, or only an
// error (error, or a type of the program's that implements it, such as a
// *HandlerError carrying the status): a handler whose adapter writes the
// error it returns (func(w, r) error, turned into an http.HandlerFunc by
// the router).
func returnsNothingOrError(sig *types.Signature) bool {
	res := sig.Results()
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	return res.Len() == 0 || res.Len() == 1 && types.Implements(res.At(0).Type(), errType)
}

// RequestContext reports whether t is a web framework's request context
// (*gin.Context, echo.Context, *fiber.Ctx).
func RequestContext(t types.Type) (Framework, bool) {
	for _, rc := range requestContexts {
		if IsNamed(t, rc.pkg, rc.name) {
			return rc.fw, true
		}
	}
	return "", false
}

// beegoControllers are the controller types beego's router dispatches to.
var beegoControllers = [][2]string{
	{"github.com/beego/beego/v2/server/web", "Controller"},
	{"github.com/astaxie/beego", "Controller"},
}

// BeegoController reports whether t (or what it points to) is a struct
// that embeds a beego controller, directly or through a base controller of
// the application's: its action methods serve requests, and its Ctx holds
// the request being served.
func BeegoController(t types.Type) bool { return embedsController(t, 3) }

func embedsController(t types.Type, depth int) bool {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || depth == 0 {
		return false
	}
	for f := range st.Fields() {
		if !f.Embedded() {
			continue
		}
		for _, c := range beegoControllers {
			if IsNamed(f.Type(), c[0], c[1]) {
				return true
			}
		}
		if embedsController(f.Type(), depth-1) {
			return true
		}
	}
	return false
}

// IsRequest reports whether t is *http.Request.
func IsRequest(t types.Type) bool { return isPointerTo(t, "net/http", "Request") }

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool { return IsNamed(t, "context", "Context") }

func isPointerTo(t types.Type, pkg, name string) bool {
	_, ok := t.(*types.Pointer)
	return ok && IsNamed(t, pkg, name)
}

// serveCalls are the calls that serve requests until the server stops:
// code that makes one is a service's start-up, however it is started.
var serveCalls = map[string]bool{
	"net/http.ListenAndServe":                         true,
	"net/http.ListenAndServeTLS":                      true,
	"net/http.Serve":                                  true,
	"net/http.ServeTLS":                               true,
	"(*net/http.Server).ListenAndServe":               true,
	"(*net/http.Server).ListenAndServeTLS":            true,
	"(*net/http.Server).Serve":                        true,
	"(*net/http.Server).ServeTLS":                     true,
	"(*google.golang.org/grpc.Server).Serve":          true,
	"(*github.com/labstack/echo/v4.Echo).Start":       true,
	"(*github.com/labstack/echo/v4.Echo).StartTLS":    true,
	"(*github.com/labstack/echo/v4.Echo).StartServer": true,
	"(*github.com/gin-gonic/gin.Engine).Run":          true,
	"(*github.com/gin-gonic/gin.Engine).RunTLS":       true,
	"(*github.com/gofiber/fiber/v2.App).Listen":       true,
	"(*github.com/gofiber/fiber/v2.App).ListenTLS":    true,
	"(*github.com/gofiber/fiber/v2.App).Listener":     true,
}

// Serves reports whether fn serves requests until its server stops
// (http.ListenAndServe, (*grpc.Server).Serve, a framework's Run or Start).
func Serves(fn *types.Func) bool {
	return fn != nil && serveCalls[fn.FullName()]
}

// ContextPackage reports whether path is the context package, or the
// golang.org/x/net/context package that older code imports for it (its
// functions return the standard ones).
func ContextPackage(path string) bool {
	return path == "context" || path == "golang.org/x/net/context"
}

// ContextFunc reports whether fn is one of the context package's
// functions names (Background, WithTimeout, …), by either import path.
func ContextFunc(fn *types.Func, names ...string) bool {
	return fn != nil && fn.Pkg() != nil && ContextPackage(fn.Pkg().Path()) && slices.Contains(names, fn.Name())
}
