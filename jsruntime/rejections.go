package jsruntime

import (
	"github.com/dop251/goja"
)

// trackRejection is goja's promise rejection tracker. A promise rejected with
// no handler is remembered; if a handler arrives before the current job ends
// it is forgotten again, otherwise it is reported as "Uncaught (in promise)".
// On the loop.
func (r *Runtime) trackRejection(p *goja.Promise, op goja.PromiseRejectionOperation) {
	switch op {
	case goja.PromiseRejectionReject:
		r.unhandled = append(r.unhandled, p)
	case goja.PromiseRejectionHandle:
		for i, q := range r.unhandled {
			if q == p {
				r.unhandled = append(r.unhandled[:i], r.unhandled[i+1:]...)
				break
			}
		}
	}
}

// OnUnhandledRejection sets the function offered each rejection left without
// a handler after a job, in the order they were rejected, before it is
// logged: it returns true when it dealt with the rejection (a script's
// "unhandledrejection" listener ran), and then nothing is logged. Call it
// before any script runs.
func (r *Runtime) OnUnhandledRejection(f func(p *goja.Promise) bool) {
	r.onUnhandled = f
}

// reportUnhandledRejections offers the rejections left without a handler
// after a job to the script's listeners, and logs those nobody dealt with.
// On the loop.
func (r *Runtime) reportUnhandledRejections() {
	for len(r.unhandled) > 0 {
		p := r.unhandled[0]
		r.unhandled = r.unhandled[1:]
		if r.onUnhandled != nil && r.onUnhandled(p) {
			continue
		}
		r.ReportError(&RejectionError{Reason: exportReason(p.Result())})
	}
	r.unhandled = nil
}
