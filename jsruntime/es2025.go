package jsruntime

// ES2023–2025 built-ins goja lacks (js/es2025.js, js/iterators.js), and
// the iterator proposals V8 ships (js/iterator_proposals.js), each
// defined only where goja has none. The JS is compiled once per process
// (RunInternal), so a new runtime only runs it; the few members that need
// the engine's internals (detaching an ArrayBuffer) are native helpers
// handed to it.

import (
	_ "embed"
	"math"
	"strconv"

	"github.com/dop251/goja"
)

//go:embed js/es2025.js
var es2025Source string

//go:embed js/iterators.js
var iteratorsSource string

//go:embed js/iterator_proposals.js
var iteratorProposalsSource string

//go:embed js/disposable.js
var disposableSource string

// installDisposable defines Symbol.dispose, Symbol.asyncDispose and
// SuppressedError. After installErrorStacks.
func installDisposable(r *Runtime) {
	fn, err := RunInternal(r.vm, "disposable", disposableSource)
	must(err)
	call, _ := goja.AssertFunction(fn)
	_, err = call(goja.Undefined())
	must(err)
}

// installES2025 runs the built-ins' sources with their native helpers.
// Before any script runs.
func installES2025(r *Runtime) {
	vm := r.vm
	native := vm.NewObject()
	rangeError := vm.Get("RangeError").(*goja.Object) // the intrinsic: no script has run
	throwRange := func(msg string) {
		e, err := vm.New(rangeError, vm.ToValue(msg))
		must(err)
		panic(e)
	}
	must(native.Set("transfer", func(call goja.FunctionCall) goja.Value {
		return transferBuffer(r, throwRange, call.Argument(0), call.Argument(1), call.Argument(2).String())
	}))
	must(native.Set("detached", func(call goja.FunctionCall) goja.Value {
		buf, ok := call.Argument(0).Export().(goja.ArrayBuffer)
		if !ok {
			throwTypeError(vm, "Method get ArrayBuffer.prototype."+call.Argument(1).String()+" called on incompatible receiver "+r.weak.describe.String(call.Argument(0)))
		}
		return vm.ToValue(buf.Detached())
	}))
	must(native.Set("f16round", func(call goja.FunctionCall) goja.Value {
		return vm.ToValue(f16round(call.Argument(0).ToFloat()))
	}))
	must(native.Set("sumPrecise", func(call goja.FunctionCall) goja.Value {
		arr := call.Argument(0).ToObject(vm)
		n := int(arr.Get("length").ToInteger())
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = arr.Get(strconv.Itoa(i)).ToFloat()
		}
		return vm.ToValue(sumPrecise(xs))
	}))
	d := newDefiner(vm)
	must(native.Set("define", func(call goja.FunctionCall) goja.Value {
		d.methods(call.Argument(0).ToObject(vm), call.Argument(1).ToObject(vm))
		return goja.Undefined()
	}))
	must(native.Set("defineAccessors", func(call goja.FunctionCall) goja.Value {
		d.accessors(call.Argument(0).ToObject(vm), call.Argument(1).ToObject(vm))
		return goja.Undefined()
	}))
	for _, src := range []struct{ name, code string }{{"es2025", es2025Source}, {"iterators", iteratorsSource}, {"iterator_proposals", iteratorProposalsSource}} {
		fn, err := RunInternal(vm, src.name, src.code)
		must(err)
		call, ok := goja.AssertFunction(fn)
		if !ok {
			panic("jsruntime: " + src.name + " is not a function")
		}
		_, err = call(goja.Undefined(), native)
		must(err)
	}
}

// transferBuffer is ArrayBuffer.prototype.transfer and
// transferToFixedLength (https://tc39.es/ecma262/#sec-arraybuffercopyanddetach):
// a new buffer with this one's bytes, cut or zero-filled to newLength, and
// this one detached.
func transferBuffer(r *Runtime, throwRange func(string), this, newLength goja.Value, method string) goja.Value {
	vm := r.vm
	buf, ok := this.Export().(goja.ArrayBuffer)
	if !ok {
		throwTypeError(vm, "Method ArrayBuffer.prototype."+method+" called on incompatible receiver "+r.weak.describe.String(this))
	}
	length := len(buf.Bytes())
	if !goja.IsUndefined(newLength) {
		n := newLength.ToFloat()
		if math.IsNaN(n) {
			n = 0
		}
		n = math.Trunc(n)
		if n < 0 {
			throwRange("Invalid array buffer length")
		}
		if n > math.MaxInt32 {
			throwRange("ArrayBuffer.prototype." + method + ": Invalid length parameter")
		}
		length = int(n)
	}
	if buf.Detached() {
		throwTypeError(vm, "Cannot perform ArrayBuffer.prototype."+method+" on a detached ArrayBuffer")
	}
	data := make([]byte, length)
	copy(data, buf.Bytes())
	buf.Detach()
	return vm.ToValue(vm.NewArrayBuffer(data))
}
