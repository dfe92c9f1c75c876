package bindings

// Response: https://fetch.spec.whatwg.org/#response-class, with workerd's
// rules for WebSocket handshakes (src/workerd/api/http.c++).

import (
	"net/http"

	"github.com/dop251/goja"
)

// response is the state of a Response.
type response struct {
	body
	status     int
	statusText string
	hdr        *headers
	webSocket  goja.Value // nil when the response carries no socket
	url        string
	redirected bool
	isError    bool
	cf         goja.Value // the init's cf, or nil
	// manualEncoding is encodeBody: "manual": the body is already in its
	// Content-Encoding, so the host sends it as it is.
	manualEncoding bool
}

func (r *response) bodyState() *body      { return &r.body }
func (r *response) headerState() *headers { return r.hdr }

// installResponse defines the Response class.
func (rl *Realm) installResponse() {
	c := rl.newClass("Response", rl.bodyClass, func(call goja.FunctionCall) {
		rl.attach(call.This.(*goja.Object), rl.constructResponse(call.Argument(0), call.Argument(1)))
	})
	rl.responseClass = c
	get := stateGetter[response](rl, c)
	get("status", func(r *response) goja.Value { return rl.vm.ToValue(r.status) })
	get("statusText", func(r *response) goja.Value { return rl.vm.ToValue(r.statusText) })
	get("ok", func(r *response) goja.Value { return rl.vm.ToValue(r.status >= 200 && r.status <= 299) })
	get("headers", func(r *response) goja.Value { return rl.headersOf(r.hdr) })
	get("redirected", func(r *response) goja.Value { return rl.vm.ToValue(r.redirected) })
	get("url", func(r *response) goja.Value { return rl.vm.ToValue(r.url) })
	get("type", func(r *response) goja.Value {
		if r.isError {
			return rl.vm.ToValue("error")
		}
		return rl.vm.ToValue("default")
	})
	get("cf", func(r *response) goja.Value {
		if r.cf == nil {
			return goja.Undefined()
		}
		return r.cf
	})
	get("webSocket", func(r *response) goja.Value {
		if r.webSocket == nil {
			return goja.Null()
		}
		return r.webSocket
	})
	rl.bodyOnPrototypeOnly(c)
	c.method("clone", func(call goja.FunctionCall) goja.Value {
		r := thisState[response](rl, call)
		if r.webSocket != nil {
			rl.throwTypeError("Cannot clone a response to a WebSocket handshake.")
		}
		cp := *r
		cp.body = rl.cloneBody(&r.body)
		cp.hdr = r.hdr.clone()
		return c.instance(&cp)
	})
	rl.installResponseStatics(c)
}

// constructResponse implements new Response(body, init).
func (rl *Realm) constructResponse(bodyV, initV goja.Value) *response {
	r := &response{status: 200, hdr: &headers{}}
	init, _ := initV.(*goja.Object)
	if init != nil {
		if s := init.Get("status"); s != nil && !goja.IsUndefined(s) {
			r.status = int(s.ToInteger())
		}
		if cf := init.Get("cf"); cf != nil && !goja.IsUndefined(cf) {
			r.cf = cf
		}
		if eb := init.Get("encodeBody"); eb != nil && !goja.IsUndefined(eb) {
			switch eb.String() {
			case "manual":
				r.manualEncoding = true
			case "automatic":
			default:
				rl.throwTypeError("encodeBody must be either 'automatic' or 'manual'")
			}
		}
		if st := init.Get("statusText"); st != nil && !goja.IsUndefined(st) {
			r.statusText = st.String()
			for i := 0; i < len(r.statusText); i++ {
				if c := r.statusText[i]; c < 0x20 && c != '\t' || c == 0x7f {
					rl.throwTypeError("Invalid statusText")
				}
			}
		}
		if ws := init.Get("webSocket"); ws != nil && !goja.IsUndefined(ws) && !goja.IsNull(ws) {
			if !rl.isWebSocket(ws) {
				rl.throwTypeError("Failed to construct 'Response': member webSocket is not of type WebSocket.")
			}
			r.webSocket = ws
		}
		rl.fillHeaders(r.hdr, init.Get("headers"))
	}
	rl.checkResponseStatus(r)
	b, contentType := rl.extractBody(bodyV)
	if !b.null && nullBodyStatus(r.status) {
		if len(b.data) > 0 {
			rl.throwTypeError("Response with null body status (101, 204, 205, or 304) cannot have a body.")
		}
		b = body{null: true}
	}
	r.body = b
	if _, has := r.hdr.get("content-type"); !has && contentType != "" {
		r.hdr.append("content-type", contentType)
	}
	return r
}

// checkResponseStatus applies workerd's status rules for WebSockets.
func (rl *Realm) checkResponseStatus(r *response) {
	if r.webSocket != nil {
		if r.status != http.StatusSwitchingProtocols {
			rl.throwRangeError("Responses with a WebSocket must have status code 101.")
		}
		return
	}
	if r.status < 200 || r.status > 599 {
		rl.throwRangeError("Responses may only be constructed with status codes in the range 200 to 599, inclusive.")
	}
}

// nullBodyStatus reports the statuses whose responses have no body.
func nullBodyStatus(status int) bool {
	return status == 101 || status == 204 || status == 205 || status == 304
}

// installResponseStatics adds Response.json, Response.redirect and
// Response.error.
func (rl *Realm) installResponseStatics(c *jsClass) {
	c.staticMethod("json", func(call goja.FunctionCall) goja.Value {
		text := rl.jsonStringify(call.Argument(0))
		r := rl.constructResponse(rl.vm.ToValue(text), call.Argument(1))
		r.hdr.set("content-type", "application/json")
		return c.instance(r)
	})
	c.staticMethod("redirect", func(call goja.FunctionCall) goja.Value {
		status := 302
		if s := call.Argument(1); !goja.IsUndefined(s) {
			status = int(s.ToInteger())
		}
		switch status {
		case 301, 302, 303, 307, 308:
		default:
			rl.throwRangeError("Invalid redirect status code.")
		}
		r := &response{status: status, hdr: &headers{}, body: body{null: true}}
		r.hdr.append("location", rl.parseURL(call.Argument(0).String(), "Unable to parse URL: "))
		return c.instance(r)
	})
	c.staticMethod("error", func(call goja.FunctionCall) goja.Value {
		r := &response{status: 0, hdr: &headers{immutable: true}, body: body{null: true}, isError: true}
		return c.instance(r)
	})
}
