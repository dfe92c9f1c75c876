package jsruntime

// WeakRef: https://tc39.es/ecma262/#sec-weak-ref-objects
// with V8's messages, as workerd gives them (conformance case weak_refs).

import (
	"github.com/dop251/goja"
)

// weakRef is the state of a WeakRef: its [[WeakRefTarget]], held weakly.
type weakRef struct {
	target weakTarget
}

// installWeakBuiltins defines WeakRef and FinalizationRegistry. Before any
// script runs.
func installWeakBuiltins(r *Runtime) {
	vm := r.vm
	keyFor, ok := goja.AssertFunction(vm.Get("Symbol").(*goja.Object).Get("keyFor"))
	if !ok {
		panic("jsruntime: Symbol.keyFor is not a function")
	}
	r.weak = &weakBuiltins{keyFor: keyFor, describe: newDescriber(vm)}
	installWeakRef(r)
	installFinalizationRegistry(r)
}

// installWeakRef defines WeakRef.
func installWeakRef(r *Runtime) {
	vm, w := r.vm, r.weak
	c := newBuiltinClass(vm, &w.states, "WeakRef", func(_ *goja.Object, target goja.Value) *instanceState {
		if !w.canBeHeldWeakly(target) {
			throwTypeError(vm, "WeakRef: invalid target")
		}
		r.keepDuringJob(target)
		return &instanceState{weakRef: &weakRef{target: makeWeakTarget(target)}}
	})
	c.method("deref", 0, func(call goja.FunctionCall) goja.Value {
		var ref *weakRef
		if s := w.states.get(call.This); s != nil {
			ref = s.weakRef
		}
		if ref == nil {
			throwTypeError(vm, "Method WeakRef.prototype.deref called on incompatible receiver "+w.describe.String(call.This))
		}
		target := ref.target.value()
		if target == nil {
			return goja.Undefined()
		}
		r.keepDuringJob(target)
		return target
	})
}
