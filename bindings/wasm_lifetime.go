package bindings

// How long Wasm instances live. An instance (or the small module behind a
// JS-made Memory, Table or Global) stays open while any JS object made for
// it can be reached: the Instance, its exports, its functions, memories,
// tables and globals all hold its state, and the engine holds them only
// weakly. Once Go's collector finds none of them reachable, a cleanup hands
// the instance's wazero modules to the loop, which closes them: a worker
// that instantiates a module on every request does not keep them all.
// Whatever an instance imports from another one (a memory, a table, a
// function) is held by the importer, so the owner outlives it.

import (
	"context"
	"runtime"
	"weak"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"

	"workerhost/internal/wasmbin"
)

// wasmInstance is an open wazero module and the JS objects made for it:
// the state of an Instance object, and the owner of the states of its
// exported memories, tables and globals.
type wasmInstance struct {
	e *wasmEngine
	m *wasmModule // nil for the module behind a JS-made Memory, Table or Global
	// mod is the instance's module; providers are the host and linking
	// modules made for its imports, closed with it.
	mod       api.Module
	providers []api.Module
	exports   *goja.Object
	// tableTypes and accessors describe its tables, by table index.
	tableTypes []wasmbin.TableType
	accessors  map[uint32]wasmbin.TableAccessors
	// funcs are the JS functions made for its functions, held weakly.
	funcs map[api.FunctionDefinition]weak.Pointer[goja.Object]
	// memories, tables and globals are the states of what it exports.
	memories []*wasmMemory
	tables   map[string]*wasmTable
	globals  map[string]*wasmGlobal
	// imported are the states of what it imports from other instances,
	// and importedFuncs the JS functions it imports.
	imported      []any
	importedFuncs *importedFuncs
}

// newInstance registers an open module with the tables it has and what
// the linker made for it. Loop only.
func (e *wasmEngine) newInstance(mod api.Module, tables []wasmbin.TableType, acc map[uint32]wasmbin.TableAccessors, l *linker) *wasmInstance {
	in := &wasmInstance{e: e, mod: mod, tableTypes: tables, accessors: acc,
		funcs: map[api.FunctionDefinition]weak.Pointer[goja.Object]{}, tables: map[string]*wasmTable{}, globals: map[string]*wasmGlobal{}}
	if l != nil {
		in.providers, in.imported, in.importedFuncs = l.made, l.values, l.imported
		l.done = true
	}
	e.live = append(e.live, weak.Make(in))
	e.open++
	runtime.AddCleanup(in, e.collected, append([]api.Module{mod}, in.providers...))
	return in
}

// collected runs on a runtime goroutine when an instance's state is gone:
// it hands its modules to the loop to close.
func (e *wasmEngine) collected(mods []api.Module) {
	e.rl.rt.Enqueue(func(*goja.Runtime) {
		for _, m := range mods {
			e.dropStopFlag(m)
			_ = m.Close(context.Background())
		}
		e.open--
		e.prune()
	})
}

// prune drops the engine's weak entries whose target is gone. Loop only.
func (e *wasmEngine) prune() {
	live := e.live[:0]
	for _, w := range e.live {
		if w.Value() != nil {
			live = append(live, w)
		}
	}
	clear(e.live[len(live):])
	e.live = live
	for mem, w := range e.memories {
		if w.Value() == nil {
			delete(e.memories, mem)
		}
	}
}

// instances calls f for each instance still alive. Loop only.
func (e *wasmEngine) instances(f func(*wasmInstance) bool) bool {
	for _, w := range e.live {
		if in := w.Value(); in != nil && !f(in) {
			return false
		}
	}
	return true
}

// function returns the JS function for one of the instance's functions,
// the same object while it lives; fresh makes another api.Function for it.
func (in *wasmInstance) function(fn api.Function, fresh func() api.Function) *goja.Object {
	def := fn.Definition()
	if o := in.funcs[def].Value(); o != nil {
		return o
	}
	o := in.e.exportedFunction(in, fn, fresh)
	in.funcs[def] = weak.Make(o)
	return o
}

// collectRefs marks the handles in the instance's externref tables.
func (in *wasmInstance) collectRefs(live map[uint64]bool) bool {
	for t, acc := range in.accessors {
		if in.tableTypes[t].Elem == wasmbin.Externref && !in.e.collectTable(in.mod, acc, live) {
			return false
		}
	}
	return true
}

// exportsFunction reports whether def is one of the functions the instance
// exports (a function read from a table may be another module's).
func (in *wasmInstance) exportsFunction(def api.FunctionDefinition) bool {
	for _, d := range in.mod.ExportedFunctionDefinitions() {
		if d == def {
			return true
		}
	}
	return false
}

// heldObject is the JS object made for a Go state (a Memory's, a
// Table's, a Global's), held weakly: the same object while the script can
// reach it, and a new one for the same state after.
type heldObject struct{ w weak.Pointer[goja.Object] }

// object returns the state's object, making it (on this, the object being
// constructed, if any) when there is none. Loop only.
func (h *heldObject) object(c *jsClass, state any, this *goja.Object) *goja.Object {
	if this == nil {
		if o := h.w.Value(); o != nil {
			return o
		}
	}
	o := c.wrap(state, this)
	h.w = weak.Make(o)
	return o
}
