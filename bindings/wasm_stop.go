package bindings

// Stopping Wasm for the CPU limit. Every module workerhost compiles tests
// a stop flag of its own at each function entry and loop header
// (wasmbin.WithStopChecks). The first call into Wasm in a job arms a
// watcher on the job's context (jsruntime's JobContext); when the job runs
// out of CPU time, or the runtime stops, while Wasm is running, the watcher
// sets every instance's flag and the running Wasm traps at once. (A job
// that runs out of time in JS is goja's to stop.) The call then returns to goja,
// which raises its uncatchable interruption, and the host loads a fresh
// copy of the worker (OnWasmStopped): Wasm state interrupted mid-operation
// cannot be trusted, as the platform replaces an isolate that exceeded its
// limit. A job that just ends leaves the flags alone.

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/tetratelabs/wazero/api"

	"workerhost/jsruntime"
)

// stopState is the engine's stop flags. The watcher sets them from its own
// goroutine, hence the lock.
type stopState struct {
	// running is the Wasm call depth, for the watcher: a job that runs
	// out of CPU time in JS, after its Wasm calls returned, stops no Wasm.
	running atomic.Int32
	mu      sync.Mutex
	flags   map[api.Module]api.MutableGlobal
	set     bool // the flags are set: every instance is stopped
	// armed is the job context watched, disarm its watcher; loop only.
	armed  context.Context
	disarm func() bool
	// told is set once the host was told; loop only.
	told bool
}

// addStopFlag registers an instance's stop flag, exported as name, set at
// once if the engine is stopped. Loop only.
func (e *wasmEngine) addStopFlag(mod api.Module, name string) {
	g, ok := mod.ExportedGlobal(name).(api.MutableGlobal)
	if name == "" || !ok {
		return // a module of workerhost's own, with no code
	}
	s := &e.stop
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.flags == nil {
		s.flags = map[api.Module]api.MutableGlobal{}
	}
	s.flags[mod] = g
	if s.set {
		g.Set(1)
	}
}

// dropStopFlag forgets the flag of a closed module. Loop only.
func (e *wasmEngine) dropStopFlag(mod api.Module) {
	e.stop.mu.Lock()
	delete(e.stop.flags, mod)
	e.stop.mu.Unlock()
}

// armStop watches the running job's context, once per job. Loop only.
func (e *wasmEngine) armStop() {
	s := &e.stop
	jc := e.rl.rt.JobContext()
	if jc == s.armed {
		return
	}
	if s.disarm != nil {
		s.disarm()
	}
	s.armed = jc
	s.disarm = context.AfterFunc(jc, func() {
		if !errors.Is(context.Cause(jc), jsruntime.ErrJobEnded) && s.running.Load() > 0 {
			s.setAll()
		}
	})
	if cause := context.Cause(jc); cause != nil && !errors.Is(cause, jsruntime.ErrJobEnded) {
		s.setAll() // out of time already: the call stops at once
	}
}

// setAll sets every stop flag. Any goroutine.
func (s *stopState) setAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.set = true
	for _, g := range s.flags {
		g.Set(1)
	}
}

// stopping reports whether the flags are set. Loop only.
func (e *wasmEngine) stopping() bool {
	e.stop.mu.Lock()
	defer e.stop.mu.Unlock()
	return e.stop.set
}

// stopped tells the host, once, that the CPU limit stopped Wasm: the
// worker's Wasm state is gone. Loop only.
func (e *wasmEngine) stopped() {
	if e.stop.told {
		return
	}
	e.stop.told = true
	if f := e.rl.opts.OnWasmStopped; f != nil {
		f()
	}
}
