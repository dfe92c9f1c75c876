package jsruntime

// AtJobEnd registers fn to run once, when the job running now ends: after
// its promise reactions have run and before the next job. Durable Object
// storage commits a turn's writes there, so that whatever a later job
// delivers (a response, an RPC result) follows the commit, as workerd's
// output gate holds them. fn must not run JS. On the loop.
func (r *Runtime) AtJobEnd(fn func()) {
	r.jobEnd = append(r.jobEnd, fn)
}

// runJobEnd runs and forgets the functions AtJobEnd registered. On the
// loop.
func (r *Runtime) runJobEnd() {
	for len(r.jobEnd) > 0 {
		fns := r.jobEnd
		r.jobEnd = nil
		for _, fn := range fns {
			fn()
		}
	}
}
