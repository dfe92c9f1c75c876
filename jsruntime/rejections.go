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
		if r.unhandled == nil {
			r.unhandled = make(map[*goja.Promise]struct{})
		}
		r.unhandled[p] = struct{}{}
	case goja.PromiseRejectionHandle:
		delete(r.unhandled, p)
	}
}

// reportUnhandledRejections logs the rejections left without a handler after
// a job. On the loop.
func (r *Runtime) reportUnhandledRejections() {
	for p := range r.unhandled {
		delete(r.unhandled, p)
		r.ReportError(&RejectionError{Reason: exportReason(p.Result())})
	}
}
