package host

// Scheduled events, triggered over HTTP as wrangler dev triggers them:
// GET /cdn-cgi/handler/scheduled?cron=...&time=... (and /__scheduled with
// --test-scheduled). The answer is "ok", or a 500 "exception" when the
// handler threw or there is none, whose error is logged.

import (
	"net/http"
	"strconv"
	"time"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// scheduledPaths are the paths that trigger a scheduled event rather than
// reaching the worker.
const (
	scheduledPath     = "/cdn-cgi/handler/scheduled"
	testScheduledPath = "/__scheduled"
)

// errNoScheduled is the error for a scheduled event the worker has no
// handler for.
const errNoScheduled = "Error: Handler does not export a scheduled() function."

// isScheduledTrigger reports whether r asks for a scheduled event.
func (s *Server) isScheduledTrigger(r *http.Request) bool {
	return r.URL.Path == scheduledPath || (s.opts.TestScheduled && r.URL.Path == testScheduledPath)
}

// serveScheduled runs one scheduled event for the trigger request r, with
// its cron and time (milliseconds since the epoch; now by default).
func (s *Server) serveScheduled(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	q := r.URL.Query()
	cron, at := q.Get("cron"), time.Now()
	if ms, err := strconv.ParseInt(q.Get("time"), 10, 64); err == nil {
		at = time.UnixMilli(ms)
	}
	iso := s.acquire()
	end := requestEnd{iso: iso}
	defer end.run()
	ctx, done, ok := iso.startEvent("scheduled "+cron, func(ctx *jsruntime.IOContext, done chan<- fetchOutcome) {
		iso.dispatchScheduled(ctx, at, cron, done)
	})
	if !ok {
		http.Error(w, "", http.StatusServiceUnavailable)
		return
	}
	end.ctx = ctx
	var out fetchOutcome
	select {
	case out = <-done:
	case <-r.Context().Done():
		return
	}
	status, text := http.StatusOK, "ok"
	if out.err != nil {
		s.reportScheduledError(out.err)
		status, text = http.StatusInternalServerError, "exception"
	}
	w.Header().Set("Content-Type", "text/plain;charset=UTF-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(text))
	s.logRequest(r, status, http.StatusText(status), start)
}

// dispatchScheduled runs the worker's scheduled handler, as one IOContext,
// and sends its outcome on done: no error once it settled, or what it
// threw. On the loop.
func (iso *isolate) dispatchScheduled(ctx *jsruntime.IOContext, at time.Time, cron string, done chan<- fetchOutcome) {
	vm := iso.rt.VM()
	finish := iso.answer(ctx, done)
	iso.inflight[ctx] = func() { finish(fetchOutcome{err: &jsruntime.ThrownError{Text: errHung}}) }
	result, err := iso.invokeScheduled(at, cron)
	if err != nil {
		iso.fail(finish, err)
		return
	}
	iso.settle(vm, result, func(_ goja.Value, err error) {
		if err != nil {
			iso.fail(finish, err)
			return
		}
		finish(fetchOutcome{})
	})
}

// invokeScheduled calls the module's scheduled(controller, env, ctx), or
// dispatches a ScheduledEvent to the service-worker listeners. On the loop.
func (iso *isolate) invokeScheduled(at time.Time, cron string) (goja.Value, error) {
	if iso.exports == nil || iso.entry.listeners {
		if !iso.realm.HasGlobalListeners("scheduled") {
			return nil, &jsruntime.ThrownError{Text: errNoScheduled}
		}
		ev, _ := iso.realm.NewScheduledEvent(at, cron)
		return goja.Undefined(), iso.realm.DispatchGlobal(ev)
	}
	ctx := iso.realm.NewExecutionContext()
	controller, _ := iso.realm.NewScheduledController(at, cron)
	this, env := iso.entry.handlers, iso.env
	if this == nil {
		instance, _, err := iso.realm.NewEntrypoint(iso.entry.class, ctx, iso.env)
		if err != nil {
			return nil, err
		}
		this, env = instance, nil
	}
	scheduled, ok := goja.AssertFunction(this.Get("scheduled"))
	if !ok {
		return nil, &jsruntime.ThrownError{Text: errNoScheduled}
	}
	var envV goja.Value = goja.Undefined()
	if env != nil {
		envV = env
	}
	return scheduled(this, controller, envV, ctx)
}
