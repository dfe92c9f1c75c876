package bindings

// WebAssembly.Memory: a Wasm linear memory. Its buffer is an ArrayBuffer
// over the memory itself (no copy); when the memory grows, from JS or from
// Wasm, that buffer is detached and the next read of `buffer` gives a new
// one, as the JS API says.

import (
	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"

	"workerhost/internal/wasmbin"
)

// wasmPageSize is the size of a Wasm page in bytes.
const wasmPageSize = 65536

// wasmMemory is the state of a Memory object.
type wasmMemory struct {
	e   *wasmEngine
	mem api.Memory
	obj *goja.Object
	// owner and ownerName are the module that exports the memory and the
	// name, for importing it into another instance.
	owner     api.Module
	ownerName string
	buf       *goja.ArrayBuffer // the buffer handed out, nil until asked for
	bufLen    uint32
}

// installWasmMemory defines WebAssembly.Memory.
func (rl *Realm) installWasmMemory(ns *goja.Object) {
	c := rl.wasmClass("Memory", "WebAssembly.Memory(): WebAssembly.Memory must be invoked with 'new'", func(call goja.FunctionCall) {
		desc := rl.wasmDescriptor(call.Argument(0), "WebAssembly.Memory()")
		limits := rl.wasmLimits(desc, "WebAssembly.Memory()", 65536)
		e := rl.engine()
		mod := e.backingModule(wasmbin.MemoryModule(limits), "WebAssembly.Memory()")
		e.memoryObject(mod.ExportedMemory(wasmbin.MemoryExport), call.This.(*goja.Object), mod, wasmbin.MemoryExport)
	})
	rl.wasm.memory = c
	getter := stateGetter[wasmMemory](rl, c)
	getter("buffer", func(m *wasmMemory) goja.Value { return m.buffer() })
	c.method("grow", func(call goja.FunctionCall) goja.Value {
		m := thisState[wasmMemory](rl, call)
		delta := rl.wasmIndex(call.Argument(0), "WebAssembly.Memory.grow()", "Argument 0")
		old, ok := m.mem.Grow(delta)
		if !ok {
			rl.throwRangeError("WebAssembly.Memory.grow(): Maximum memory size exceeded")
		}
		m.detach()
		return rl.vm.ToValue(old)
	})
}

// memoryObject returns the Memory object of a wazero memory, creating it
// (on this, when constructing) the first time. Loop only.
func (e *wasmEngine) memoryObject(mem api.Memory, this *goja.Object, owner api.Module, name string) *goja.Object {
	if m, ok := e.memories[mem]; ok {
		return m.obj
	}
	m := &wasmMemory{e: e, mem: mem, owner: owner, ownerName: name}
	if this != nil {
		e.rl.attach(this, m)
		m.obj = this
	} else {
		m.obj = e.rl.wasm.memory.instance(m)
	}
	e.memories[mem] = m
	return m.obj
}

// buffer returns the ArrayBuffer over the memory, the same one until the
// memory grows.
func (m *wasmMemory) buffer() goja.Value {
	m.syncBuffer()
	if m.buf == nil {
		size := m.mem.Size()
		data, _ := m.mem.Read(0, size)
		b := m.e.rl.vm.NewArrayBuffer(data)
		m.buf, m.bufLen = &b, size
	}
	return m.e.rl.vm.ToValue(*m.buf)
}

// syncBuffer detaches the handed-out buffer if the memory has grown.
func (m *wasmMemory) syncBuffer() {
	if m.buf != nil && m.mem.Size() != m.bufLen {
		m.detach()
	}
}

// detach detaches the handed-out buffer, if any.
func (m *wasmMemory) detach() {
	if m.buf != nil {
		m.buf.Detach()
		m.buf = nil
	}
}
