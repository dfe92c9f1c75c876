package host

import (
	"errors"
	"reflect"

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

// fetchOutcome is what a fetch event produced, handed from the loop to the
// goroutine serving the HTTP request. It holds only Go data: errors are
// rendered on the loop (jsruntime.ToThrownError), and a 101 Response's
// socket is already coupled to its Go peer.
type fetchOutcome struct {
	resp *bindings.OutgoingResponse
	err  *jsruntime.ThrownError // the handler threw, rejected, ran out of CPU, or returned no Response
}

// startEvent queues dispatch, the start of one event (a fetch, a scheduled
// event) on the loop, as a new IOContext named name whose outcome comes on
// done; an abort for CPU time answers it there too. It reports false when
// the isolate no longer takes work.
func (iso *isolate) startEvent(name string, dispatch func(*jsruntime.IOContext, chan<- fetchOutcome)) (*jsruntime.IOContext, chan fetchOutcome, bool) {
	done := make(chan fetchOutcome, 1)
	var ctx *jsruntime.IOContext
	ctx = jsruntime.NewIOContext(name, func(err *jsruntime.ThrownError) bool {
		return iso.aborted(ctx, err, done)
	})
	ok := iso.rt.EnqueueIn(ctx, func(*goja.Runtime) { dispatch(ctx, done) })
	return ctx, done, ok
}

// dispatchFetch runs the worker's fetch handler for one request, as one
// IOContext, and sends exactly one outcome on done. On the loop.
func (iso *isolate) dispatchFetch(ctx *jsruntime.IOContext, in bindings.IncomingRequest, upgrade bool, done chan<- fetchOutcome) {
	vm := iso.rt.VM()
	finish := iso.answer(ctx, done)
	iso.inflight[ctx] = func() { finish(fetchOutcome{err: &jsruntime.ThrownError{Text: errHung}}) }
	req := iso.realm.NewIncomingRequest(in)
	result, err := iso.invokeHandler(vm, req)
	if err != nil {
		iso.fail(finish, err)
		return
	}
	iso.settle(vm, result, func(v goja.Value, err error) {
		if err != nil {
			iso.fail(finish, err)
			return
		}
		finish(iso.complete(v, upgrade))
	})
}

// answer returns the function that sends ctx's outcome, once: later calls
// (a handler that settles after it ran out of CPU time or was found hung)
// are dropped. On the loop.
func (iso *isolate) answer(ctx *jsruntime.IOContext, done chan<- fetchOutcome) func(fetchOutcome) {
	return func(o fetchOutcome) {
		if _, waiting := iso.inflight[ctx]; !waiting {
			return
		}
		delete(iso.inflight, ctx)
		done <- o
	}
}

// fail answers with a handler's error, rendered on the loop. An
// interruption for CPU time is left to the runtime, which aborts the
// context right after the job and answers through its abort hook. On the
// loop.
func (iso *isolate) fail(finish func(fetchOutcome), err error) {
	if iso.rt.Interrupted(err) {
		return
	}
	finish(fetchOutcome{err: jsruntime.ToThrownError(err)})
}

// aborted answers a fetch event whose context the runtime aborted (it ran
// out of CPU time) with the error, if the Response is still to come; it
// reports false otherwise, and the runtime logs the error. On the loop.
func (iso *isolate) aborted(ctx *jsruntime.IOContext, err *jsruntime.ThrownError, done chan<- fetchOutcome) bool {
	if _, waiting := iso.inflight[ctx]; !waiting {
		return false
	}
	iso.answer(ctx, done)(fetchOutcome{err: err})
	return true
}

// invokeHandler calls the module's fetch handler (entrypoint.go) or
// dispatches a FetchEvent to the service-worker listeners, and returns what
// the handler produced (a Response or a promise of one). On the loop.
func (iso *isolate) invokeHandler(vm *goja.Runtime, req *goja.Object) (goja.Value, error) {
	if iso.exports != nil && !iso.entry.listeners {
		return iso.invokeModule(req)
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

// promiseType is the export type of a goja Promise, told apart without
// exporting the value.
var promiseType = reflect.TypeOf((*goja.Promise)(nil))

// settle waits for v (a value, a promise or a thenable) to settle and calls
// cb with the result, on the loop.
//
// A value that is already there (a fulfilled promise, or anything that is
// not a thenable, such as a Response) is taken at once: going through
// Promise.resolve and then() cost a fifth of the loop's time per request
// for a worker as small as a JSON answer.
func (iso *isolate) settle(vm *goja.Runtime, v goja.Value, cb func(goja.Value, error)) {
	if o, ok := v.(*goja.Object); ok {
		if o.ExportType() == promiseType {
			if p := o.Export().(*goja.Promise); p.State() == goja.PromiseStateFulfilled {
				cb(p.Result(), nil)
				return
			}
		} else {
			var then goja.Value
			if ex := vm.Try(func() { then = o.Get("then") }); ex != nil {
				cb(nil, ex) // a then getter that throws rejects, as in Promise.resolve
				return
			}
			if _, thenable := goja.AssertFunction(then); !thenable {
				cb(v, nil)
				return
			}
		}
	} else {
		cb(v, nil)
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
	resp, err := iso.realm.ResponseOf(v, upgrade)
	if err != nil {
		return fetchOutcome{err: jsruntime.ToThrownError(err)}
	}
	return fetchOutcome{resp: resp}
}

// cancelHung fails every fetch event still waiting for a Response when the
// loop has nothing left to run: its promise can never settle. It is the
// runtime's idle handler. On the loop.
func (iso *isolate) cancelHung(*goja.Runtime) {
	for _, fail := range iso.inflight {
		fail()
	}
}
