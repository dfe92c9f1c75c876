package bindings

// The Go side of node:async_hooks (js/node_async_hooks.js): its stores live
// in the runtime's async context (jsruntime.AsyncFrame), keyed by each
// AsyncLocalStorage's private key object.

import (
	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// asyncHooksHelpers gives node_async_hooks.js the async context.
func (rl *Realm) asyncHooksHelpers() *goja.Object {
	h := rl.vm.NewObject()
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) {
		_ = h.Set(name, rl.function(name, fn))
	}
	set("get", func(call goja.FunctionCall) goja.Value {
		if v, ok := rl.rt.AsyncFrame().Lookup(call.Argument(0).(*goja.Object)); ok {
			return v.(goja.Value)
		}
		return goja.Undefined()
	})
	set("run", func(call goja.FunctionCall) goja.Value {
		frame := rl.rt.AsyncFrame().With(call.Argument(0).(*goja.Object), call.Argument(1))
		return rl.callInFrame(frame, call.Argument(2), call.Argument(3), call.Argument(4))
	})
	set("snapshot", func(goja.FunctionCall) goja.Value {
		return rl.vm.ToValue(asyncSnapshot{rl.rt.AsyncFrame()})
	})
	set("runIn", func(call goja.FunctionCall) goja.Value {
		snap, _ := call.Argument(0).Export().(asyncSnapshot)
		return rl.callInFrame(snap.frame, call.Argument(1), call.Argument(2), call.Argument(3))
	})
	return h
}

// asyncSnapshot holds a captured frame for JS to hand back.
type asyncSnapshot struct{ frame *jsruntime.AsyncFrame }

// callInFrame calls fn(...args) with this as its receiver, in frame;
// a throw from fn propagates.
func (rl *Realm) callInFrame(frame *jsruntime.AsyncFrame, fn, this, args goja.Value) goja.Value {
	f, ok := goja.AssertFunction(fn)
	if !ok {
		panic(rl.vm.NewTypeError("The \"fn\" argument must be of type function."))
	}
	var list []goja.Value
	if o, ok := args.(*goja.Object); ok {
		_ = rl.vm.ExportTo(o, &list)
	}
	var result goja.Value
	var err error
	rl.rt.RunInFrame(frame, func() { result, err = f(this, list...) })
	if err != nil {
		panic(err)
	}
	return result
}
