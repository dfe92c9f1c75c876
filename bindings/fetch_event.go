package bindings

// FetchEvent, the service-worker entry point:
// https://developers.cloudflare.com/workers/runtime-apis/handlers/fetch/
// with workerd's rules for respondWith (src/workerd/api/http.c++).

import (
	"github.com/dop251/goja"
)

// FetchEvent is the Go side of one fetch event: what the listeners did with
// it. Read it on the loop after the dispatch.
type FetchEvent struct {
	event
	request     *goja.Object
	responded   bool
	response    goja.Value
	passThrough bool
}

// installFetchEvent defines FetchEvent; scripts cannot construct it.
func (rl *Realm) installFetchEvent() {
	c := rl.newClass("FetchEvent", rl.extendableEventClass, nil)
	rl.fetchEventClass = c
	c.method("respondWith", func(call goja.FunctionCall) goja.Value {
		fe := thisState[FetchEvent](rl, call)
		switch {
		case fe.responded:
			rl.throwDOMException("InvalidStateError", "FetchEvent.respondWith() has already been called; it can only be called once.")
		case !fe.dispatching:
			rl.throwDOMException("InvalidStateError", "Too late to call FetchEvent.respondWith(). It must be called synchronously in the event handler.")
		}
		fe.responded, fe.response = true, call.Argument(0)
		fe.defaultPrevented, fe.stopped, fe.stoppedImmediate = true, true, true
		return goja.Undefined()
	})
	c.method("passThroughOnException", func(call goja.FunctionCall) goja.Value {
		thisState[FetchEvent](rl, call).passThrough = true
		return goja.Undefined()
	})
}

// extendsLifetime makes FetchEvent an ExtendableEvent: waitUntil works on
// it (worker_events.go).
func (fe *FetchEvent) extendsLifetime() {}

// NewFetchEvent creates the trusted "fetch" event for a request. On the
// loop.
func (rl *Realm) NewFetchEvent(request *goja.Object) (*goja.Object, *FetchEvent) {
	fe := &FetchEvent{event: *rl.trustedEvent("fetch", true), request: request}
	return rl.instanceProperties(rl.fetchEventClass.instance(fe), fetchEventProperties, request, goja.Undefined()), fe
}

// EndDispatch marks the dispatch as over: respondWith() now throws "Too
// late". On the loop.
func (fe *FetchEvent) EndDispatch() { fe.dispatching = false }

// Response returns what respondWith() was given, and whether it was called.
// On the loop.
func (fe *FetchEvent) Response() (goja.Value, bool) { return fe.response, fe.responded }
