package jsruntime

// CPU limits: a job that runs past its context's budget is interrupted
// (goja's Runtime.Interrupt), and the context is aborted with workerd's
// error. Time on the loop is what counts: a job never waits for I/O, so the
// time between its start and end is time spent running JS or the Go code
// it called.

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// ErrCPUExceeded is the interruption of a job that ran past its budget; the
// JS it interrupted sees an uncatchable exception wrapping it.
var ErrCPUExceeded = errors.New("Worker exceeded CPU time limit.")

// errStartupCPUExceeded is workerd's error for a script whose top level
// runs past the limit.
const errStartupCPUExceeded = "Script startup exceeded CPU time limit."

// watchdog interrupts the running job when its budget runs out. One timer
// is reused for every job; seq tells a late firing from a current one.
type watchdog struct {
	// next is the CPU limit SetCPULimit asked for, applied when the next
	// job begins (hasNext); on the loop.
	next    time.Duration
	hasNext bool
	mu      sync.Mutex
	timer   *time.Timer
	seq     uint64
	armed   uint64 // the seq the timer was last armed for
	tripped bool
	// stack is where the interrupted JS was, taken from the first report
	// of the interruption.
	stack string
	// claimed is set when the interruption was already reported as
	// something else (a script's top level failing to start).
	claimed bool
	// jobCtx is the running job's context for Go code that cannot be
	// interrupted like goja (WebAssembly), made on first use and cancelled
	// when the job's budget runs out or the job ends.
	jobCtx    context.Context
	jobCancel context.CancelCauseFunc
}

// ErrJobEnded is the cause of a job context cancelled because its job
// ended (see [Runtime.JobContext]); ErrCPUExceeded is the cause when the
// job ran out of CPU time.
var ErrJobEnded = errors.New("jsruntime: the job ended")

// begin arms the watchdog for a job of ctx and returns the job's start
// time. On the loop.
func (w *watchdog) begin(r *Runtime, ctx *IOContext) time.Time {
	if w.hasNext {
		r.opts.CPULimit, w.hasNext = w.next, false
	}
	start := time.Now()
	limit := r.opts.CPULimit
	if limit <= 0 {
		return start
	}
	budget := limit
	if ctx != nil {
		budget -= ctx.used
	}
	w.mu.Lock()
	w.seq++
	seq := w.seq
	w.armed = seq
	if w.timer == nil {
		w.timer = time.AfterFunc(budget, func() { w.fire(r) })
	} else {
		w.timer.Reset(budget)
	}
	w.mu.Unlock()
	return start
}

// fire interrupts the job it was armed for, if that job is still running.
// On the timer's goroutine.
func (w *watchdog) fire(r *Runtime) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.armed != w.seq {
		return // the job ended before the timer fired
	}
	w.tripped = true
	r.vm.Interrupt(ErrCPUExceeded)
	if w.jobCancel != nil {
		w.jobCancel(ErrCPUExceeded)
	}
}

// JobContext returns a context that is cancelled when the running job runs
// out of CPU time (cause ErrCPUExceeded), when it ends (cause ErrJobEnded),
// or when the runtime stops: what Go code that runs on the loop without
// returning to goja (a WebAssembly call) must watch to be stopped by the
// same CPU limit as JS. Without a CPU limit it is the runtime's context.
// On the loop.
func (r *Runtime) JobContext() context.Context {
	if r.opts.CPULimit <= 0 {
		return r.ctx
	}
	w := &r.cpu
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.jobCtx == nil {
		w.jobCtx, w.jobCancel = context.WithCancelCause(r.ctx)
		if w.tripped {
			w.jobCancel(ErrCPUExceeded)
		}
	}
	return w.jobCtx
}

// SetCPULimit changes the CPU limit from the next job on: an embedder
// installs its APIs without one (that is not the script's time) and sets
// the script's limit after. On the loop.
func (r *Runtime) SetCPULimit(limit time.Duration) {
	r.cpu.next, r.cpu.hasNext = limit, true
}

// end disarms the watchdog after a job of ctx, charges ctx with the time,
// and reports whether the job was interrupted. On the loop.
func (w *watchdog) end(r *Runtime, ctx *IOContext, start time.Time) bool {
	if ctx != nil {
		ctx.used += time.Since(start)
	}
	if r.opts.CPULimit <= 0 {
		return false
	}
	w.mu.Lock()
	w.seq++ // a firing from now on is stale
	tripped := w.tripped
	w.tripped = false
	w.timer.Stop()
	if w.jobCancel != nil {
		w.jobCancel(ErrJobEnded)
		w.jobCtx, w.jobCancel = nil, nil
	}
	w.mu.Unlock()
	if tripped {
		// No Interrupt can come after the seq moved on, so clearing now
		// leaves the runtime usable for the next job.
		r.vm.ClearInterrupt()
		if !resetAbandonedFrames(r.vm) {
			r.ReportError(errors.New("workerhost: could not reset the JS engine after an interruption; this isolate may stop running promise callbacks"))
		}
	}
	return tripped
}

// exceeded reports a job interrupted for CPU time: its context is aborted
// (the request gets workerd's 503), or, for work of no context such as a
// script's top level, the error is logged. On the loop.
func (r *Runtime) exceeded(ctx *IOContext) {
	err := &ThrownError{Text: "Error: " + ErrCPUExceeded.Error() + r.cpu.takeStack(), Overloaded: true}
	if r.cpu.claimed {
		r.cpu.claimed = false
		return
	}
	if ctx == nil {
		r.ReportError(err)
		return
	}
	r.abort(ctx, err)
}

// noteInterruption keeps the stack of the first report of an interruption,
// for the one log line the runtime writes for it.
func (w *watchdog) noteInterruption(ie *goja.InterruptedError) {
	stack := formatFrames(ie.Stack())
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stack == "" {
		w.stack = stack
	}
}

// claim marks the current interruption as reported by its catcher. On the
// loop.
func (w *watchdog) claim() { w.claimed = true }

// takeStack returns and forgets the noted stack.
func (w *watchdog) takeStack() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	s := w.stack
	w.stack = ""
	return s
}

// formatFrames renders stack frames as V8 does, one "    at ..." line each,
// with a leading newline, at most stackTraceLimit of them; "" for none.
func formatFrames(frames []goja.StackFrame) string {
	var b bytes.Buffer
	for i, f := range frames {
		if i == stackTraceLimit {
			break
		}
		if f.SrcName() == "" && f.FuncName() == "" {
			continue
		}
		b.WriteString("\n\tat ")
		f.Write(&b)
	}
	return CleanStack(b.String())
}
