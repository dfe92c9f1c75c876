package bindings

// Functions across the boundary: a Wasm export called from JS (an exported
// function object), and a JS function called from Wasm (a host function of
// an import module). A JS exception thrown in an import unwinds the Wasm
// frames and reaches the JS caller as the same value.

import (
	"context"
	"runtime"
	"slices"
	"strconv"
	"weak"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"

	"workerhost/internal/wasmbin"
)

// wasmFunc is the hidden state of a JS function made for a Wasm function:
// the instance it belongs to and which function it is.
type wasmFunc struct {
	owner *wasmInstance
	def   api.FunctionDefinition
}

// exportedFunction makes the JS function for a Wasm function of owner
// (wasmInstance.function keeps one per function); fresh makes another
// api.Function for it. Loop only.
//
// An api.Function runs on one stack (wazero's compiler gives each its own
// call engine), so a call that re-enters a function already running (Go's
// js/wasm resumes its scheduler from a callback that Go itself called) takes
// another api.Function from the function's spares.
func (e *wasmEngine) exportedFunction(owner *wasmInstance, fn api.Function, fresh func() api.Function) *goja.Object {
	def := fn.Definition()
	params, results := def.ParamTypes(), def.ResultTypes()
	size := max(len(params), len(results))
	spares := []api.Function{fn}
	v128 := slices.Contains(params, wasmbin.V128) || slices.Contains(results, wasmbin.V128)
	o := e.rl.function(strconv.Itoa(int(def.Index())), func(call goja.FunctionCall) goja.Value {
		if v128 {
			e.rl.throwTypeError("type incompatibility when transforming from/to JS")
		}
		stack := make([]uint64, size)
		for i, p := range params {
			stack[i] = e.toWasm(call.Argument(i), p)
		}
		var f api.Function
		if n := len(spares); n > 0 {
			f, spares = spares[n-1], spares[:n-1]
		} else {
			f = fresh()
		}
		e.enter()
		err := f.CallWithStack(e.ctx(), stack)
		e.leave()
		spares = append(spares, f)
		runtime.KeepAlive(owner) // the instance stays open while its functions can be called
		if err != nil {
			e.callErr(err)
		}
		return e.results(stack, results)
	}).(*goja.Object)
	if err := o.DefineDataProperty("length", e.rl.vm.ToValue(len(params)), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	e.rl.attach(o, &wasmFunc{owner: owner, def: def})
	return o
}

// results converts a Wasm call's results: none is undefined, one is its
// value, several are an array.
func (e *wasmEngine) results(stack []uint64, types []api.ValueType) goja.Value {
	switch len(types) {
	case 0:
		return goja.Undefined()
	case 1:
		return e.fromWasm(stack[0], types[0])
	}
	vals := make([]any, len(types))
	for i, t := range types {
		vals[i] = e.fromWasm(stack[i], t)
	}
	return e.rl.vm.NewArray(vals...)
}

// importedFuncs are the JS functions an instance imports. wazero's host
// modules reach them only through a weak pointer: the host modules live in
// wazero's store until closed, and the functions often hold the instance's
// own exports (glue calls back into Wasm), so a strong reference would keep
// the instance from ever being collected. The instance holds them.
type importedFuncs struct {
	fns []goja.Callable
}

// hostFunction returns the Go side of the JS function at index i of
// imported, imported by Wasm with the given signature. Loop only (wazero
// calls it on the loop, inside a call into Wasm).
func (e *wasmEngine) hostFunction(imported weak.Pointer[importedFuncs], i int, params, results []api.ValueType) api.GoModuleFunc {
	return func(_ context.Context, _ api.Module, stack []uint64) {
		defer rethrowThroughWasm()
		e.sync()
		holder := imported.Value()
		if holder == nil {
			panic(e.rl.newError("Error", errWasmStopped)) // its instance was collected; nothing can call it
		}
		args := make([]goja.Value, len(params))
		for i, p := range params {
			args[i] = e.fromWasm(stack[i], p)
		}
		ret, err := holder.fns[i](goja.Undefined(), args...)
		if err != nil {
			panic(&jsThrow{value: err})
		}
		switch len(results) {
		case 0:
		case 1:
			stack[0] = e.toWasm(ret, results[0])
		default:
			e.multiResults(ret, results, stack)
		}
	}
}

// multiResults stores the values of an iterable returned for a function
// with several results.
func (e *wasmEngine) multiResults(ret goja.Value, results []api.ValueType, stack []uint64) {
	arr, err := e.rl.wasm.arrayFrom(goja.Undefined(), ret)
	if err != nil {
		panic(err)
	}
	o := arr.ToObject(e.rl.vm)
	if n := o.Get("length").ToInteger(); n != int64(len(results)) {
		e.rl.throwTypeError("multi-return length mismatch")
	}
	for i, t := range results {
		stack[i] = e.toWasm(o.Get(strconv.Itoa(i)), t)
	}
}

// rethrowThroughWasm wraps whatever a host function panics with (a JS
// throw, goja's interruption) so wazero carries it out as an error that
// callErr turns back into the same throw.
func rethrowThroughWasm() {
	p := recover()
	if p == nil {
		return
	}
	if t, ok := p.(*jsThrow); ok {
		panic(t)
	}
	panic(&jsThrow{value: p})
}
