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
	owner      *wasmInstance // the instance that exports the global
	exportName string
	typ        wasmbin.GlobalType
	g          api.Global
	obj        heldObject
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
		desc := rl.wasmDescriptor(call.Argument(0), fn, "global")
		// WebIDL reads a dictionary's members in name order.
		mutable := desc.Get("mutable")
		t, ok := wasmValueTypes[descriptorString(desc, "value")]
		if !ok {
			rl.throwTypeError(fn + ": Descriptor property 'value' must be a WebAssembly type")
		}
		typ := wasmbin.GlobalType{Type: t, Mutable: mutable != nil && mutable.ToBoolean()}
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
// undefined) in a module of its own, as the object this (or a new one).
func (e *wasmEngine) newGlobal(typ wasmbin.GlobalType, v goja.Value, this *goja.Object, fn string) *wasmGlobal {
	var bits uint64
	if !goja.IsUndefined(v) {
		bits = e.toWasm(v, typ.Type)
	} else if typ.Type == wasmbin.Externref {
		bits = e.refs.put(v)
	}
	// A mutable global, and any reference (its value can only be set
	// after instantiation), starts from zero and is set afterwards: one
	// compiled module then serves every value. An immutable number is
	// written into the module.
	isRef := typ.Type == wasmbin.Externref || typ.Type == wasmbin.Funcref
	backing, baked := typ, bits
	if typ.Mutable || isRef {
		backing.Mutable, baked = true, 0
	}
	in := e.backing(wasmbin.GlobalModule(backing, baked), fn, nil, nil)
	if baked != bits {
		in.mod.ExportedGlobal(wasmbin.GlobalExport).(api.MutableGlobal).Set(bits)
	}
	if typ.Type == wasmbin.Externref {
		e.refs.noSweep = true
	}
	o := in.global(wasmbin.GlobalExport, typ, this)
	return stateOf[wasmGlobal](e.rl, o)
}

// global returns the Global object of a global the instance exports, the
// same object while it lives; this is the object being constructed, if
// any. Loop only.
func (in *wasmInstance) global(name string, typ wasmbin.GlobalType, this *goja.Object) *goja.Object {
	g := in.globals[name]
	if g == nil {
		g = &wasmGlobal{e: in.e, owner: in, exportName: name, typ: typ, g: in.mod.ExportedGlobal(name)}
		in.globals[name] = g
	}
	return g.obj.object(in.e.rl.wasm.global, g, this)
}

// globalFromValue makes the global an import of a plain value (a Number
// or a BigInt) stands for; a mutable global import needs a Global object.
func (e *wasmEngine) globalFromValue(v goja.Value, im resolvedImport, where string) *wasmGlobal {
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
	return e.newGlobal(im.Global, v, nil, where)
}
