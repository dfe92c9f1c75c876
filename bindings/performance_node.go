package bindings

// The members workerd's Performance has for Node.js compatibility, with
// the values workerd gives: there is no event loop to measure and no
// resource timing, so they report nothing. And PerformanceObserver, which
// workerd has but never calls.

import (
	"github.com/dop251/goja"
)

// installPerformanceNodeMembers adds eventCounts, nodeTiming,
// eventLoopUtilization, timerify and the resource-timing methods.
func (rl *Realm) installPerformanceNodeMembers(perf *jsClass) {
	eventCounts := rl.defineClass("EventCounts", nil, nil, "")
	nodeTiming := rl.defineClass("PerformanceNodeTiming", nil, nil, "")
	counts := eventCounts.instance(&performanceState{})
	timing := nodeTiming.instance(&performanceState{})
	perf.getter("eventCounts", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		return counts
	})
	perf.getter("nodeTiming", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		return timing
	})
	perf.method("eventLoopUtilization", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		o := rl.vm.NewObject()
		_ = o.Set("idle", 0)
		_ = o.Set("active", 0)
		_ = o.Set("utilization", 0)
		return o
	})
	perf.method("timerify", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		if _, ok := goja.AssertFunction(call.Argument(0)); !ok {
			rl.throwTypeError("Failed to execute 'timerify' on 'Performance': parameter 1 is not of type 'Function'.")
		}
		return call.Argument(0)
	})
	for _, name := range []string{"clearResourceTimings", "markResourceTiming", "setResourceTimingBufferSize"} {
		perf.method(name, func(call goja.FunctionCall) goja.Value {
			thisState[performanceState](rl, call)
			return goja.Undefined()
		})
	}
}

// perfObserver is the state of a PerformanceObserver.
type perfObserver struct{}

// installPerformanceObserver defines PerformanceObserver (observe,
// disconnect and takeRecords accepted, its callback never called, as in
// workerd) and returns PerformanceObserverEntryList.
func (rl *Realm) installPerformanceObserver() *jsClass {
	c := rl.newClass("PerformanceObserver", nil, func(call goja.FunctionCall) {
		if _, ok := goja.AssertFunction(call.Argument(0)); !ok {
			rl.throwTypeError("Failed to construct 'PerformanceObserver': constructor parameter 1 is not of type 'Function'.")
		}
		rl.attach(call.This.(*goja.Object), &perfObserver{})
	})
	for _, name := range []string{"disconnect", "observe"} {
		c.method(name, func(call goja.FunctionCall) goja.Value {
			thisState[perfObserver](rl, call)
			return goja.Undefined()
		})
	}
	c.method("takeRecords", func(call goja.FunctionCall) goja.Value {
		thisState[perfObserver](rl, call)
		return rl.vm.NewArray()
	})
	types := rl.vm.NewArray("measure", "mark")
	if err := c.ctor.DefineDataProperty("supportedEntryTypes", types, goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	return rl.newClass("PerformanceObserverEntryList", nil, nil)
}
