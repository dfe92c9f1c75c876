package bindings

import (
	"sync"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// waitUntilTracker counts the promises handed to waitUntil that have not
// settled, so a host shutting down can let them finish. The loop adds and
// settles; any goroutine may wait.
type waitUntilTracker struct {
	mu      sync.Mutex
	pending int
	idle    chan struct{} // closed while nothing is pending
}

// add records one more pending promise. On the loop.
func (t *waitUntilTracker) add() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pending == 0 {
		t.idle = make(chan struct{})
	}
	t.pending++
}

// settle records that one pending promise settled. On the loop.
func (t *waitUntilTracker) settle() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.pending--
	if t.pending == 0 {
		close(t.idle)
	}
}

// settled returns a channel that is closed once nothing is pending.
func (t *waitUntilTracker) settled() <-chan struct{} {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pending == 0 {
		done := make(chan struct{})
		close(done)
		return done
	}
	return t.idle
}

// WaitUntilSettled returns a channel that is closed once every promise
// passed to waitUntil so far has settled (at once when there are none). A
// host shutting down waits on it before stopping the runtime. Safe from any
// goroutine.
func (rl *Realm) WaitUntilSettled() <-chan struct{} { return rl.waitUntils.settled() }

// waitUntil keeps the request's work alive after the response until the
// promise settles (its IOContext is held, so its timers and fetches go on),
// and logs its rejection, as workerd does; the response does not wait for
// it. Shutdown waits for the promise too (WaitUntilSettled).
func (rl *Realm) waitUntil(v goja.Value) {
	p, ok := safeExport(v).(*goja.Promise)
	if !ok {
		return
	}
	obj := rl.vm.ToValue(p).(*goja.Object)
	then, ok := goja.AssertFunction(obj.Get("then"))
	if !ok {
		return
	}
	rl.waitUntils.add()
	releaseRequest := func() {}
	if ctx := rl.rt.Current(); ctx != nil {
		releaseRequest = ctx.Hold(rl.rt)
	}
	settle := func() {
		rl.waitUntils.settle()
		releaseRequest()
	}
	fulfilled := rl.vm.ToValue(func(goja.FunctionCall) goja.Value {
		settle()
		return goja.Undefined()
	})
	rejected := rl.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		rl.rt.ReportError(&jsruntime.RejectionError{Reason: jsruntime.NewThrownError(call.Argument(0)).Text})
		settle()
		return goja.Undefined()
	})
	if _, err := then(obj, fulfilled, rejected); err != nil {
		settle()
		panic(err)
	}
}
