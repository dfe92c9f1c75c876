package bindings

// performance: the High Resolution Time API's now() and timeOrigin
// (https://w3c.github.io/hr-time/#the-performance-attribute), as workerd
// gives them. workerd's performance.now() is Date.now(): whole
// milliseconds since the Unix epoch, with timeOrigin 0, and both read 0
// while a script's top level runs (there is no request yet). Go's
// wasm_exec.js needs it for its clock.

import (
	"time"

	"github.com/dop251/goja"
)

// performanceState is the one Performance object's state; Performance is
// an EventTarget in workerd.
type performanceState struct {
	eventTarget
}

// installPerformance defines the Performance class (not constructible) and
// the performance global.
func (rl *Realm) installPerformance() {
	c := rl.newClass("Performance", rl.eventTargetClass, nil)
	c.getter("timeOrigin", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		return rl.vm.ToValue(0)
	})
	c.method("now", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		return rl.vm.ToValue(rl.performanceNow())
	})
	c.method("toJSON", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		o := rl.vm.NewObject()
		_ = o.Set("timeOrigin", 0)
		return o
	})
	rl.global("performance", c.instance(&performanceState{}))
}

// performanceNow is workerd's clock: milliseconds since the epoch, or 0 at
// a script's top level.
func (rl *Realm) performanceNow() int64 {
	if rl.rt.InGlobalScope() {
		return 0
	}
	return time.Now().UnixMilli()
}
