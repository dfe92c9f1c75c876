package bindings

// The WebAssembly namespace: its classes (wasm_module.go, wasm_instance.go,
// wasm_memory.go, wasm_table.go, wasm_global.go, wasm_errors.go) and its
// functions validate, compile and instantiate. As in workerd, code is
// compiled only from the worker's own modules: compile() and instantiate()
// of bytes reject with a CompileError.

import (
	"context"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

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
	rl.wasm.freeze, _ = goja.AssertFunction(vm.Get("Object").ToObject(vm).Get("freeze"))
	rl.wasm.arrayFrom, _ = goja.AssertFunction(vm.Get("Array").ToObject(vm).Get("from"))
	rl.installWasmErrors(ns)
	rl.installWasmModule(ns)
	rl.installWasmInstance(ns)
	rl.installWasmMemory(ns)
	rl.installWasmTable(ns)
	rl.installWasmGlobal(ns)
	defineMember(ns, "compile", rl.function("compile", func(call goja.FunctionCall) goja.Value {
		rl.wasmBytes(call.Argument(0), "WebAssembly.compile()")
		return rl.rejected(rl.newWasmError(rl.wasm.compileErr, "WebAssembly.compile(): "+errCodeGenDisallowed))
	}))
	defineMember(ns, "validate", rl.function("validate", func(call goja.FunctionCall) goja.Value {
		raw := rl.wasmBytes(call.Argument(0), "WebAssembly.validate()")
		info, err := wasmbin.Decode(raw)
		if err != nil {
			return vm.ToValue(false)
		}
		return vm.ToValue(validWasm(raw, info))
	}))
	defineMember(ns, "instantiate", rl.function("instantiate", func(call goja.FunctionCall) goja.Value {
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

// wasmClass defines one of the namespace's classes as V8 has it: length 1,
// tagged "WebAssembly.<name>", with V8's message for a call without new
// (notNew), as a non-enumerable member of the namespace.
func (rl *Realm) wasmClass(name, notNew string, init func(call goja.FunctionCall)) *jsClass {
	c := rl.defineClass(name, nil, init, notNew)
	if err := c.ctor.DefineDataProperty("length", rl.vm.ToValue(1), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	if err := c.proto.DefineDataPropertySymbol(goja.SymToStringTag, rl.vm.ToValue("WebAssembly."+name), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
	defineHidden(rl.wasm.ns, name, c.ctor)
	return c
}

// defineMember defines an enumerable, writable, configurable property, as
// a WebIDL namespace's operations are.
func defineMember(o *goja.Object, name string, v goja.Value) {
	if err := o.DefineDataProperty(name, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// validWasm reports whether wazero compiles a module, on a runtime of its
// own: its interpreter validates as fully and faster, and nothing goes to
// the compilation cache.
func validWasm(raw []byte, info *wasmbin.Module) bool {
	bin, _, err := info.Normalized(raw)
	if err != nil {
		return false
	}
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter().WithCoreFeatures(api.CoreFeaturesV2))
	defer rt.Close(ctx)
	_, err = rt.CompileModule(ctx, bin)
	return err == nil
}
