package jsruntime

// What WeakRef and FinalizationRegistry share: values held weakly, the
// objects a job keeps alive, and the intrinsics they were built with.
// https://tc39.es/ecma262/#sec-weakref-execution
//
// A JS object is a *goja.Object and a symbol a *goja.Symbol, and goja holds
// neither strongly once no script value reaches it (its own WeakMap is built
// on the same weak pointers), so Go's garbage collector decides when a
// target is gone: weak.Pointer tells a WeakRef, runtime.AddCleanup tells a
// FinalizationRegistry.

import (
	"runtime"
	"weak"

	"github.com/dop251/goja"
)

// weakBuiltins is the per-runtime state of WeakRef and FinalizationRegistry,
// captured before any script runs. Loop only.
type weakBuiltins struct {
	states   instanceStates
	keyFor   goja.Callable // the original Symbol.keyFor, a native function
	describe *describer
}

// weakTarget holds an object or a symbol weakly. Two weakTargets made from
// the same value are equal, even after it is gone, so it serves as a map
// key for unregister tokens.
type weakTarget struct {
	obj weak.Pointer[goja.Object]
	sym weak.Pointer[goja.Symbol]
}

// makeWeakTarget holds v, an object or a symbol, weakly.
func makeWeakTarget(v goja.Value) weakTarget {
	switch t := v.(type) {
	case *goja.Object:
		return weakTarget{obj: weak.Make(t)}
	case *goja.Symbol:
		return weakTarget{sym: weak.Make(t)}
	}
	panic("jsruntime: weak target is neither an object nor a symbol")
}

// value returns the target, or nil once it has been collected.
func (w weakTarget) value() goja.Value {
	if o := w.obj.Value(); o != nil {
		return o
	}
	if s := w.sym.Value(); s != nil {
		return s
	}
	return nil
}

// canBeHeldWeakly is the spec's CanBeHeldWeakly: objects, and symbols that
// are not in the global symbol registry (Symbol.for), whose identity lives
// forever.
func (w *weakBuiltins) canBeHeldWeakly(v goja.Value) bool {
	switch v.(type) {
	case *goja.Object:
		return true
	case *goja.Symbol:
		key, err := w.keyFor(goja.Undefined(), v)
		return err == nil && goja.IsUndefined(key)
	}
	return false
}

// onCollect arranges for fn(arg) to run, on a goroutine of Go's runtime,
// after v (an object or a symbol) has been collected. arg must not reach v,
// or v is never collected; fn must not touch goja (see [cellCollected]).
func onCollect[A any](v goja.Value, fn func(A), arg A) runtime.Cleanup {
	switch t := v.(type) {
	case *goja.Object:
		return runtime.AddCleanup(t, fn, arg)
	case *goja.Symbol:
		return runtime.AddCleanup(t, fn, arg)
	}
	panic("jsruntime: weak target is neither an object nor a symbol")
}

// keepDuringJob is the spec's AddToKeptObjects: v stays alive at least
// until the job running now ends, so a script that made a WeakRef or read
// one sees the same target for the rest of its synchronous run. On the
// loop.
func (r *Runtime) keepDuringJob(v goja.Value) {
	if r.kept == nil {
		r.kept = make(map[goja.Value]struct{})
	}
	r.kept[v] = struct{}{}
}

// endJob runs after each job (goja has run the job's promise reactions by
// then): it is the spec's ClearKeptObjects, and it drops what goja's stacks
// still refer to (see dropStaleFrames), so that what the job let go of can
// be collected. On the loop.
func (r *Runtime) endJob() {
	r.kept = nil
	dropStaleFrames(r.vm)
}
