package bindings

// externref: a JS value that Wasm holds. wazero represents an externref as
// an opaque 64-bit value, so the engine keeps a table of handles: a JS
// value crossing into Wasm gets one (the same object always the same
// handle), and a handle crossing back gives the value. Handles that Wasm no
// longer holds are collected: when no Wasm call is on the stack, the only
// places an externref can live are tables and globals, so a sweep reads
// every externref table of every live instance (through the accessors
// package wasmbin adds) and drops the rest. A module with externref globals
// turns the sweep off, since those globals may not be exported.

import (
	"github.com/dop251/goja"
)

// externrefs is the handle table. Handle 0 is null.
type externrefs struct {
	values   map[uint64]goja.Value
	ids      map[*goja.Object]uint64
	next     uint64
	lastLive int  // handles found live by the last sweep
	noSweep  bool // a module has externref globals
}

func (x *externrefs) init() {
	x.values = map[uint64]goja.Value{}
	x.ids = map[*goja.Object]uint64{}
	x.next = 1
}

// put returns the handle of v: 0 for null, as the JS API maps null to a
// null reference.
func (x *externrefs) put(v goja.Value) uint64 {
	if goja.IsNull(v) {
		return 0
	}
	if o, ok := v.(*goja.Object); ok {
		if id, ok := x.ids[o]; ok {
			return id
		}
		x.ids[o] = x.next
	}
	id := x.next
	x.next++
	x.values[id] = v
	return id
}

// get returns the value of a handle; null for 0 (and for a handle that was
// never given out, which Wasm cannot forge).
func (x *externrefs) get(id uint64) goja.Value {
	if v, ok := x.values[id]; ok {
		return v
	}
	if id == 0 {
		return goja.Null()
	}
	return goja.Undefined()
}

// sweepSlack is how many handles may be given out past the last sweep's
// live count before the next sweep.
const sweepSlack = 4096

// maybeCollect sweeps when the table has doubled (plus slack) since the
// last sweep. Loop only, at Wasm call depth 0.
func (x *externrefs) maybeCollect(e *wasmEngine) {
	if x.noSweep || len(x.values) < 2*x.lastLive+sweepSlack {
		return
	}
	live := map[uint64]bool{}
	if !e.instances(func(in *wasmInstance) bool { return in.collectRefs(live) }) {
		return // an instance could not be read; keep everything
	}
	for id, v := range x.values {
		if live[id] {
			continue
		}
		delete(x.values, id)
		if o, ok := v.(*goja.Object); ok {
			delete(x.ids, o)
		}
	}
	x.lastLive = len(x.values)
}
