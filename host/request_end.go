package host

import (
	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// requestEnd is what ends a request once its handler is done with it: the
// request finished on the loop (its leftover work cancelled unless
// waitUntil() or a socket holds it), the isolate released, the body closed.
// A WebSocket takes it over (take) and runs it when its bridge stops, so
// that the handler returns after the upgrade and net/http lets go of what
// it held for the request: its buffers, the parsed request, the handler's
// stack.
type requestEnd struct {
	body *requestBody
	iso  *isolate
	ctx  *jsruntime.IOContext // set once the fetch event is queued
}

// run ends the request: what was set, in the reverse order.
func (e *requestEnd) run() {
	if e.ctx != nil {
		iso, ctx := e.iso, e.ctx
		iso.rt.Enqueue(func(*goja.Runtime) { iso.rt.Finish(ctx) })
	}
	if e.iso != nil {
		e.iso.release()
	}
	if e.body != nil {
		e.body.finish()
	}
}

// take returns the request's end and leaves e with nothing to run.
func (e *requestEnd) take() requestEnd {
	t := *e
	*e = requestEnd{}
	return t
}
