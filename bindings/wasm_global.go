package bindings

// WebAssembly.Global: a Wasm global, read and (when mutable) written from
// JS through wazero's api.Global.

import (
	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"

	"workerhost/internal/wasmbin"
)

// wasmGlobal is the state of a Global object.
type wasmGlobal struct {
	e          *wasmEngine
	mod        api.Module
	exportName string
	typ        wasmbin.GlobalType
	g          api.Global
}

// wasmValueTypes are the value type names of a Global descriptor.
var wasmValueTypes = map[string]byte{
	"i32": wasmbin.I32, "i64": wasmbin.I64, "f32": wasmbin.F32, "f64": wasmbin.F64,
	"externref": wasmbin.Externref, "anyfunc": wasmbin.Funcref, "funcref": wasmbin.Funcref,
}

// installWasmGlobal defines WebAssembly.Global.
func (rl *Realm) installWasmGlobal(ns *goja.Object) {
	const fn = "WebAssembly.Global()"
	c := rl.wasmClass("Global", "WebAssembly.Global(): WebAssembly.Global must be invoked with 'new'", func(call goja.FunctionCall) {
		desc := rl.wasmDescriptor(call.Argument(0), fn)
		t, ok := wasmValueTypes[desc.Get("value").String()]
		if !ok {
			rl.throwTypeError(fn + ": Descriptor property 'value' must be a WebAssembly type")
		}
		typ := wasmbin.GlobalType{Type: t, Mutable: desc.Get("mutable") != nil && desc.Get("mutable").ToBoolean()}
		e := rl.engine()
		e.newGlobal(typ, call.Argument(1), call.This.(*goja.Object), fn)
	})
	rl.wasm.global = c
	get := func(call goja.FunctionCall) goja.Value {
		g := thisState[wasmGlobal](rl, call)
		return g.e.fromWasm(g.g.Get(), g.typ.Type)
	}
	c.accessor("value", get, func(call goja.FunctionCall) goja.Value {
		g := thisState[wasmGlobal](rl, call)
		mg, ok := g.g.(api.MutableGlobal)
		if !g.typ.Mutable || !ok {
			rl.throwTypeError("set WebAssembly.Global.value): Can't set the value of an immutable global.")
		}
		mg.Set(g.e.toWasm(call.Argument(0), g.typ.Type))
		return goja.Undefined()
	})
	c.method("valueOf", get)
}

// newGlobal makes a global of typ holding v (its type's default when
// undefined) in a backing module, as the object this (or a new one).
func (e *wasmEngine) newGlobal(typ wasmbin.GlobalType, v goja.Value, this *goja.Object, fn string) (api.Module, *goja.Object) {
	var bits uint64
	if !goja.IsUndefined(v) {
		bits = e.toWasm(v, typ.Type)
	} else if typ.Type == wasmbin.Externref {
		bits = e.refs.put(v)
	}
	isRef := typ.Type == wasmbin.Externref || typ.Type == wasmbin.Funcref
	backing := typ
	if isRef && bits != 0 {
		backing.Mutable = true // a reference is set after instantiation
	}
	if isRef && bits != 0 && !typ.Mutable {
		e.rl.throwTypeError(fn + ": an immutable global holding a reference is not supported by workerhost yet")
	}
	mod := e.backingModule(wasmbin.GlobalModule(backing, bits), fn)
	g := mod.ExportedGlobal(wasmbin.GlobalExport)
	if isRef && bits != 0 {
		g.(api.MutableGlobal).Set(bits)
	}
	if typ.Type == wasmbin.Externref {
		e.refs.noSweep = true
	}
	return mod, e.globalObject(mod, wasmbin.GlobalExport, typ, this)
}

// globalObject returns the Global object for a module's exported global.
func (e *wasmEngine) globalObject(mod api.Module, name string, typ wasmbin.GlobalType, this *goja.Object) *goja.Object {
	key := tableKey{mod, name}
	if o, ok := e.globals[key]; ok {
		return o
	}
	g := &wasmGlobal{e: e, mod: mod, exportName: name, typ: typ, g: mod.ExportedGlobal(name)}
	o := this
	if o == nil {
		o = e.rl.wasm.global.instance(g)
	} else {
		e.rl.attach(o, g)
	}
	e.globals[key] = o
	return o
}

// globalFromValue makes the global an import of a plain value (a Number
// or a BigInt) stands for; a mutable global import needs a Global object.
func (e *wasmEngine) globalFromValue(v goja.Value, im indexedImport, where string) api.Module {
	rl := e.rl
	if im.Global.Mutable {
		panic(rl.newWasmError(rl.wasm.linkErr, where+": imported mutable global must be a WebAssembly.Global object"))
	}
	switch im.Global.Type {
	case wasmbin.I64:
		if !isBigInt(v) {
			panic(rl.newWasmError(rl.wasm.linkErr, where+": global import must be a BigInt value"))
		}
	case wasmbin.I32, wasmbin.F32, wasmbin.F64:
		if !isNumber(v) {
			panic(rl.newWasmError(rl.wasm.linkErr, where+": global import must be a number, valid Wasm reference, or WebAssembly.Global object"))
		}
	}
	mod, _ := e.newGlobal(im.Global, v, nil, where)
	return mod
}
