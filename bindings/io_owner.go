package bindings

// Request isolation, as workerd enforces it: an I/O object (a WebSocket, a
// body read from the network) belongs to the request it was created in,
// and using it from another request's handler throws.

import (
	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// errCrossRequestIO is workerd's message, followed by the I/O type.
const errCrossRequestIO = "Cannot perform I/O on behalf of a different request. I/O objects (such as streams, request/response bodies, and others) created in the context of one request handler cannot be accessed from a different request's handler. This is a limitation of Cloudflare Workers which allows us to improve overall performance."

// The I/O types workerd names in the message.
const (
	// ioNative is a WebSocket.
	ioNative = "Native"
	// ioStreamSource is a body read from the network (workerd's message
	// has the stray ">" too).
	ioStreamSource = "ReadableStreamSource>"
)

// errRequestEnded is workerd's rejection for a promise whose request ended
// before it could settle (a fetch left running after the response).
const errRequestEnded = "This promise was created by a request that has since ended, so it can never settle. With the handle_cross_request_promise_resolution compatibility flag, a promise can only settle in the request that created it, and settling it after that request ends is dropped."

// settleInRequest ties the promise p of an I/O operation to the current
// request: if the request ends first, p is rejected with workerd's
// errRequestEnded, for whoever awaits it from another request, without
// being reported as unhandled. It returns resolve and reject functions that
// settle p once. On the loop.
func (rl *Realm) settleInRequest(p *goja.Promise, resolve, reject func(any) error) (func(any) error, func(any) error) {
	owner := rl.rt.Current()
	if owner == nil {
		return resolve, reject
	}
	settled := false
	var forget func()
	once := func(settle func(any) error) func(any) error {
		return func(v any) error {
			if settled {
				return nil
			}
			settled = true
			forget()
			return settle(v)
		}
	}
	resolve, reject = once(resolve), once(reject)
	forget = owner.OnEnd(func() {
		obj := rl.vm.ToValue(p).(*goja.Object)
		if then, ok := goja.AssertFunction(obj.Get("then")); ok {
			_, _ = then(obj, goja.Undefined(), rl.vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() }))
		}
		_ = reject(rl.newError("Error", errRequestEnded))
	})
	return resolve, reject
}

// cancelOnRequestEnd arranges for cancel to run if the current request
// ends first, as workerd cancels a request's I/O; the returned function
// undoes that once the I/O is over. On the loop.
func (rl *Realm) cancelOnRequestEnd(cancel func()) (forget func()) {
	if owner := rl.rt.Current(); owner != nil {
		return owner.OnEnd(cancel)
	}
	return func() {}
}

// crossRequestError is the Error thrown or rejected with when an I/O object
// of one request is used from another.
func (rl *Realm) crossRequestError(ioType string) goja.Value {
	return rl.newError("Error", errCrossRequestIO+" (I/O type: "+ioType+")")
}

// checkIO throws workerd's error unless the running job belongs to the
// request that owns the object. On the loop.
func (rl *Realm) checkIO(owner *jsruntime.IOContext, ioType string) {
	if !owner.SameRequest(rl.rt.Current()) {
		panic(rl.crossRequestError(ioType))
	}
}
