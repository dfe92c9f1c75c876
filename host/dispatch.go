package host

import (
	"errors"

	"github.com/dop251/goja"

	"workerhost/bindings"
	"workerhost/jsruntime"
)

// errNoResponse is a service-worker fetch event that no listener answered
// with respondWith(). workerd would forward the request unchanged to the
// origin; a local host has no origin, so the request fails with this error
// (documented in the README).
var errNoResponse = errors.New("no fetch event listener called respondWith(); workerhost has no origin to pass the request through to")

// errHung is workerd's error for a request whose handler can no longer
// produce a response: its promise is unsettled and nothing is pending.
const errHung = "Error: The Workers runtime canceled this request because it detected that your Worker's code had hung and would never generate a response. Refer to: https://developers.cloudflare.com/workers/observability/errors/"

// errNotUpgrade is workerd's TypeError for a 101 Response to a request that
// was not a WebSocket upgrade.
const errNotUpgrade = `Worker tried to return a WebSocket in a response to a request which did not contain the header "Upgrade: websocket".`

// fetchOutcome is what a fetch event produced, handed from the loop to the
// goroutine serving the HTTP request. It holds only Go data.
type fetchOutcome struct {
	resp *bindings.OutgoingResponse
	peer *bindings.WebSocketPeer // the coupled socket of a 101 Response
	err  error                   // the handler threw, rejected, or returned no Response
}

// dispatchFetch runs the worker's fetch handler for one request and sends
// exactly one outcome on done. On the loop.
func (iso *isolate) dispatchFetch(in bindings.IncomingRequest, upgrade bool, done chan<- fetchOutcome) {
	vm := iso.rt.VM()
	key := new(fetchOutcome)
	finish := func(o fetchOutcome) {
		if _, waiting := iso.inflight[key]; !waiting {
			return // already answered (or cancelled as hung)
		}
		delete(iso.inflight, key)
		done <- o
	}
	iso.inflight[key] = func() { finish(fetchOutcome{err: &jsruntime.ThrownError{Text: errHung}}) }
	req := iso.realm.NewIncomingRequest(in)
	result, err := iso.invokeHandler(vm, req)
	if err != nil {
		finish(fetchOutcome{err: err})
		return
	}
	iso.settle(vm, result, func(v goja.Value, err error) {
		if err != nil {
			finish(fetchOutcome{err: err})
			return
		}
		finish(iso.complete(v, upgrade))
	})
}

// invokeHandler calls the module's fetch(request, env, ctx) or dispatches a
// FetchEvent to the service-worker listeners, and returns what the handler
// produced (a Response or a promise of one). On the loop.
func (iso *isolate) invokeHandler(vm *goja.Runtime, req *goja.Object) (goja.Value, error) {
	if iso.exports != nil {
		def, _ := iso.fetchHandler()
		fetch, _ := goja.AssertFunction(def.Get("fetch"))
		ctx := iso.realm.NewExecutionContext()
		return fetch(def, req, iso.env, ctx)
	}
	ev, fe := iso.realm.NewFetchEvent(req)
	err := iso.realm.DispatchGlobal(ev)
	fe.EndDispatch()
	if err != nil {
		return nil, err
	}
	resp, ok := fe.Response()
	if !ok {
		return nil, errNoResponse
	}
	return resp, nil
}

// settle waits for v (a value, a promise or a thenable) to settle and calls
// cb with the result, on the loop.
func (iso *isolate) settle(vm *goja.Runtime, v goja.Value, cb func(goja.Value, error)) {
	if p, ok := v.Export().(*goja.Promise); ok && p.State() == goja.PromiseStateFulfilled {
		cb(p.Result(), nil)
		return
	}
	// A rejected promise goes through then() too, which marks the rejection
	// as handled so it is not also reported as "Uncaught (in promise)".
	promiseCtor := vm.Get("Promise").(*goja.Object)
	resolve, _ := goja.AssertFunction(promiseCtor.Get("resolve"))
	p, err := resolve(promiseCtor, v)
	if err != nil {
		cb(nil, err)
		return
	}
	then, _ := goja.AssertFunction(p.(*goja.Object).Get("then"))
	onFulfilled := func(call goja.FunctionCall) goja.Value {
		cb(call.Argument(0), nil)
		return goja.Undefined()
	}
	onRejected := func(call goja.FunctionCall) goja.Value {
		cb(nil, jsruntime.NewThrownError(call.Argument(0)))
		return goja.Undefined()
	}
	if _, err := then(p, vm.ToValue(onFulfilled), vm.ToValue(onRejected)); err != nil {
		cb(nil, err)
	}
}

// complete turns the handler's final value into what the HTTP side writes,
// coupling the WebSocket of a 101 Response. On the loop.
func (iso *isolate) complete(v goja.Value, upgrade bool) fetchOutcome {
	resp, err := iso.realm.ResponseOf(v)
	if err != nil {
		return fetchOutcome{err: err}
	}
	if resp.WebSocket == nil {
		return fetchOutcome{resp: resp}
	}
	if !upgrade {
		return fetchOutcome{err: &jsruntime.ThrownError{Text: "TypeError: " + errNotUpgrade}}
	}
	peer, err := iso.realm.CoupleWebSocket(resp.WebSocket)
	if err != nil {
		return fetchOutcome{err: err}
	}
	return fetchOutcome{resp: resp, peer: peer}
}

// cancelHung fails every fetch event still waiting for a Response when the
// loop has nothing left to run: its promise can never settle. It is the
// runtime's idle handler. On the loop.
func (iso *isolate) cancelHung(*goja.Runtime) {
	for _, fail := range iso.inflight {
		fail()
	}
}
