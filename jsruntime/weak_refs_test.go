package jsruntime_test

// WeakRef and FinalizationRegistry against Go's real garbage collector: the
// tests drop JS objects, run runtime.GC() until the collector has noticed,
// and check what scripts then see. Errors and shapes are checked against
// workerd by the conformance case weak_refs.

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
	"workerhost/jsruntime/jsruntimetest"
)

// startLoop starts a runtime's loop, as the server does, and runs src on it.
func startLoop(t *testing.T, src string) (*jsruntime.Runtime, *jsruntimetest.Buffer) {
	t.Helper()
	log := &jsruntimetest.Buffer{}
	r := jsruntime.New(jsruntime.Options{ErrorLog: log})
	r.Start()
	t.Cleanup(r.Stop)
	evalOn(t, r, src)
	return r, log
}

// evalOn runs src on the loop, as one job, and returns its value exported.
// The result is exported so that no goja value outlives the job.
func evalOn(t *testing.T, r *jsruntime.Runtime, src string) any {
	t.Helper()
	var got any
	err := r.Do(func(vm *goja.Runtime) error {
		v, err := vm.RunString(src)
		if err == nil {
			got = v.Export()
		}
		return err
	})
	if err != nil {
		t.Fatalf("%s: %v", src, err)
	}
	return got
}

// collectUntil runs the collector until cond, a JS expression evaluated in
// a job of its own, is true. Go runs cleanups on a goroutine of its own
// after a cycle, so it polls, for up to ten seconds.
func collectUntil(t *testing.T, r *jsruntime.Runtime, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		runtime.GC()
		if evalOn(t, r, cond) == true {
			return
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("after collecting for 10s, %s is still false (log: %s)", cond, evalOn(t, r, "JSON.stringify(log)"))
}

// collectALot runs a few collector cycles, giving cleanups time to run, for
// tests that check that something does not happen.
func collectALot(t *testing.T, r *jsruntime.Runtime) {
	t.Helper()
	for range 5 {
		runtime.GC()
		evalOn(t, r, "0")
		time.Sleep(time.Millisecond)
	}
}

func TestWeakRefDerefIsUndefinedOnceTheTargetIsCollected(t *testing.T) {
	t.Parallel()
	r, _ := startLoop(t, `
		var log = [];
		var kept = { name: "kept" };
		var keptRef = new WeakRef(kept);
		var droppedRef = (function () { return new WeakRef({ name: "dropped" }); })();
		var symbolRef = new WeakRef(Symbol("dropped"));
		droppedRef.deref().name;
	`)
	collectUntil(t, r, `droppedRef.deref() === undefined && symbolRef.deref() === undefined`)
	if got := evalOn(t, r, `keptRef.deref() === kept && keptRef.deref().name`); got != "kept" {
		t.Errorf("a reachable target: deref().name = %v, want kept", got)
	}
}

func TestWeakRefKeepsItsTargetUntilTheJobEnds(t *testing.T) {
	t.Parallel()
	r, _ := startLoop(t, "var log = [];")
	if err := r.Do(func(vm *goja.Runtime) error {
		return vm.Set("gc", func() { runtime.GC(); runtime.GC() })
	}); err != nil {
		t.Fatal(err)
	}
	got := evalOn(t, r, `
		var ref = (function () { return new WeakRef({ name: "fresh" }); })();
		gc();
		var first = ref.deref() ? ref.deref().name : "gone";
		gc();
		first + " " + (ref.deref() ? ref.deref().name : "gone");
	`)
	if got != "fresh fresh" {
		t.Errorf("deref() within the job that made the WeakRef = %v, want the target both times", got)
	}
	collectUntil(t, r, "ref.deref() === undefined")
}

func TestFinalizationRegistryCallsBackWithTheHeldValue(t *testing.T) {
	t.Parallel()
	r, _ := startLoop(t, `
		var log = [];
		var reg = new FinalizationRegistry(function (held) { "use strict"; log.push(held + (this === undefined ? "" : " with a this")); });
		var alive = {};
		reg.register(alive, "alive");
		(function () {
			reg.register({}, "object");
			reg.register(function () {}, "function");
			reg.register(Symbol("s"), "symbol");
			reg.register({}, "with a token", {});
		})();
	`)
	collectUntil(t, r, `log.length === 4`)
	got := evalOn(t, r, `log.slice().sort().join(",")`)
	if got != "function,object,symbol,with a token" {
		t.Errorf("callbacks = %v, want one per collected target, with its held value and no this", got)
	}
	collectALot(t, r)
	if got := evalOn(t, r, `log.length`); got != int64(4) {
		t.Errorf("after more collections, %v callbacks, want 4 (each once; the live target's never)", got)
	}
}

func TestFinalizationRegistryCallbackRunsOutsideTheRequestThatRegistered(t *testing.T) {
	t.Parallel()
	r, _ := startLoop(t, `
		var log = [];
		var reg = new FinalizationRegistry(function (held) { log.push(held + " in a request: " + inRequest()); });
	`)
	ctx := jsruntime.NewIOContext("fetch GET /", nil)
	if err := r.Do(func(vm *goja.Runtime) error {
		return vm.Set("inRequest", func() bool { return r.Current() != nil })
	}); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	r.EnqueueIn(ctx, func(vm *goja.Runtime) {
		if _, err := vm.RunString(`(function () { reg.register({}, "registered"); })(); 0`); err != nil {
			t.Error(err)
		}
		r.Finish(ctx) // the request is over before the target is collected
		close(done)
	})
	<-done
	collectUntil(t, r, `log.length === 1`)
	if got := evalOn(t, r, `log[0]`); got != "registered in a request: false" {
		t.Errorf("callback = %v, want it run as a job of no request", got)
	}
}

func TestFinalizationRegistryUnregister(t *testing.T) {
	t.Parallel()
	r, _ := startLoop(t, `
		var log = [];
		var reg = new FinalizationRegistry(function (held) { log.push(held); });
		var token = {};
		var results = [];
		var refs = (function () {
			var a = {}, b = {}, c = {};
			reg.register(a, "a", token);
			reg.register(b, "b", b);
			reg.register(c, "c");
			results.push(reg.unregister(token), reg.unregister(b), reg.unregister(token), reg.unregister({}));
			return [new WeakRef(a), new WeakRef(b)];
		})();
		results.join(",");
	`)
	if got := evalOn(t, r, `results.join(",")`); got != "true,true,false,false" {
		t.Errorf("unregister results = %v, want true,true,false,false", got)
	}
	collectUntil(t, r, `log.length === 1 && refs[0].deref() === undefined && refs[1].deref() === undefined`)
	collectALot(t, r)
	if got := evalOn(t, r, `log.join(",")`); got != "c" {
		t.Errorf("callbacks = %v, want only c's: a and b were unregistered", got)
	}
}

func TestFinalizationRegistryHoldsHeldValuesUntilUnregistered(t *testing.T) {
	t.Parallel()
	r, _ := startLoop(t, `
		var log = [];
		var reg = new FinalizationRegistry(function () {});
		var target = {};
		var heldRef = (function () {
			var held = { name: "held" };
			reg.register(target, held, target);
			return new WeakRef(held);
		})();
		0;
	`)
	collectALot(t, r)
	if got := evalOn(t, r, `heldRef.deref() && heldRef.deref().name`); got != "held" {
		t.Fatalf("held value while registered = %v, want it kept alive by the registry", got)
	}
	evalOn(t, r, `reg.unregister(target); 0`)
	collectUntil(t, r, `heldRef.deref() === undefined`)
}

func TestACollectedRegistryDropsItsRegistrations(t *testing.T) {
	t.Parallel()
	r, _ := startLoop(t, `
		var log = [];
		var target = {};
		var refs = (function () {
			var held = {};
			// The callback closes over the registry: a cycle the collector frees.
			var reg = new FinalizationRegistry(function (h) { log.push("called"); reg.unregister(h); });
			reg.register(target, held);
			return [new WeakRef(reg), new WeakRef(held)];
		})();
		0;
	`)
	collectUntil(t, r, `refs[0].deref() === undefined && refs[1].deref() === undefined`)
	evalOn(t, r, `target = null; 0`)
	collectALot(t, r)
	if got := evalOn(t, r, `log.length`); got != int64(0) {
		t.Errorf("%v callbacks after the registry was collected, want 0", got)
	}
}

func TestAThrowingCallbackIsReportedAndOthersStillRun(t *testing.T) {
	t.Parallel()
	r, errs := startLoop(t, `
		var log = [];
		var reg = new FinalizationRegistry(function (held) {
			log.push(held);
			if (held === "throws") throw new Error("in cleanup");
		});
		(function () { reg.register({}, "throws"); reg.register({}, "fine"); })();
	`)
	collectUntil(t, r, `log.length === 2`)
	if !strings.Contains(errs.String(), "Uncaught Error: in cleanup") {
		t.Errorf("log = %q, want the callback's error reported as uncaught", errs.String())
	}
}

func TestAPendingRegistrationDoesNotKeepTheLoopRunning(t *testing.T) {
	t.Parallel()
	r := jsruntime.New(jsruntime.Options{})
	t.Cleanup(r.Stop)
	returned := make(chan error, 1)
	go func() {
		returned <- r.RunUntilIdle(func(vm *goja.Runtime) error {
			_, err := vm.RunString(`
				var target = {};
				var reg = new FinalizationRegistry(function () {});
				reg.register(target, "held");
				(function () { reg.register({}, "collectable"); })();
				var ref = new WeakRef(target);
			`)
			return err
		})
	}()
	select {
	case err := <-returned:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("RunUntilIdle did not return while registrations were pending")
	}
}

func TestScopesLeftBehindByNestedCallsAreCollected(t *testing.T) {
	t.Parallel()
	// Each of these enters JS from Go inside the function; goja remembers
	// the function's scope in its stacks past the end of the call, which
	// the runtime clears after each job.
	for name, call := range map[string]string{
		"new":       "new (function () {})()",
		"forEach":   "[1].forEach(function () {})",
		"call":      "(function () {}).call(null)",
		"bound new": "new ((function () {}).bind())()",
		"WeakRef":   "new WeakRef({})",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r, _ := startLoop(t, `
				var log = [];
				var ref = (function () {
					var target = {};
					var closure = function () { return target; };
					`+call+`;
					return new WeakRef(target);
				})();
				0;
			`)
			collectUntil(t, r, "ref.deref() === undefined")
		})
	}
}

// The pattern of wasm-bindgen's generated glue: closures handed to JS and
// exported objects are registered, with a token, so that Rust frees them
// when JS drops them, and free() unregisters.
func TestWasmBindgenGlueFreesWhatJSDrops(t *testing.T) {
	t.Parallel()
	r, _ := startLoop(t, `
		var log = [];
		const CLOSURE_DTORS = (typeof FinalizationRegistry === "undefined")
			? { register: () => {}, unregister: () => {} }
			: new FinalizationRegistry((state) => { log.push("closure " + state.a); });
		const FooFinalization = new FinalizationRegistry((ptr) => { log.push("Foo " + (ptr >>> 0)); });
		function makeMutClosure(a) {
			const state = { a: a, cnt: 1 };
			const real = (...args) => { state.cnt++; return args.length; };
			real.original = state;
			CLOSURE_DTORS.register(real, state, state);
			return real;
		}
		class Foo {
			constructor(ptr) {
				this.__wbg_ptr = ptr;
				FooFinalization.register(this, this.__wbg_ptr, this);
			}
			free() {
				const ptr = this.__wbg_ptr;
				this.__wbg_ptr = 0;
				FooFinalization.unregister(this);
				log.push("Foo freed " + ptr);
			}
		}
		var kept = (function () {
			makeMutClosure(1)(1, 2);
			new Foo(7);
			new Foo(8).free();
			return [makeMutClosure(2), new Foo(9)];
		})();
	`)
	collectUntil(t, r, `log.length === 3`)
	collectALot(t, r)
	if got := evalOn(t, r, `log.slice().sort().join(", ")`); got != "Foo 7, Foo freed 8, closure 1" {
		t.Errorf("log = %v, want the dropped closure and object freed, the freed one once, the kept ones not", got)
	}
}
