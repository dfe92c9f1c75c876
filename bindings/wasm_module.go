package bindings

// WebAssembly.Module: a compiled module. workerd compiles modules only
// from the worker's bundle (CompiledWasm modules, `import m from
// "./x.wasm"`); compiling bytes at run time is refused as workerd refuses
// it (V8's "Wasm code generation disallowed by embedder").

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero"

	"workerhost/internal/wasmbin"
	"workerhost/jsruntime"
)

// wasmModule is the state of a Module object.
type wasmModule struct {
	info     *wasmbin.Module
	compiled wazero.CompiledModule
	// tables are the accessors of the module's exported tables, by table
	// index.
	tables map[uint32]wasmbin.TableAccessors
}

// errCodeGenDisallowed is V8's message, in workerd, for compiling Wasm
// from bytes at run time.
const errCodeGenDisallowed = "Wasm code generation disallowed by embedder"

// installWasmModule defines WebAssembly.Module and its static functions.
func (rl *Realm) installWasmModule(ns *goja.Object) {
	c := rl.wasmClass("Module", "WebAssembly.Module(): WebAssembly.Module must be invoked with 'new'", func(call goja.FunctionCall) {
		panic(rl.newWasmError(rl.wasm.compileErr, "WebAssembly.Module(): "+errCodeGenDisallowed))
	})
	rl.wasm.module = c
	c.staticMethod("exports", func(call goja.FunctionCall) goja.Value {
		m := rl.moduleArg(call.Argument(0), "WebAssembly.Module.exports()")
		var out []any
		for _, e := range m.info.Exports {
			out = append(out, rl.descriptor(map[string]any{"name": e.Name, "kind": string(e.Kind)}))
		}
		return rl.vm.NewArray(out...)
	})
	c.staticMethod("imports", func(call goja.FunctionCall) goja.Value {
		m := rl.moduleArg(call.Argument(0), "WebAssembly.Module.imports()")
		var out []any
		for _, i := range m.info.Imports {
			out = append(out, rl.descriptor(map[string]any{"module": i.Module, "name": i.Name, "kind": string(i.Kind)}))
		}
		return rl.vm.NewArray(out...)
	})
	c.staticMethod("customSections", func(call goja.FunctionCall) goja.Value {
		m := rl.moduleArg(call.Argument(0), "WebAssembly.Module.customSections()")
		if goja.IsUndefined(call.Argument(1)) {
			rl.throwTypeError("WebAssembly.Module.customSections(): Argument 1 is required")
		}
		name := call.Argument(1).String()
		var out []any
		for _, s := range m.info.Custom {
			if s.Name == name {
				out = append(out, rl.vm.NewArrayBuffer(append([]byte(nil), s.Data...)))
			}
		}
		return rl.vm.NewArray(out...)
	})
}

// descriptor makes a plain object with the properties in the order the JS
// API lists them (module, name, kind).
func (rl *Realm) descriptor(props map[string]any) *goja.Object {
	o := rl.vm.NewObject()
	for _, k := range []string{"module", "name", "kind"} {
		if v, ok := props[k]; ok {
			_ = o.Set(k, v)
		}
	}
	return o
}

// moduleArg returns the Module an argument must be, or throws V8's
// TypeError.
func (rl *Realm) moduleArg(v goja.Value, fn string) *wasmModule {
	m := stateOf[wasmModule](rl, v)
	if m == nil {
		rl.throwTypeError(fn + ": Argument 0 must be a WebAssembly.Module")
	}
	return m
}

// CompileWasmModule compiles a module of the worker's bundle (a
// CompiledWasm module) and returns the WebAssembly.Module scripts get
// from importing it. An invalid module comes back as an error with the
// CompileError message. On the loop.
func (rl *Realm) CompileWasmModule(raw []byte) (*goja.Object, error) {
	info, err := wasmbin.Decode(raw)
	if err != nil {
		return nil, err
	}
	cm, acc, err := rl.engine().compile(raw, info)
	if err != nil {
		return nil, err
	}
	for _, g := range info.Globals {
		if g.Type == wasmbin.Externref {
			rl.engine().refs.noSweep = true
		}
	}
	return rl.wasm.module.instance(&wasmModule{info: info, compiled: cm, tables: acc}), nil
}

// InstallCompiledWasm compiles the worker's CompiledWasm modules (by the
// names the bundle uses) and defines the global function through which the
// bundle's imports get them (jsruntime.WasmModuleKey). A module that
// does not compile comes back as an error naming it. On the loop, before
// the script runs.
func (rl *Realm) InstallCompiledWasm(modules map[string][]byte) error {
	compiled := map[string]*goja.Object{}
	for name, raw := range modules {
		m, err := rl.CompileWasmModule(raw)
		if err != nil {
			return fmt.Errorf("%s: CompileError: WebAssembly.Module(): %w", name, err)
		}
		compiled[name] = m
	}
	get := rl.function("wasmModule", func(call goja.FunctionCall) goja.Value {
		if m, ok := compiled[call.Argument(0).String()]; ok {
			return m
		}
		rl.throwTypeError("no such WebAssembly module: " + call.Argument(0).String())
		return nil
	})
	define, _ := goja.AssertFunction(rl.mustRun("defineWasmModules", `(function (key, get) {
  Object.defineProperty(globalThis, Symbol.for(key), { value: get });
})`))
	_, err := define(goja.Undefined(), rl.vm.ToValue(jsruntime.WasmModuleKey), get)
	return err
}
