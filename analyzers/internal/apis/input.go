package apis

import "go/types"

// requestInput are the calls that read a request's parameters or body into
// a value or return them: what a handler's loop over them grows with.
var requestInput = func() nameSet {
	s := make(nameSet)
	s.add("net/http", "*Request", "FormValue", "PostFormValue", "FormFile", "MultipartReader")
	s.add("net/url", "*URL", "Query")
	s.add("github.com/gin-gonic/gin", "*Context", "Bind", "BindJSON", "BindQuery", "ShouldBind", "ShouldBindJSON",
		"ShouldBindQuery", "ShouldBindWith", "ShouldBindBodyWith", "QueryArray", "GetQueryArray", "PostFormArray",
		"GetPostFormArray", "QueryMap", "PostFormMap", "MultipartForm")
	for _, echo := range []string{"github.com/labstack/echo/v4", "github.com/labstack/echo/v5"} {
		s.add(echo, "Context", "Bind", "QueryParams", "FormParams", "MultipartForm")
	}
	for _, fiber := range []string{"github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3"} {
		s.add(fiber, "*Ctx", "BodyParser", "QueryParser", "MultipartForm")
	}
	return s
}()

// RequestInput reports whether fn reads a request's input (query string,
// form, decoded body) through the standard library or a web framework.
func RequestInput(fn *types.Func) bool { return requestInput[fn.FullName()] }

// decoders fill their pointer argument from encoded data: a request or
// response body, a message, a cached value. Configuration formats (YAML,
// TOML) are not here: what they fill is configuration.
var decoders = func() nameSet {
	s := make(nameSet)
	s.add("encoding/json", "", "Unmarshal")
	s.add("encoding/json", "*Decoder", "Decode")
	s.add("encoding/xml", "", "Unmarshal")
	s.add("encoding/xml", "*Decoder", "Decode")
	s.add("encoding/gob", "*Decoder", "Decode")
	s.add("google.golang.org/protobuf/proto", "", "Unmarshal")
	s.add("github.com/goccy/go-json", "", "Unmarshal")
	s.add("github.com/json-iterator/go", "API", "Unmarshal")
	s.add("github.com/bytedance/sonic", "", "Unmarshal")
	return s
}()

// Decoder reports whether fn decodes served data into its pointer argument.
func Decoder(fn *types.Func) bool { return decoders[fn.FullName()] }
