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
	round    uint64 // which arming of it is current (timer_queue.go)
	fn       goja.Callable
	args     []goja.Value
	interval time.Duration
	repeat   bool
	ctx      *IOContext  // the context that set it; its callback runs there
	frame    *AsyncFrame // the async context it was set in (async_context.go)
}

// timerTable holds the live timers by id, and their due times in order
// (timer_queue.go). The mutex guards both because Stop may cancel every
// timer from outside the loop.
type timerTable struct {
	mu     sync.Mutex
	nextID int64
	byID   map[int64]*timer
	timerQueue
}

// init prepares the table; fire queues a due timer's callback to the loop.
func (tt *timerTable) init(fire func(ctx *IOContext, id int64, round uint64)) {
	tt.byID = make(map[int64]*timer)
	tt.fire = fire
}

// add makes t live, due after its interval, and returns its id.
func (tt *timerTable) add(t *timer) int64 {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	tt.nextID++
	tt.byID[tt.nextID] = t
	tt.arm(tt.nextID, t)
	return tt.nextID
}

// rearm makes an interval due again after its interval, if still live.
func (tt *timerTable) rearm(id int64, t *timer) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	if tt.byID[id] == t {
		tt.arm(id, t)
	}
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
	_, ok := tt.byID[id]
	delete(tt.byID, id)
	tt.compact()
	return ok
}

// dropContext cancels the timers ctx set (or, for a request, any of its
// sub-events set), releasing their pending count.
func (tt *timerTable) dropContext(ctx *IOContext, pending *int) {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	for id, t := range tt.byID {
		if t.ctx != nil && (t.ctx == ctx || t.ctx.root() == ctx) {
			delete(tt.byID, id)
			*pending--
		}
	}
	tt.compact()
}

func (tt *timerTable) stopAll() {
	tt.mu.Lock()
	defer tt.mu.Unlock()
	clear(tt.byID)
	tt.due = nil
	if tt.wake != nil {
		tt.wake.Stop()
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
	return r.vm.ToValue(r.timers.add(t))
}

// queueTimer queues timer id's callback to the loop; the Go timer of the
// timer table calls it for each due timer, in order.
func (r *Runtime) queueTimer(ctx *IOContext, id int64, round uint64) {
	r.EnqueueIn(ctx, func(*goja.Runtime) { r.fireTimer(id, round) })
}

// fireTimer runs a due timer's callback. On the loop.
func (r *Runtime) fireTimer(id int64, round uint64) {
	t := r.timers.get(id)
	if t == nil || t.round != round {
		return // cleared (or cleared and re-armed) after it was queued
	}
	if !t.repeat && r.timers.remove(id) {
		r.pending--
	}
	var err error
	r.RunInFrame(t.frame, func() { _, err = t.fn(goja.Undefined(), t.args...) })
	if err != nil {
		r.ReportError(err)
	}
	if t.repeat {
		r.timers.rearm(id, t)
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
