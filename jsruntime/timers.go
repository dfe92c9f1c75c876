package jsruntime

// Timers as in the HTML standard, reduced to what Workers scripts observe:
// https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers

import (
	"math"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// timer is one live setTimeout or setInterval. fn and args are JS values and
// are only touched on the loop.
type timer struct {
	t        *time.Timer
	fn       goja.Callable
	args     []goja.Value
	interval time.Duration
	repeat   bool
	ctx      *IOContext  // the context that set it; its callback runs there
	frame    *AsyncFrame // the async context it was set in (async_context.go)
}

// timerTable holds the live timers by id. The mutex guards the map because
// Stop may cancel every timer from outside the loop.
type timerTable struct {
	mu     sync.Mutex
	nextID int64
	byID   map[int64]*timer
}

func (tt *timerTable) init() { tt.byID = make(map[int64]*timer) }

func (tt *timerTable) add(t *timer) int64 {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	tt.nextID++
	tt.byID[tt.nextID] = t
	return tt.nextID
}

func (tt *timerTable) get(id int64) *timer {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	return tt.byID[id]
}

// remove deletes the timer and reports whether it was live.
func (tt *timerTable) remove(id int64) bool {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	t, ok := tt.byID[id]
	if ok {
		t.t.Stop()
		delete(tt.byID, id)
	}
	return ok
}

// dropContext cancels the timers ctx set (or, for a request, any of its
// sub-events set), releasing their pending count.
func (tt *timerTable) dropContext(ctx *IOContext, pending *int) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	for id, t := range tt.byID {
		if t.ctx != nil && (t.ctx == ctx || t.ctx.root() == ctx) {
			t.t.Stop()
			delete(tt.byID, id)
			*pending--
		}
	}
}

func (tt *timerTable) stopAll() {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	for id, t := range tt.byID {
		t.t.Stop()
		delete(tt.byID, id)
	}
}

// timerDelay converts a JS delay argument to a duration: NaN, negative and
// missing values mean 0, as in the HTML timer initialization steps.
func timerDelay(v goja.Value) time.Duration {
	if v == nil || goja.IsUndefined(v) {
		return 0
	}
	ms := v.ToFloat()
	if math.IsNaN(ms) || ms < 0 {
		return 0
	}
	if ms > math.MaxInt32 {
		ms = 1
	}
	return time.Duration(ms * float64(time.Millisecond))
}

// setTimer implements setTimeout and setInterval. On the loop.
func (r *Runtime) setTimer(call goja.FunctionCall, repeat bool) goja.Value {
	r.ForbidInGlobalScope()
	fn, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		panic(r.vm.NewTypeError("Failed to execute 'setTimeout': parameter 1 is not of type 'Function'."))
	}
	var args []goja.Value
	if len(call.Arguments) > 2 {
		args = append(args, call.Arguments[2:]...)
	}
	t := &timer{fn: fn, args: args, interval: timerDelay(call.Argument(1)), repeat: repeat, ctx: r.current, frame: r.frame}
	r.pending++
	id := r.timers.add(t)
	t.t = time.AfterFunc(t.interval, func() { r.EnqueueIn(t.ctx, func(*goja.Runtime) { r.fireTimer(id) }) })
	return r.vm.ToValue(id)
}

// fireTimer runs a due timer's callback. On the loop.
func (r *Runtime) fireTimer(id int64) {
	t := r.timers.get(id)
	if t == nil {
		return // cleared after it was queued
	}
	if !t.repeat && r.timers.remove(id) {
		r.pending--
	}
	var err error
	r.RunInFrame(t.frame, func() { _, err = t.fn(goja.Undefined(), t.args...) })
	if err != nil {
		r.ReportError(err)
	}
	if t.repeat && r.timers.get(id) == t {
		t.t.Reset(t.interval)
	}
}

// clearTimer implements clearTimeout and clearInterval. On the loop.
func (r *Runtime) clearTimer(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return goja.Undefined()
	}
	if r.timers.remove(v.ToInteger()) {
		r.pending--
	}
	return goja.Undefined()
}
