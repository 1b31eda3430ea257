package frameworks

import (
	"net/http"

	beego "github.com/beego/beego/v2/server/web"
)

// A beego controller's receiver holds the request it serves: its Ctx.
type OrderController struct {
	beego.Controller
}

func (c *OrderController) Refund() {
	req, _ := http.NewRequest(http.MethodPost, "https://payments.example.com/refund", nil) // want `http.NewRequest drops the request's context c.Ctx.Request.Context\(\).*use http.NewRequestWithContext\(c.Ctx.Request.Context\(\), …\).*\[high`
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	c.Data["json"] = "ok"
}

// A helper method of the controller runs for the same request.
func (c *OrderController) notify(url string) {
	req, _ := http.NewRequest(http.MethodPost, url, nil) // want `use http.NewRequestWithContext\(c.Ctx.Request.Context\(\), …\)`
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}

// A type that does not embed a beego controller has no request in its
// receiver.
type worker struct{ Ctx *beego.Controller }

func (w *worker) Run() {
	req, _ := http.NewRequest(http.MethodGet, "https://example.com/poll", nil) // no context in scope: not reported
	resp, err := http.DefaultClient.Do(req)
	if err == nil {
		resp.Body.Close()
	}
}
