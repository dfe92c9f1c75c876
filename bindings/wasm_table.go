package bindings

// WebAssembly.Table: a table of references. Its size, growth and
// externref entries go through the accessor functions package wasmbin adds
// to the module that defines it (wazero has no public table API); a
// funcref entry is read with wazero's experimental table.LookupFunction,
// which needs the entry's signature: the element segment that filled the
// slot tells it, and otherwise each of the module's signatures is tried.

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/dop251/goja"
	"github.com/tetratelabs/wazero/api"
	wtable "github.com/tetratelabs/wazero/experimental/table"

	"workerhost/internal/wasmbin"
)

// maxTableSize is V8's limit on a table's initial size.
const maxTableSize = 10000000

// wasmTable is the state of a Table object.
type wasmTable struct {
	e          *wasmEngine
	owner      *wasmInstance // the instance that exports the table
	exportName string
	typ        wasmbin.TableType
	acc        wasmbin.TableAccessors
	obj        heldObject
}

// installWasmTable defines WebAssembly.Table.
func (rl *Realm) installWasmTable(ns *goja.Object) {
	const fn = "WebAssembly.Table()"
	c := rl.wasmClass("Table", "WebAssembly.Table(): WebAssembly.Table must be invoked with 'new'", func(call goja.FunctionCall) {
		desc := rl.wasmDescriptor(call.Argument(0), fn, "table")
		var elem byte
		switch descriptorString(desc, "element") {
		case "anyfunc", "funcref":
			elem = wasmbin.Funcref
		case "externref":
			elem = wasmbin.Externref
		default:
			rl.throwTypeError(fn + ": Descriptor property 'element' must be a WebAssembly reference type")
		}
		typ := wasmbin.TableType{Elem: elem, Limits: rl.wasmLimits(desc, fn, maxTableSize, math.MaxUint32)}
		bin, acc := wasmbin.TableModule(typ)
		in := rl.engine().backing(bin, fn, []wasmbin.TableType{typ}, map[uint32]wasmbin.TableAccessors{0: acc})
		in.table(wasmbin.TableExport, 0, call.This.(*goja.Object))
		t := stateOf[wasmTable](rl, call.This)
		if init := call.Argument(1); elem == wasmbin.Externref {
			t.call(t.acc.Fill, 0, t.e.refs.put(init), uint64(typ.Min))
		} else if !goja.IsUndefined(init) {
			for i := uint32(0); i < typ.Min; i++ {
				t.store(i, init)
			}
		}
	})
	rl.wasm.table = c
	stateGetter[wasmTable](rl, c)("length", func(t *wasmTable) goja.Value { return rl.vm.ToValue(t.size()) })
	c.method("get", func(call goja.FunctionCall) goja.Value {
		t := thisState[wasmTable](rl, call)
		i := t.index(call.Argument(0), "WebAssembly.Table.get()")
		if t.typ.Elem == wasmbin.Externref {
			return t.e.refs.get(t.call(t.acc.Get, uint64(i))[0])
		}
		return t.function(i)
	})
	c.method("set", func(call goja.FunctionCall) goja.Value {
		t := thisState[wasmTable](rl, call)
		i := t.index(call.Argument(0), "WebAssembly.Table.set()")
		t.store(i, call.Argument(1))
		return goja.Undefined()
	})
	c.method("grow", func(call goja.FunctionCall) goja.Value {
		t := thisState[wasmTable](rl, call)
		delta := rl.wasmIndex(call.Argument(0), "WebAssembly.Table.grow()", "Argument 0")
		init := call.Argument(1)
		args := []uint64{uint64(delta)}
		if t.typ.Elem == wasmbin.Externref {
			args = append(args, t.e.refs.put(init))
		} else if !goja.IsUndefined(init) && !goja.IsNull(init) {
			t.funcPos(init, "WebAssembly.Table.grow()") // checked before growing
		}
		old := int32(t.call(t.acc.Grow, args...)[0])
		if old < 0 {
			rl.throwRangeError(fmt.Sprintf("WebAssembly.Table.grow(): failed to grow table by %d", delta))
		}
		if t.typ.Elem == wasmbin.Funcref && !goja.IsUndefined(init) && !goja.IsNull(init) {
			for i := uint32(old); i < uint32(old)+delta; i++ {
				t.store(i, init)
			}
		}
		return rl.vm.ToValue(old)
	})
}

// table returns the Table object of a table the instance exports (table
// index i), the same object while it lives; this is the object being
// constructed, if any. Loop only.
func (in *wasmInstance) table(name string, i uint32, this *goja.Object) *goja.Object {
	t := in.tables[name]
	if t == nil {
		t = &wasmTable{e: in.e, owner: in, exportName: name, typ: in.tableTypes[i], acc: in.accessors[i]}
		in.tables[name] = t
	}
	return t.obj.object(in.e.rl.wasm.table, t, this)
}

// info is the decoded module that defines the table, for the signatures
// of its functions; nil for a JS-made table.
func (t *wasmTable) info() *wasmbin.Module {
	if t.owner.m == nil {
		return nil
	}
	return t.owner.m.info
}

// call calls one of the table's accessors.
func (t *wasmTable) call(name string, args ...uint64) []uint64 {
	stack := append(args, 0)
	if err := t.owner.mod.ExportedFunction(name).CallWithStack(context.Background(), stack); err != nil {
		t.e.callErr(err)
	}
	return stack
}

// size returns the table's current length.
func (t *wasmTable) size() uint32 { return uint32(t.call(t.acc.Size)[0]) }

// index checks an index argument against the table's length, with V8's
// RangeError.
func (t *wasmTable) index(v goja.Value, fn string) uint32 {
	i := t.e.rl.wasmIndex(v, fn, "Argument 0")
	if size := t.size(); i >= size {
		t.e.rl.throwRangeError(fmt.Sprintf("%s: invalid address %d in %s table of size %d", fn, i, tableTypeName(t.typ.Elem), size))
	}
	return i
}

// store stores a value in slot i: any value in an externref table; null
// or a Wasm function of the same instance in a funcref table.
func (t *wasmTable) store(i uint32, v goja.Value) {
	if t.typ.Elem == wasmbin.Externref {
		t.call(t.acc.Set, uint64(i), t.e.refs.put(v))
		return
	}
	if goja.IsNull(v) || goja.IsUndefined(v) {
		t.call(t.acc.Set, uint64(i))
		return
	}
	t.call(t.acc.SetFunc, uint64(i), uint64(t.funcPos(v, "WebAssembly.Table.set()")))
}

// funcPos returns the position among the table module's declared
// functions (wasmbin.Module.Declared) of a Wasm function to store, or
// throws V8's TypeError for anything else.
func (t *wasmTable) funcPos(v goja.Value, fn string) int {
	wf := stateOf[wasmFunc](t.e.rl, v)
	if wf == nil {
		t.e.rl.throwTypeError(fn + ": Argument 1 is invalid for table: function-typed object must be null (if nullable) or a Wasm function object")
	}
	if info := t.info(); info != nil && wf.owner == t.owner && t.owner.exportsFunction(wf.def) {
		if k, ok := slices.BinarySearch(info.Declared, wf.def.Index()); ok {
			return k
		}
	}
	t.e.rl.throwTypeError(fn + ": storing a function that the table's own instance does not export is not supported by workerhost yet")
	return 0
}

// function returns the function in slot i of a funcref table, or null.
func (t *wasmTable) function(i uint32) goja.Value {
	info := t.info()
	if info == nil {
		return goja.Null() // a JS-made funcref table only ever holds null
	}
	tried := map[int]bool{}
	if f, ok := info.ElemFuncs[t.acc.Index][i]; ok && int(f) < len(info.Funcs) {
		if fn, found := t.lookup(i, info.Funcs[f]); found {
			return fn
		}
	}
	for k, ft := range info.Types {
		if tried[k] {
			continue
		}
		tried[k] = true
		if fn, found := t.lookup(i, ft); found {
			return fn
		}
	}
	return goja.Null()
}

// lookup reads slot i as a function of type ft: the function, or false if
// the slot is null or of another type.
func (t *wasmTable) lookup(i uint32, ft wasmbin.FuncType) (v goja.Value, found bool) {
	defer func() {
		// wazero panics with its trap for a null slot or another
		// signature; anything else is a bug to report.
		if p := recover(); p != nil {
			if err, ok := p.(error); !ok || !isTrap(err) {
				panic(p)
			}
			v, found = nil, false
		}
	}()
	mod := t.owner.mod
	fn := wtable.LookupFunction(mod, t.acc.Index, i, ft.Params, ft.Results)
	fresh := func() api.Function { return wtable.LookupFunction(mod, t.acc.Index, i, ft.Params, ft.Results) }
	return t.owner.function(fn, fresh), true
}

// collectTable marks the handles in an externref table.
func (e *wasmEngine) collectTable(mod api.Module, acc wasmbin.TableAccessors, live map[uint64]bool) bool {
	ctx := context.Background()
	size, get := mod.ExportedFunction(acc.Size), mod.ExportedFunction(acc.Get)
	if size == nil || get == nil {
		return false
	}
	stack := []uint64{0}
	if size.CallWithStack(ctx, stack) != nil {
		return false
	}
	n := uint32(stack[0])
	for i := uint32(0); i < n; i++ {
		stack[0] = uint64(i)
		if get.CallWithStack(ctx, stack) != nil {
			return false
		}
		live[stack[0]] = true
	}
	return true
}

func tableTypeName(elem byte) string {
	if elem == wasmbin.Externref {
		return "externref"
	}
	return "funcref"
}
