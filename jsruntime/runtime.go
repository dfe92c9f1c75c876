// Package jsruntime is the engine room of workerhost: one goja.Runtime, the
// one goroutine that may touch it (its loop), timers, accounting of pending
// async work, and script loading through esbuild. It knows nothing about HTTP
// or Web APIs: it imports only goja, esbuild, golang.org/x/text (for Intl)
// and the standard library, and every other package of workerhost may import
// it.
//
// # The one-thread rule
//
// A goja.Runtime is not goroutine-safe. Every *goja.Runtime, goja.Value and
// promise resolve function belongs to the loop goroutine. Other goroutines
// hand work to the loop with [Runtime.Enqueue] or with the one-shot function
// returned by [Runtime.Reserve], capturing only plain Go data.
package jsruntime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// ErrStopped is returned when work is handed to a runtime whose loop has
// stopped.
var ErrStopped = errors.New("jsruntime: runtime stopped")

// Options configures a Runtime. The zero value is usable.
type Options struct {
	// ErrorLog receives uncaught errors (a timer callback that throws, an
	// unhandled promise rejection). Defaults to os.Stderr.
	ErrorLog io.Writer
	// CPULimit is how long the jobs of one IOContext may run on the loop in
	// all (and one job of no context, such as a script's top level): past
	// it the running JS is interrupted and the context aborted. Zero means
	// no limit. Waiting for I/O or timers does not count.
	CPULimit time.Duration
}

// job is one piece of work for the loop and the context it runs in.
type job struct {
	fn  func(*goja.Runtime)
	ctx *IOContext
	// reserved completes a reservation: it settles pending work even when
	// its context was aborted and fn does not run.
	reserved bool
}

// Runtime owns one goja.Runtime and the loop goroutine that runs it.
//
// Methods state their thread contract: "on the loop" means the method must
// be called from a job running on the loop; "safe from any goroutine" means
// what it says.
type Runtime struct {
	vm   *goja.Runtime
	opts Options

	mu      sync.Mutex
	jobs    []job
	spare   []job // the last turn's jobs, emptied, for the next turn's queue; loop only
	wake    chan struct{}
	stopped bool
	running bool // Start launched the loop goroutine
	done    chan struct{}

	// pending counts reservations and live timers; only the loop touches it.
	pending int
	timers  timerTable
	// unhandled holds rejected promises without a handler; loop only.
	unhandled []*goja.Promise
	// onUnhandled is offered each unhandled rejection first (rejections.go).
	onUnhandled func(p *goja.Promise) bool
	// onIdle runs when the loop has nothing queued and nothing pending.
	onIdle func(vm *goja.Runtime)
	ran    int // jobs run so far; loop only
	// globalScope is true while a script's top level runs; loop only.
	globalScope bool
	// current is the context of the job running now; loop only.
	current *IOContext
	// frame is the async context's current frame (async_context.go);
	// loop only.
	frame *AsyncFrame
	// kept holds the weak targets the current job observed (new WeakRef,
	// deref), so they live at least until it ends; loop only.
	kept map[goja.Value]struct{}
	// weak holds what WeakRef and FinalizationRegistry need; set once by
	// New.
	weak *weakBuiltins
	// cpu interrupts a job that runs past its context's CPU budget.
	cpu    watchdog
	ctx    context.Context
	cancel context.CancelFunc
}

// New creates a runtime whose loop is not yet running. Call [Runtime.Start]
// (server mode) or [Runtime.RunUntilIdle] (tests, one-shot scripts).
func New(opts Options) *Runtime {
	if opts.ErrorLog == nil {
		opts.ErrorLog = os.Stderr
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &Runtime{
		vm:     goja.New(),
		opts:   opts,
		wake:   make(chan struct{}, 1),
		done:   make(chan struct{}),
		ctx:    ctx,
		cancel: cancel,
	}
	r.timers.init(r.queueTimer)
	r.vm.SetFieldNameMapper(goja.UncapFieldNameMapper())
	r.vm.SetMaxCallStackSize(MaxCallDepth)
	r.vm.SetPromiseRejectionTracker(r.trackRejection)
	r.vm.SetAsyncContextTracker(asyncTracker{r})
	installGlobals(r)
	return r
}

// Context is cancelled when the runtime stops. Goroutines started on behalf
// of scripts (dials, reads) take it so they end with the runtime. Safe from
// any goroutine.
func (r *Runtime) Context() context.Context { return r.ctx }

// VM returns the goja runtime. On the loop only (or before the loop starts).
func (r *Runtime) VM() *goja.Runtime { return r.vm }

// Enqueue hands fn to the loop, to run as part of no IOContext. It reports
// false, and fn never runs, once the runtime has stopped. Safe from any
// goroutine.
func (r *Runtime) Enqueue(fn func(vm *goja.Runtime)) bool {
	return r.enqueue(job{fn: fn})
}

// enqueue queues j and wakes the loop; false once the runtime has stopped.
func (r *Runtime) enqueue(j job) bool {
	r.mu.Lock()
	if r.stopped {
		r.mu.Unlock()
		return false
	}
	r.jobs = append(r.jobs, j)
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
	return true
}

// Reserve records one piece of pending async work and returns the function
// that completes it. The returned function must be called exactly once, from
// any goroutine; fn then runs on the loop. Until it is called the loop counts
// the work as pending (see [Runtime.RunUntilIdle]). fn runs in the context
// that was current when Reserve was called, and not at all if that context
// has been aborted meanwhile. Reserve itself must be called on the loop.
func (r *Runtime) Reserve() func(fn func(vm *goja.Runtime)) bool {
	r.pending++
	ctx := r.current
	var once sync.Once
	return func(fn func(vm *goja.Runtime)) bool {
		ok := false
		once.Do(func() {
			ok = r.enqueue(job{fn: fn, ctx: ctx, reserved: true})
		})
		return ok
	}
}

// Do runs fn on the loop and waits for it to return. It must not be called
// from the loop itself. Safe from any other goroutine.
func (r *Runtime) Do(fn func(vm *goja.Runtime) error) error {
	errc := make(chan error, 1)
	if !r.Enqueue(func(vm *goja.Runtime) {
		// A panic still reaches the loop's recovery, but the caller is
		// told rather than left waiting.
		defer func() {
			if p := recover(); p != nil {
				errc <- fmt.Errorf("panic on the loop: %v", p)
				panic(p)
			}
		}()
		errc <- fn(vm)
	}) {
		return ErrStopped
	}
	select {
	case err := <-errc:
		return err
	case <-r.done:
		select {
		case err := <-errc:
			return err
		default:
			return ErrStopped
		}
	}
}

// Start runs the loop on a new goroutine until [Runtime.Stop]. Safe from any
// goroutine; call it once.
func (r *Runtime) Start() {
	r.mu.Lock()
	r.running = true
	r.mu.Unlock()
	go func() {
		defer close(r.done)
		idleAt := -1 // the job count when onIdle last ran
		for r.runJobs() {
			if r.onIdle != nil && r.ran != idleAt && r.pending == 0 && r.queueEmpty() {
				r.runJob(job{fn: r.onIdle})
				idleAt = r.ran
				continue
			}
			select {
			case <-r.wake:
			case <-r.ctx.Done():
			}
		}
	}()
}

// SetIdleHandler sets fn to run on the loop whenever, in a loop started
// with Start, no job is queued and no work is pending (no reservation, no
// timer): nothing can happen any more until something new arrives from
// outside. The host uses it to find requests that will never be answered.
// On the loop, or before Start.
func (r *Runtime) SetIdleHandler(fn func(vm *goja.Runtime)) { r.onIdle = fn }

// queueEmpty reports whether no job is waiting.
func (r *Runtime) queueEmpty() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.jobs) == 0
}

// RunUntilIdle runs fn on the calling goroutine, which becomes the loop, and
// keeps running jobs until nothing is pending: no queued job, no live timer,
// no open reservation. It returns the first error fn returned. The runtime
// can be run again afterwards.
func (r *Runtime) RunUntilIdle(fn func(vm *goja.Runtime) error) error {
	err := fn(r.vm)
	r.endJob()
	for r.runJobs() {
		r.mu.Lock()
		idle := len(r.jobs) == 0 && r.pending == 0
		r.mu.Unlock()
		if idle {
			return err
		}
		select {
		case <-r.wake:
		case <-r.ctx.Done():
		}
	}
	return err
}

// Stop ends the loop: queued jobs are dropped, timers are cancelled, and
// [Runtime.Context] is cancelled. It waits for a loop started with Start to
// exit. Safe from any goroutine except the loop; calling it twice is fine.
func (r *Runtime) Stop() {
	r.mu.Lock()
	already, running := r.stopped, r.running
	r.stopped = true
	r.jobs = nil
	r.mu.Unlock()
	r.cancel()
	if !already {
		r.timers.stopAll()
		if !running {
			close(r.done)
		}
	}
	<-r.done
}

// runJobs drains the job queue once. It reports false when the runtime has
// stopped.
func (r *Runtime) runJobs() bool {
	for {
		r.mu.Lock()
		if r.stopped {
			r.mu.Unlock()
			return false
		}
		jobs := r.jobs
		r.jobs, r.spare = r.spare, nil
		r.mu.Unlock()
		for _, j := range jobs {
			r.runJob(j)
		}
		if cap(jobs) <= maxSpareJobs {
			clear(jobs)
			r.spare = jobs[:0]
		}
		if len(jobs) == 0 {
			return true
		}
	}
}

// maxSpareJobs bounds the slice runJobs keeps for the next turn's queue,
// so that a burst does not hold its memory.
const maxSpareJobs = 1024

// runJob runs one job in its context, under the CPU watchdog, turning a
// stray panic into a logged error so one bad callback cannot kill the loop.
func (r *Runtime) runJob(j job) {
	r.ran++
	if j.reserved {
		r.pending--
	}
	if j.ctx.dropped() {
		return
	}
	r.current = j.ctx
	start := r.cpu.begin(r, j.ctx)
	defer func() {
		p := recover()
		tripped := r.cpu.end(r, j.ctx, start)
		r.current = nil
		r.endJob()
		if p != nil {
			r.recovered(j.ctx, p)
		}
		if tripped {
			r.exceeded(j.ctx)
		}
	}()
	j.fn(r.vm)
	r.reportUnhandledRejections()
}

// recovered handles a panic that ended a job of ctx. A JS value thrown
// outside any JS call is logged as uncaught. Anything else is a Go bug that
// some input reached: it is logged with its Go stack, goja's abandoned
// frames are reset, and ctx is aborted with an internal error (its request
// gets a 500), so the process and the isolate go on. On the loop.
func (r *Runtime) recovered(ctx *IOContext, p any) {
	switch v := p.(type) {
	case *goja.Exception:
		r.ReportError(v)
		return
	case *goja.InterruptedError:
		r.Interrupted(v)
		return
	case goja.Value:
		r.ReportError(&ThrownError{Text: v.String()})
		return
	}
	fmt.Fprintf(r.opts.ErrorLog, "workerhost: internal error: %v\n%s", p, debug.Stack())
	resetAbandonedFrames(r.vm)
	err := &ThrownError{Text: fmt.Sprintf("Error: internal error in workerhost: %v", p)}
	if ctx == nil {
		r.ReportError(err)
		return
	}
	r.abort(ctx, err)
}

// Interrupted reports whether err is the interruption of a job that ran
// out of CPU time, noting where the JS was for the report the runtime makes
// of it after the job. Code that catches errors from JS calls it and drops
// such an error. Safe from any goroutine.
func (r *Runtime) Interrupted(err error) bool {
	var ie *goja.InterruptedError
	if !errors.As(err, &ie) {
		return false
	}
	r.cpu.noteInterruption(ie)
	return true
}

// ReportError logs an uncaught error the way workerd's console does:
// "Uncaught <stack>". The interruption of a job that ran out of CPU time is
// not logged here: the runtime reports it once, for its context. Safe from
// any goroutine.
func (r *Runtime) ReportError(err error) {
	if r.Interrupted(err) {
		return
	}
	fmt.Fprintf(r.opts.ErrorLog, "Uncaught %s\n", FormatError(err))
}

// MaxCallDepth is how deep JS calls may nest: past it a call throws
// RangeError: Maximum call stack size exceeded, as V8 does at about this
// depth, instead of growing the Go stack until the process dies (natives
// that call back into JS, such as forEach, nest Go frames too).
const MaxCallDepth = 10000
