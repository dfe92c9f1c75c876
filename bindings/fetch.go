package bindings

// fetch(): https://fetch.spec.whatwg.org/#fetch-method as workerd implements
// it (src/workerd/api/http.c++), including the WebSocket upgrade of the
// Workers WebSockets guide.

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"workerhost/internal/config"
	"workerhost/internal/outbound"
)

// errRedirectError is workerd's TypeError for redirect: "error".
const errRedirectError = `Invalid redirect value, must be one of "follow" or "manual" ("error" won't be implemented since it does not make sense at the edge; use "manual" and check the response status code).`

// installFetch defines the fetch global.
func (rl *Realm) installFetch() {
	rl.global("fetch", rl.function("fetch", rl.fetch))
}

// fetch validates the request on the loop, performs it on a goroutine, and
// settles the promise back on the loop.
func (rl *Realm) fetch(call goja.FunctionCall) goja.Value {
	p, resolve, reject := rl.vm.NewPromise()
	resolve, reject = rl.settleInRequest(p, resolve, reject)
	var r *request
	if ex := rl.vm.Try(func() { r = rl.constructRequest(call.Argument(0), call.Argument(1)) }); ex != nil {
		_ = reject(ex.Value())
		return rl.vm.ToValue(p)
	}
	target, ok := rl.fetchTarget(r.url)
	if !ok {
		_ = reject(rl.vm.NewTypeError("Fetch API cannot load: " + r.url))
		return rl.vm.ToValue(p)
	}
	if r.redirect == "error" {
		_ = reject(rl.vm.NewTypeError(errRedirectError))
		return rl.vm.ToValue(p)
	}
	out := outbound.Request{Method: r.method, URL: target, Header: r.hdr.list, Manual: r.redirect == "manual"}
	if !r.null {
		out.Body = r.data
	}
	upgrade, _ := r.hdr.get("upgrade")
	isUpgrade := strings.EqualFold(upgrade, "websocket")
	if isUpgrade {
		out.URL = "ws" + strings.TrimPrefix(target, "http")
		_, offered := r.hdr.get("sec-websocket-extensions")
		out.Compress = offered && rl.opts.Compat.Enabled(config.FlagWebSocketCompression)
	}
	if r.signal != nil && r.signal.aborted {
		_ = reject(r.signal.reason)
		return rl.vm.ToValue(p)
	}
	if r.stream == nil {
		rl.startFetch(out, r.url, isUpgrade, r.signal, resolve, reject)
		return rl.vm.ToValue(p)
	}
	// A ReadableStream request body is read whole before sending.
	all := rl.callHelper(rl.streams.readAll, r.stream)
	rl.thenBytes(all, func(data []byte) goja.Value {
		out.Body = data
		rl.startFetch(out, r.url, isUpgrade, r.signal, resolve, reject)
		return goja.Undefined()
	})
	return rl.vm.ToValue(p)
}

// fetchTarget is the URL fetch() sends a request to, or false when fetch
// cannot load it. Only http: and https: are fetched, unless the
// fetch_treats_unknown_protocols_as_http behaviour of dates before
// 2021-11-10 is in force: then any other scheme with a host is sent as
// http:, with workerd's warning. On the loop.
func (rl *Realm) fetchTarget(raw string) (string, bool) {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return "", false
	case u.Scheme == "http" || u.Scheme == "https":
		return raw, true
	case rl.opts.Compat.Enabled(config.FlagFetchRefusesUnknownProtocols) || u.Host == "":
		return "", false
	}
	note := fmt.Sprintf("fetch() does not support the %s protocol.", strings.ToUpper(u.Scheme))
	if u.Scheme == "ws" || u.Scheme == "wss" {
		note = "Note that fetch() treats WebSockets as a special kind of HTTP request, therefore WebSockets should use 'http:'/'https:', not 'ws:'/'wss:'."
	}
	rl.logf(config.LevelWarn, "Worker passed an invalid URL to fetch(). URLs passed to fetch() must begin with either 'http:' or 'https:', not '%s:'. Due to a historical bug, any other protocol used here will be treated the same as 'http:'. We plan to correct this bug in the future, so please update your Worker to use 'http:' or 'https:' for all fetch() URLs. %s", u.Scheme, note)
	u.Scheme = "http"
	return u.String(), true
}

// startFetch performs the request on a goroutine and settles the promise
// back on the loop; an abort of sig cancels it. The response's url is
// requested, the URL as the script gave it, unless a redirect was
// followed. On the loop.
func (rl *Realm) startFetch(out outbound.Request, requested string, isUpgrade bool, sig *abortSignal, resolve, reject func(interface{}) error) {
	complete := rl.rt.Reserve()
	ctx, cancel := context.WithCancel(rl.rt.Context())
	forget := rl.cancelOnRequestEnd(cancel)
	if sig != nil {
		sig.followers = append(sig.followers, cancel)
		reject = rejectWithReason(reject, sig)
	}
	go func() {
		do := outbound.Do
		if isUpgrade {
			do = outbound.Upgrade
		}
		res, err := do(ctx, out)
		if res != nil && !isUpgrade && !res.Redirected && out.URL != requested {
			res.URL = requested // sent as http: (see fetchTarget)
		}
		if res == nil || res.Stream == nil {
			cancel() // a streamed body keeps the request until it is read
		}
		delivered := complete(func(*goja.Runtime) {
			if res == nil || res.Stream == nil {
				forget() // a streamed body stays the request's until it ends
			}
			if err != nil {
				_ = reject(rl.fetchError(out, err))
				return
			}
			_ = resolve(rl.responseFromNetwork(res, cancel))
		})
		if !delivered && res != nil {
			res.Release()
			cancel()
		}
	}()
}

// fetchError is the JS error a failed fetch rejects with, as workerd's:
// a TypeError for a redirect it cannot follow, and "Network connection
// lost." for anything else, whose real cause goes to the log. On the loop.
func (rl *Realm) fetchError(req outbound.Request, err error) goja.Value {
	var tooMany *outbound.TooManyRedirectsError
	var badLocation *outbound.InvalidLocationError
	switch {
	case errors.As(err, &tooMany), errors.As(err, &badLocation):
		return rl.vm.NewTypeError(err.Error())
	}
	var netErr *outbound.NetworkError
	if errors.As(err, &netErr) && !errors.Is(err, context.Canceled) {
		rl.logf(config.LevelWarn, "fetch %s %s failed: %v", req.Method, req.URL, netErr.Cause)
	}
	return rl.newError("Error", err.Error())
}

// responseFromNetwork builds the Response a fetch resolves with; an
// accepted upgrade carries an un-accepted WebSocket bridged to the
// connection. On the loop.
func (rl *Realm) responseFromNetwork(res *outbound.Response, done func()) *goja.Object {
	h := &headers{immutable: true, list: res.Header}
	r := &response{status: res.Status, statusText: res.StatusText, hdr: h, url: res.URL, redirected: res.Redirected}
	r.body = body{data: res.Body, null: res.Body == nil && res.Stream == nil}
	if res.Stream != nil {
		r.body.stream = rl.networkStream(res.Stream, done)
		// A known length goes with the stream, so a Response passed on is
		// sent with it, as workerd sends it.
		if n, ok := h.get("content-length"); ok {
			if length, err := strconv.ParseInt(n, 10, 64); err == nil && length > 0 {
				rl.callHelper(rl.streams.setLength, r.body.stream, rl.vm.ToValue(length))
			}
		}
	}
	if res.Socket != nil {
		ws := rl.newWebSocketEnd()
		rl.connectEnd(ws, res.Socket)
		r.webSocket = ws.obj
	}
	return rl.responseClass.instance(r)
}

// rejectWithReason makes a fetch aborted by sig reject with the signal's
// reason rather than a network error.
func rejectWithReason(reject func(interface{}) error, sig *abortSignal) func(interface{}) error {
	return func(v interface{}) error {
		if sig.aborted {
			return reject(sig.reason)
		}
		return reject(v)
	}
}
