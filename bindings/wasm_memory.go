package bindings

// WebAssembly.Memory: a Wasm linear memory. Its buffer is an ArrayBuffer
// over the memory itself (no copy); when the memory grows, from JS or from
// Wasm, that buffer is detached and the next read of `buffer` gives a new
// one, as the JS API says.

import (
	"weak"

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
	obj heldObject
	// owner and ownerName are the instance that exports the memory and
	// the name, for importing it into another instance.
	owner     *wasmInstance
	ownerName string
	buf       *goja.ArrayBuffer // the buffer handed out, nil until asked for
	bufLen    uint32
	viewed    bool // listed in the engine's views
}

// installWasmMemory defines WebAssembly.Memory.
func (rl *Realm) installWasmMemory(ns *goja.Object) {
	c := rl.wasmClass("Memory", "WebAssembly.Memory(): WebAssembly.Memory must be invoked with 'new'", func(call goja.FunctionCall) {
		desc := rl.wasmDescriptor(call.Argument(0), "WebAssembly.Memory()", "memory")
		limits := rl.wasmLimits(desc, "WebAssembly.Memory()", 65536, 65536)
		in := rl.engine().backing(wasmbin.MemoryModule(limits), "WebAssembly.Memory()", nil, nil)
		in.memory(in.mod.ExportedMemory(wasmbin.MemoryExport), wasmbin.MemoryExport, call.This.(*goja.Object))
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

// memory returns the Memory object of a memory the instance exports, the
// same object while it lives, however many instances export the memory;
// this is the object being constructed, if any. Loop only.
func (in *wasmInstance) memory(mem api.Memory, name string, this *goja.Object) *goja.Object {
	e := in.e
	m := e.memories[mem].Value()
	if m == nil {
		m = &wasmMemory{e: e, mem: mem, owner: in, ownerName: name}
		in.memories = append(in.memories, m)
		e.memories[mem] = weak.Make(m)
	}
	return m.obj.object(e.rl.wasm.memory, m, this)
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
		if !m.viewed {
			m.viewed = true
			m.e.views = append(m.e.views, weak.Make(m))
		}
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
