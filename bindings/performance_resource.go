package bindings

import "github.com/dop251/goja"

// The members of PerformanceResourceTiming and PerformanceObserverEntryList.
// workerd defines both classes but records no resource timings and never
// calls a PerformanceObserver's callback, so no instance of either exists
// there, nor here: each member checks its receiver and throws workerd's
// Illegal invocation on anything else.

// resourceTiming is the state a PerformanceResourceTiming would have.
type resourceTiming struct{}

// perfEntryList is the state a PerformanceObserverEntryList would have.
type perfEntryList struct{}

// resourceTimingMembers are PerformanceResourceTiming's accessors.
var resourceTimingMembers = []string{
	"connectEnd", "connectStart", "decodedBodySize", "domainLookupEnd", "domainLookupStart",
	"encodedBodySize", "fetchStart", "initiatorType", "nextHopProtocol", "redirectEnd",
	"redirectStart", "requestStart", "responseEnd", "responseStart", "responseStatus",
	"secureConnectionStart", "transferSize", "workerStart",
}

// installResourceTimingMembers gives the two classes their members.
func (rl *Realm) installResourceTimingMembers(timing, list *jsClass) {
	for _, name := range resourceTimingMembers {
		timing.getter(name, func(call goja.FunctionCall) goja.Value {
			thisState[resourceTiming](rl, call)
			return goja.Undefined()
		})
	}
	for _, name := range []string{"getEntries", "getEntriesByType", "getEntriesByName"} {
		list.method(name, func(call goja.FunctionCall) goja.Value {
			thisState[perfEntryList](rl, call)
			return rl.vm.NewArray()
		})
	}
}
