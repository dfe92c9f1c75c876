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
