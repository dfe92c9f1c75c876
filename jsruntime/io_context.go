package jsruntime

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/dop251/goja"
)

// IOContext is one unit of work a script does for the outside world, as
// workerd's IoContext: a fetch event and everything it starts (promise
// continuations, timers, fetches, sockets). The runtime counts the CPU time
// of its jobs against [Options.CPULimit], and bindings record it as the
// owner of the I/O objects created while it is current (see
// [Runtime.Current]).
//
// Fields are only touched on the loop.
type IOContext struct {
	name    string
	parent  *IOContext // the request this event belongs to, for a sub-event
	used    time.Duration
	aborted *ThrownError
	// onAbort is called on the loop, once, when the context is aborted
	// (its CPU time ran out); it reports whether it answered the request
	// with the error, which the runtime otherwise logs.
	onAbort func(err *ThrownError) bool
	// cleanups run, in the order registered, when the context ends or is
	// aborted: the I/O it owns. Keyed by registration number, so I/O that
	// finishes first can drop its own.
	cleanups    map[uint64]func()
	nextCleanup uint64
	// responded is set once the request's response has been sent; the
	// context then ends when nothing holds it any more.
	responded bool
	holds     int
	ended     bool
}

// NewIOContext creates the context of one event. name says what it is in
// log lines ("fetch GET /spin"); onAbort, if set, is called on the loop when
// the context is aborted, with the error to report, and reports whether it
// answered the request with it; if not, the runtime logs the error with the
// context's name. Safe from any goroutine until the context is first used.
func NewIOContext(name string, onAbort func(err *ThrownError) bool) *IOContext {
	return &IOContext{name: name, onAbort: onAbort}
}

// Child creates the context of a sub-event of c, such as one WebSocket
// message delivered to a socket c accepted: it has its own CPU budget, and
// it owns what c owns (see [IOContext.SameRequest]). Its abort, if its CPU
// time runs out, is logged. Safe from any goroutine (it reads only c's
// parent, which never changes), so that an event can be queued with its
// context in one step ([Runtime.EnqueueIn]).
func (c *IOContext) Child(name string) *IOContext {
	return &IOContext{name: name, parent: c.root()}
}

// ChildOnAbort is [IOContext.Child] with onAbort, called on the loop,
// once, if the child is aborted (its CPU time ran out, or a job of it
// panicked), as [NewIOContext]'s is: an event whose result someone waits
// for (a Durable Object's) fails them with err. Safe from any goroutine.
func (c *IOContext) ChildOnAbort(name string, onAbort func(err *ThrownError) bool) *IOContext {
	child := c.Child(name)
	child.onAbort = onAbort
	return child
}

// root is the request context c belongs to.
func (c *IOContext) root() *IOContext {
	if c.parent != nil {
		return c.parent
	}
	return c
}

// SameRequest reports whether c and other belong to the same request, so
// that I/O objects owned by one may be used from the other. A nil context
// (work of no request) matches anything.
func (c *IOContext) SameRequest(other *IOContext) bool {
	return c == nil || other == nil || c.root() == other.root()
}

// Name says what the context is, for log lines.
func (c *IOContext) Name() string { return c.name }

// OnEnd registers fn to run when c's request ends ([Runtime.Finish]) or c
// is aborted: how a binding cancels the I/O the request owns. On the loop.
// The returned function unregisters fn, for I/O that finished first, so a
// long-lived request does not collect cleanups. On the loop.
func (c *IOContext) OnEnd(fn func()) (forget func()) {
	c = c.root()
	if c.cleanups == nil {
		c.cleanups = make(map[uint64]func())
	}
	c.nextCleanup++
	id := c.nextCleanup
	c.cleanups[id] = fn
	return func() { delete(c.cleanups, id) }
}

// Current returns the context of the job running now, or nil for work that
// belongs to no event (a script's top level, the runtime's own jobs). On
// the loop.
func (r *Runtime) Current() *IOContext { return r.current }

// EnqueueIn hands fn to the loop to run as part of c (nil: of no context).
// A job of a context that has been aborted does not run. Safe from any
// goroutine; false once the runtime has stopped.
func (r *Runtime) EnqueueIn(c *IOContext, fn func(vm *goja.Runtime)) bool {
	return r.enqueue(job{fn: fn, ctx: c})
}

// Hold keeps c's request alive after its response is sent, until the
// returned function is called: a waitUntil() promise, an open WebSocket.
// The release must be called once, on the loop. On the loop.
func (c *IOContext) Hold(r *Runtime) (release func()) {
	c = c.root()
	c.holds++
	released := false
	return func() {
		if released {
			return
		}
		released = true
		c.holds--
		if c.responded && c.holds == 0 {
			r.end(c)
		}
	}
}

// Holds is how many holds keep c's request alive (Hold): waitUntil()
// promises and accepted WebSockets not yet released. On the loop.
func (c *IOContext) Holds() int { return c.root().holds }

// Finish records that c's response has been sent (or its client went
// away). Once nothing holds it, the request ends as in workerd: its timers
// are cancelled, jobs still queued for it are dropped, and the I/O it owns
// is cancelled (see [IOContext.OnEnd]). On the loop.
func (r *Runtime) Finish(c *IOContext) {
	c = c.root()
	c.responded = true
	if c.holds == 0 {
		r.end(c)
	}
}

// end ends a request context. On the loop.
func (r *Runtime) end(c *IOContext) {
	if c.ended {
		return
	}
	c.ended = true
	r.timers.dropContext(c, &r.pending)
	r.runCleanups(c)
}

// runCleanups runs and forgets c's cleanups. On the loop.
func (r *Runtime) runCleanups(c *IOContext) {
	cleanups := c.cleanups
	c.cleanups = nil
	for _, id := range slices.Sorted(maps.Keys(cleanups)) {
		cleanups[id]()
	}
}

// dropped reports whether a job of c must not run: its request ended or it
// was aborted.
func (c *IOContext) dropped() bool {
	return c != nil && (c.aborted != nil || c.root().aborted != nil || c.root().ended)
}

// abort ends c with err: its remaining jobs and timers are dropped, its
// cleanups run and its abort hook is told. On the loop.
func (r *Runtime) abort(c *IOContext, err *ThrownError) {
	if c.aborted != nil {
		return
	}
	c.aborted = err
	r.timers.dropContext(c, &r.pending)
	r.runCleanups(c)
	if c.onAbort != nil && c.onAbort(err) {
		return
	}
	first, stack, _ := strings.Cut(err.Text, "\n")
	r.ReportError(&ThrownError{Text: first + " (" + c.name + ")\n" + stack, Overloaded: err.Overloaded})
}

// Cancel ends the event c early, without a word in the log, as workerd
// cancels a hibernatable WebSocket handler that outlives its timeout: its
// queued jobs and timers are dropped and the I/O it owns is cancelled, so
// a handler awaiting them never resumes. On the loop.
func (r *Runtime) Cancel(c *IOContext) {
	if c.aborted != nil {
		return
	}
	c.aborted = &ThrownError{Text: "Error: the event was cancelled"}
	r.timers.dropContext(c, &r.pending)
	r.runCleanups(c)
}
