package bindings

// Request: https://fetch.spec.whatwg.org/#request-class

import (
	"strings"

	"github.com/dop251/goja"
)

// request is the state of a Request.
type request struct {
	body
	method   string
	url      string
	hdr      *headers
	redirect string
	signal   *abortSignal
	cf       requestCF
	cache    string // "" (undefined), "no-store" or "no-cache"
}

func (r *request) bodyState() *body      { return &r.body }
func (r *request) headerState() *headers { return r.hdr }

// installRequest defines the Request class.
func (rl *Realm) installRequest() {
	c := rl.newClass("Request", rl.bodyClass, func(call goja.FunctionCall) {
		rl.attach(call.This.(*goja.Object), rl.constructRequest(call.Argument(0), call.Argument(1)))
	})
	rl.bodyOnPrototypeOnly(c)
	rl.requestClass = c
	c.method("clone", func(call goja.FunctionCall) goja.Value {
		r := thisState[request](rl, call)
		cp := *r
		cp.body = rl.cloneBody(&r.body)
		cp.hdr = r.hdr.clone()
		return c.instance(&cp)
	})
	get := stateGetter[request](rl, c)
	get("method", func(r *request) goja.Value { return rl.vm.ToValue(r.method) })
	get("url", func(r *request) goja.Value { return rl.vm.ToValue(r.url) })
	get("headers", func(r *request) goja.Value { return rl.headersOf(r.hdr) })
	get("redirect", func(r *request) goja.Value { return rl.vm.ToValue(r.redirect) })
	get("fetcher", func(*request) goja.Value { return goja.Null() })
	get("signal", func(r *request) goja.Value {
		if r.signal == nil {
			r.signal = rl.newAbortSignal()
		}
		return r.signal.obj
	})
	get("cf", func(r *request) goja.Value { return r.cf.get(rl) })
	// Subrequest integrity is not implemented in workerd either: the
	// attribute is always empty, and keepalive always false.
	get("integrity", func(*request) goja.Value { return rl.vm.ToValue("") })
	get("keepalive", func(*request) goja.Value { return rl.vm.ToValue(false) })
	get("cache", func(r *request) goja.Value {
		if r.cache == "" {
			return goja.Undefined()
		}
		return rl.vm.ToValue(r.cache)
	})
	c.constructorLast()
}

// standardMethods are normalized to upper case, as the Fetch standard says.
var standardMethods = []string{"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH"}

// constructRequest implements new Request(input, init).
func (rl *Realm) constructRequest(input, initV goja.Value) *request {
	r := &request{method: "GET", redirect: "follow", hdr: &headers{}, body: body{null: true}}
	if src := stateOf[request](rl, input); src != nil {
		cp := *src
		r = &cp
		r.hdr = src.hdr.clone()
	} else {
		r.url = rl.parseURL(input.String(), "Invalid URL: ")
	}
	init, _ := initV.(*goja.Object)
	if init != nil {
		rl.applyRequestInit(r, init)
	}
	return r
}

// applyRequestInit reads the members of a RequestInit.
func (rl *Realm) applyRequestInit(r *request, init *goja.Object) {
	if m := init.Get("method"); m != nil && !goja.IsUndefined(m) {
		r.method = normalizeMethod(m.String())
		if !isToken(r.method) || r.method == "" {
			rl.throwTypeError("Invalid HTTP method string: " + m.String())
		}
	}
	if h := init.Get("headers"); h != nil && !goja.IsUndefined(h) {
		r.hdr = &headers{}
		rl.fillHeaders(r.hdr, h)
	}
	if cf := init.Get("cf"); cf != nil && !goja.IsUndefined(cf) {
		r.cf = requestCF{value: cf}
	}
	if rd := init.Get("redirect"); rd != nil && !goja.IsUndefined(rd) {
		r.redirect = rd.String()
	}
	if cm := init.Get("cache"); cm != nil && !goja.IsUndefined(cm) {
		switch mode := cm.String(); mode {
		case "no-store", "no-cache":
			r.cache = mode
		default:
			rl.throwTypeError("Unsupported cache mode: " + mode)
		}
	}
	if in := init.Get("integrity"); in != nil && !goja.IsUndefined(in) && in.String() != "" {
		rl.throwTypeError("Subrequest integrity checking is not implemented. The integrity option must be either undefined or an empty string.")
	}
	if sv := init.Get("signal"); sv != nil && !goja.IsUndefined(sv) && !goja.IsNull(sv) {
		if r.signal = rl.signalOf(sv); r.signal == nil {
			rl.throwTypeError("Failed to construct 'Request': member signal is not of type AbortSignal.")
		}
	}
	if b := init.Get("body"); b != nil && !goja.IsUndefined(b) && !goja.IsNull(b) {
		if r.method == "GET" || r.method == "HEAD" {
			rl.throwTypeError("Request with a GET or HEAD method cannot have a body.")
		}
		var contentType string
		r.body, contentType = rl.extractBody(b)
		if _, has := r.hdr.get("content-type"); !has && contentType != "" {
			r.hdr.append("content-type", contentType)
		}
	}
}

// normalizeMethod upper-cases the standard methods only.
func normalizeMethod(m string) string {
	for _, s := range standardMethods {
		if strings.EqualFold(m, s) {
			return s
		}
	}
	return m
}
