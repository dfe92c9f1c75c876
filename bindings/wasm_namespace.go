package bindings

// The WebAssembly namespace: its classes (wasm_module.go, wasm_instance.go,
// wasm_memory.go, wasm_table.go, wasm_global.go, wasm_errors.go) and its
// functions validate, compile and instantiate. As in workerd, code is
// compiled only from the worker's own modules: compile() and instantiate()
// of bytes reject with a CompileError.

import (
	"github.com/dop251/goja"

	"workerhost/internal/wasmbin"
)

// installWebAssembly defines the WebAssembly namespace.
func (rl *Realm) installWebAssembly() {
	vm := rl.vm
	ns := vm.NewObject()
	if err := ns.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("WebAssembly"), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	rl.wasm.ns = ns
	rl.installWasmErrors(ns)
	rl.installWasmModule(ns)
	rl.installWasmInstance(ns)
	rl.installWasmMemory(ns)
	rl.installWasmTable(ns)
	rl.installWasmGlobal(ns)
	defineHidden(ns, "validate", rl.function("validate", func(call goja.FunctionCall) goja.Value {
		raw := rl.wasmBytes(call.Argument(0), "WebAssembly.validate()")
		info, err := wasmbin.Decode(raw)
		if err != nil {
			return vm.ToValue(false)
		}
		cm, _, err := rl.engine().compile(raw, info)
		if err != nil {
			return vm.ToValue(false)
		}
		_ = cm.Close(rl.rt.Context())
		return vm.ToValue(true)
	}))
	defineHidden(ns, "compile", rl.function("compile", func(call goja.FunctionCall) goja.Value {
		rl.wasmBytes(call.Argument(0), "WebAssembly.compile()")
		return rl.rejected(rl.newWasmError(rl.wasm.compileErr, "WebAssembly.compile(): "+errCodeGenDisallowed))
	}))
	defineHidden(ns, "instantiate", rl.function("instantiate", func(call goja.FunctionCall) goja.Value {
		const fn = "WebAssembly.instantiate()"
		m := stateOf[wasmModule](rl, call.Argument(0))
		if m == nil {
			if _, ok := rl.bufferSource(call.Argument(0)); !ok {
				return rl.rejected(vm.NewTypeError(fn + ": Argument 0 must be a buffer source or a WebAssembly.Module object"))
			}
			return rl.rejected(rl.newWasmError(rl.wasm.compileErr, fn+": "+errCodeGenDisallowed))
		}
		var inst *goja.Object
		if ex := vm.Try(func() {
			in := rl.engine().instantiate(m, call.Argument(1), fn)
			inst = rl.wasm.instance.instance(in)
		}); ex != nil {
			return rl.rejected(ex.Value())
		}
		return rl.resolved(inst)
	}))
	rl.global("WebAssembly", ns)
}

// wasmBytes returns the bytes of a BufferSource argument, or throws V8's
// TypeError.
func (rl *Realm) wasmBytes(v goja.Value, fn string) []byte {
	b, ok := rl.bufferSource(v)
	if !ok {
		rl.throwTypeError(fn + ": Argument 0 must be a buffer source")
	}
	return b
}
