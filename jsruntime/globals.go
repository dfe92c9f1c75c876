package jsruntime

import (
	"github.com/dop251/goja"
)

// asyncIteratorPolyfill defines Symbol.asyncIterator, which goja lacks, before
// any script runs: esbuild's lowered `for await` looks it up, and
// ReadableStream uses the same symbol.
const asyncIteratorPolyfill = `if (typeof Symbol.asyncIterator !== "symbol") {
  Object.defineProperty(Symbol, "asyncIterator", { value: Symbol.for("Symbol.asyncIterator") });
}`

// queueMicrotaskSource is queueMicrotask on top of goja's promise job queue,
// the only microtask queue goja exposes.
// A method, unlike a function expression, has no prototype property, as
// workerd's queueMicrotask has none.
const queueMicrotaskSource = `(function (resolved) {
  return {
    queueMicrotask(callback) {
      if (typeof callback !== "function") {
        throw new TypeError("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
      }
      resolved.then(function () { callback(); });
    },
  }.queueMicrotask;
})(Promise.resolve())`

// installGlobals sets up the sandbox (sandbox.go) and defines the
// engine-level globals: timers, queueMicrotask, Symbol.asyncIterator, and
// the language built-ins goja lacks, WeakRef and FinalizationRegistry. Web
// APIs live in package bindings.
func installGlobals(r *Runtime) {
	vm := r.vm
	installSandbox(vm)
	installWeakBuiltins(r)
	installFastStringify(vm)
	installAnnexB(r)
	installUpsert(r)
	fixEngineQuirks(vm)
	installES2025(r)
	installErrorStacks(r)
	installDisposable(r)
	installDisposableStack(r)
	installIntl(r)
	if _, err := RunInternal(vm, "asyncIterator", asyncIteratorPolyfill); err != nil {
		panic(err)
	}
	qm, err := RunInternal(vm, "queueMicrotask", queueMicrotaskSource)
	if err != nil {
		panic(err)
	}
	g := vm.GlobalObject()
	set := func(name string, v interface{}) {
		if err := g.DefineDataProperty(name, vm.ToValue(v), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	set("queueMicrotask", qm)
	set("setTimeout", func(call goja.FunctionCall) goja.Value { return r.setTimer(call, false) })
	set("setInterval", func(call goja.FunctionCall) goja.Value { return r.setTimer(call, true) })
	set("clearTimeout", r.clearTimer)
	set("clearInterval", r.clearTimer)
}
