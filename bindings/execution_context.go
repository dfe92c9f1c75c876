package bindings

// ExecutionContext, the `ctx` argument of a module worker's fetch handler:
// https://developers.cloudflare.com/workers/runtime-apis/context/

import (
	"github.com/dop251/goja"
)

// executionContext is the state of one ExecutionContext.
type executionContext struct {
	passThrough bool
}

// installExecutionContext defines the ExecutionContext class, which is not a
// global (as in workerd) and cannot be constructed.
func (rl *Realm) installExecutionContext() {
	c := rl.defineClass("ExecutionContext", nil, nil, "")
	rl.executionContextClass = c
	defineLifetimeMethods(rl, c, func(ec *executionContext) *bool { return &ec.passThrough })
	c.getter("props", func(call goja.FunctionCall) goja.Value {
		thisState[executionContext](rl, call)
		return rl.vm.NewObject()
	})
}

// NewExecutionContext creates the ctx argument for one fetch event. On the
// loop.
func (rl *Realm) NewExecutionContext() *goja.Object {
	return rl.executionContextClass.instance(&executionContext{})
}

// defineLifetimeMethods defines waitUntil and passThroughOnException, which
// ExecutionContext and FetchEvent share, on c, whose instances hold a T;
// passThrough locates T's flag.
func defineLifetimeMethods[T any](rl *Realm, c *jsClass, passThrough func(*T) *bool) {
	c.method("waitUntil", func(call goja.FunctionCall) goja.Value {
		thisState[T](rl, call)
		rl.waitUntil(call.Argument(0))
		return goja.Undefined()
	})
	c.method("passThroughOnException", func(call goja.FunctionCall) goja.Value {
		*passThrough(thisState[T](rl, call)) = true
		return goja.Undefined()
	})
}
