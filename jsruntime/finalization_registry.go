package jsruntime

// FinalizationRegistry: https://tc39.es/ecma262/#sec-finalization-registry-objects
// with V8's messages, as workerd gives them (conformance case weak_refs).
//
// Each registration is a Go cleanup on its target (runtime.AddCleanup). It
// runs on a goroutine of Go's runtime once the target is collected, and
// only hands the registration's number to the loop; the callback then runs
// there as a job of no request, as HostEnqueueFinalizationRegistryCleanupJob
// asks. A registration is not pending work: a runtime with nothing else to
// do is idle even while targets are still alive.

import (
	"runtime"
	"weak"

	"github.com/dop251/goja"
)

// registry is the state of a FinalizationRegistry. The JS object owns it
// (see instanceStates), so a registry nobody reaches is collected with its
// held values, and its registrations' cleanups find it gone. Loop only,
// except rt, which never changes.
type registry struct {
	rt      *Runtime
	cleanup goja.Callable
	cells   map[uint64]*cell
	// tokens finds the registrations made with an unregister token.
	tokens map[weakTarget]map[uint64]struct{}
	nextID uint64
}

// cell is one registration: the held value, kept strongly until the
// callback runs or the registration is unregistered, and the token, held
// weakly.
type cell struct {
	held     goja.Value
	token    weakTarget
	hasToken bool
	watch    runtime.Cleanup
}

// cellRef is all a Go cleanup carries: plain data that reaches neither the
// target nor, strongly, the registry.
type cellRef struct {
	reg weak.Pointer[registry]
	id  uint64
}

// cellCollected runs on a goroutine of Go's runtime after a registered
// target was collected. It must not touch goja: it hands the registration
// to the loop, unless the registry or the runtime is gone.
func cellCollected(ref cellRef) {
	reg := ref.reg.Value()
	if reg == nil {
		return
	}
	reg.rt.Enqueue(func(*goja.Runtime) { reg.finalize(ref.id) })
}

// installFinalizationRegistry defines FinalizationRegistry.
func installFinalizationRegistry(r *Runtime) {
	vm, w := r.vm, r.weak
	c := newBuiltinClass(vm, &w.states, "FinalizationRegistry", func(_ *goja.Object, arg goja.Value) *instanceState {
		cleanup, ok := goja.AssertFunction(arg)
		if !ok {
			throwTypeError(vm, "FinalizationRegistry: cleanup must be callable")
		}
		return &instanceState{registry: &registry{rt: r, cleanup: cleanup, cells: make(map[uint64]*cell), tokens: make(map[weakTarget]map[uint64]struct{})}}
	})
	this := func(call goja.FunctionCall, method string) *registry {
		if s := w.states.get(call.This); s != nil && s.registry != nil {
			return s.registry
		}
		throwTypeError(vm, "Method FinalizationRegistry.prototype."+method+" called on incompatible receiver "+w.describe.String(call.This))
		return nil
	}
	c.method("register", 2, func(call goja.FunctionCall) goja.Value {
		reg := this(call, "register")
		target, held, token := call.Argument(0), call.Argument(1), call.Argument(2)
		if !w.canBeHeldWeakly(target) {
			throwTypeError(vm, "FinalizationRegistry.prototype.register: invalid target")
		}
		if target.SameAs(held) {
			throwTypeError(vm, "FinalizationRegistry.prototype.register: target and holdings must not be same")
		}
		if !goja.IsUndefined(token) && !w.canBeHeldWeakly(token) {
			throwTypeError(vm, "Invalid unregisterToken ('"+w.describe.String(token)+"')")
		}
		reg.register(target, held, token)
		return goja.Undefined()
	})
	c.method("unregister", 1, func(call goja.FunctionCall) goja.Value {
		reg := this(call, "unregister")
		token := call.Argument(0)
		if !w.canBeHeldWeakly(token) {
			throwTypeError(vm, "Invalid unregisterToken ('"+w.describe.String(token)+"')")
		}
		return vm.ToValue(reg.unregister(makeWeakTarget(token)))
	})
}

// register records a registration and arranges for its callback. On the
// loop.
func (reg *registry) register(target, held, token goja.Value) {
	reg.nextID++
	id := reg.nextID
	c := &cell{held: held}
	if !goja.IsUndefined(token) {
		c.token, c.hasToken = makeWeakTarget(token), true
		ids := reg.tokens[c.token]
		if ids == nil {
			ids = make(map[uint64]struct{})
			reg.tokens[c.token] = ids
		}
		ids[id] = struct{}{}
	}
	c.watch = onCollect(target, cellCollected, cellRef{reg: weak.Make(reg), id: id})
	reg.cells[id] = c
}

// unregister drops the registrations made with token and reports whether
// there were any. On the loop.
func (reg *registry) unregister(token weakTarget) bool {
	ids := reg.tokens[token]
	delete(reg.tokens, token)
	for id := range ids {
		reg.cells[id].watch.Stop()
		delete(reg.cells, id)
	}
	return len(ids) > 0
}

// finalize runs the callback of registration id, whose target was
// collected, unless it was unregistered meanwhile. On the loop.
func (reg *registry) finalize(id uint64) {
	c, ok := reg.cells[id]
	if !ok {
		return
	}
	delete(reg.cells, id)
	if c.hasToken {
		ids := reg.tokens[c.token]
		delete(ids, id)
		if len(ids) == 0 {
			delete(reg.tokens, c.token)
		}
	}
	if _, err := reg.cleanup(goja.Undefined(), c.held); err != nil {
		reg.rt.ReportError(err)
	}
}
