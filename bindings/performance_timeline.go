package bindings

// The User Timing part of performance (mark, measure, getEntries…,
// https://w3c.github.io/user-timing/) and the Node.js-compatible members
// workerd's Performance has, as workerd 1.20261117 behaves: marks and
// measures stay in one timeline per isolate; measure() takes its start from
// a mark name or options.start and its end from options.end, else
// start + options.duration, else now (an end mark is ignored, and an
// unknown mark name counts as 0); a detail must be an object and is kept
// as given, not cloned; a PerformanceObserver accepts observe() but is
// never called.

import (
	"math"

	"github.com/dop251/goja"
)

// perfEntry is the state of a PerformanceEntry (a PerformanceMark or
// PerformanceMeasure).
type perfEntry struct {
	name, entryType string
	startTime       float64
	duration        float64
	detail          goja.Value
}

// perfTimeline is the isolate's marks and measures, in the order made.
type perfTimeline struct {
	entries []*goja.Object
}

// installPerformanceTimeline adds the timeline to Performance and defines
// PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver,
// PerformanceObserverEntryList and PerformanceResourceTiming.
func (rl *Realm) installPerformanceTimeline() {
	entry := rl.newClass("PerformanceEntry", nil, nil)
	get := stateGetter[perfEntry](rl, entry)
	get("name", func(e *perfEntry) goja.Value { return rl.vm.ToValue(e.name) })
	get("entryType", func(e *perfEntry) goja.Value { return rl.vm.ToValue(e.entryType) })
	get("startTime", func(e *perfEntry) goja.Value { return rl.vm.ToValue(e.startTime) })
	get("duration", func(e *perfEntry) goja.Value { return rl.vm.ToValue(e.duration) })
	entry.method("toJSON", func(call goja.FunctionCall) goja.Value {
		return rl.perfEntryJSON(thisState[perfEntry](rl, call), false)
	})
	markClass := rl.newClass("PerformanceMark", entry, func(call goja.FunctionCall) {
		rl.attach(call.This.(*goja.Object), rl.newMark(call, "PerformanceMark", "constructor parameter 1"))
	})
	measureClass := rl.newClass("PerformanceMeasure", entry, nil)
	for _, c := range []*jsClass{markClass, measureClass} {
		c.getter("detail", func(call goja.FunctionCall) goja.Value { return thisState[perfEntry](rl, call).detail })
		c.method("toJSON", func(call goja.FunctionCall) goja.Value {
			return rl.perfEntryJSON(thisState[perfEntry](rl, call), true)
		})
	}
	list := rl.installPerformanceObserver()
	rl.installResourceTimingMembers(rl.newClass("PerformanceResourceTiming", entry, nil), list)

	ctor := rl.vm.Get("Performance").(*goja.Object)
	perf := &jsClass{name: "Performance", ctor: ctor, proto: ctor.Get("prototype").(*goja.Object), rl: rl}
	tl := &perfTimeline{}
	perf.method("mark", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		o := markClass.instance(rl.newMark(call, "mark", "parameter 1"))
		tl.entries = append(tl.entries, o)
		return o
	})
	perf.method("measure", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		o := measureClass.instance(rl.newMeasure(call, tl))
		tl.entries = append(tl.entries, o)
		return o
	})
	perf.method("getEntries", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		return tl.list(rl, func(*perfEntry) bool { return true })
	})
	perf.method("getEntriesByName", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		name := rl.perfString(call, "getEntriesByName")
		typ := call.Argument(1)
		return tl.list(rl, func(e *perfEntry) bool {
			return e.name == name && (goja.IsUndefined(typ) || e.entryType == typ.String())
		})
	})
	perf.method("getEntriesByType", func(call goja.FunctionCall) goja.Value {
		thisState[performanceState](rl, call)
		typ := rl.perfString(call, "getEntriesByType")
		return tl.list(rl, func(e *perfEntry) bool { return e.entryType == typ })
	})
	for _, m := range [][2]string{{"clearMarks", "mark"}, {"clearMeasures", "measure"}} {
		method, typ := m[0], m[1]
		perf.method(method, func(call goja.FunctionCall) goja.Value {
			thisState[performanceState](rl, call)
			name := call.Argument(0)
			tl.remove(rl, func(e *perfEntry) bool {
				return e.entryType == typ && (goja.IsUndefined(name) || e.name == name.String())
			})
			return goja.Undefined()
		})
	}
	rl.installPerformanceNodeMembers(perf)
}

// list returns the entries keep accepts, as a new array.
func (tl *perfTimeline) list(rl *Realm, keep func(*perfEntry) bool) goja.Value {
	var out []any
	for _, o := range tl.entries {
		if keep(stateOf[perfEntry](rl, o)) {
			out = append(out, o)
		}
	}
	return rl.vm.NewArray(out...)
}

// remove drops the entries drop accepts.
func (tl *perfTimeline) remove(rl *Realm, drop func(*perfEntry) bool) {
	kept := tl.entries[:0]
	for _, o := range tl.entries {
		if !drop(stateOf[perfEntry](rl, o)) {
			kept = append(kept, o)
		}
	}
	clear(tl.entries[len(kept):])
	tl.entries = kept
}

// perfString reads a required string argument of a Performance method.
func (rl *Realm) perfString(call goja.FunctionCall, method string) string {
	if len(call.Arguments) == 0 {
		rl.throwTypeError("Failed to execute '" + method + "' on 'Performance': parameter 1 is not of type 'string'.")
	}
	return call.Argument(0).String()
}

// newMark reads (name, {startTime, detail}) for mark() and new
// PerformanceMark(); what names the call in the missing-name error.
func (rl *Realm) newMark(call goja.FunctionCall, method, param string) *perfEntry {
	if len(call.Arguments) == 0 {
		if method == "PerformanceMark" {
			rl.throwTypeError("Failed to construct 'PerformanceMark': " + param + " is not of type 'string'.")
		}
		rl.throwTypeError("Failed to execute 'mark' on 'Performance': " + param + " is not of type 'string'.")
	}
	e := &perfEntry{name: call.Argument(0).String(), entryType: "mark", startTime: float64(rl.performanceNow()), detail: goja.Null()}
	opts := call.Argument(1)
	if st := member(opts, "startTime"); !goja.IsUndefined(st) {
		e.startTime = st.ToFloat()
	}
	e.detail = rl.perfDetail(opts)
	return e
}

// newMeasure reads (name, startOrOptions, endMark) for measure().
func (rl *Realm) newMeasure(call goja.FunctionCall, tl *perfTimeline) *perfEntry {
	if len(call.Arguments) == 0 {
		rl.throwTypeError("Failed to execute 'measure' on 'Performance': parameter 1 is not of type 'string'.")
	}
	e := &perfEntry{name: call.Argument(0).String(), entryType: "measure", detail: goja.Null()}
	now := float64(rl.performanceNow())
	end := now
	switch arg := call.Argument(1).(type) {
	case *goja.Object:
		if s := member(arg, "start"); !goja.IsUndefined(s) {
			e.startTime = s.ToFloat()
		}
		if en := member(arg, "end"); !goja.IsUndefined(en) {
			end = en.ToFloat()
		} else if d := member(arg, "duration"); !goja.IsUndefined(d) {
			end = e.startTime + d.ToFloat()
		}
		e.detail = rl.perfDetail(arg)
	default:
		if !goja.IsUndefined(arg) && !goja.IsNull(arg) {
			e.startTime = tl.markTime(rl, arg.String())
		}
	}
	e.duration = end - e.startTime
	if math.IsNaN(e.startTime) {
		e.duration = math.NaN()
	}
	return e
}

// markTime is the startTime of the latest mark named name, or 0.
func (tl *perfTimeline) markTime(rl *Realm, name string) float64 {
	for i := len(tl.entries) - 1; i >= 0; i-- {
		if e := stateOf[perfEntry](rl, tl.entries[i]); e.entryType == "mark" && e.name == name {
			return e.startTime
		}
	}
	return 0
}

// perfDetail reads options.detail: absent is null, anything else must be
// an object, kept as it is.
func (rl *Realm) perfDetail(opts goja.Value) goja.Value {
	d := member(opts, "detail")
	if goja.IsUndefined(d) {
		return goja.Null()
	}
	if _, ok := d.(*goja.Object); !ok {
		rl.throwTypeError("Incorrect type for the 'detail' field on 'Options': the provided value is not of type 'Object'.")
	}
	return d
}

// perfEntryJSON is an entry's toJSON(); withDetail adds a detail that was
// given, as PerformanceMark's and PerformanceMeasure's do.
func (rl *Realm) perfEntryJSON(e *perfEntry, withDetail bool) goja.Value {
	o := rl.vm.NewObject()
	_ = o.Set("name", e.name)
	_ = o.Set("entryType", e.entryType)
	_ = o.Set("startTime", e.startTime)
	_ = o.Set("duration", e.duration)
	if withDetail && !goja.IsNull(e.detail) {
		_ = o.Set("detail", e.detail)
	}
	return o
}
