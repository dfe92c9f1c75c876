package jsruntime

import (
	"github.com/dop251/goja"
)

// definer defines the built-ins of es2025.js the way the engine defines
// its own: non-enumerable, and only where the target has none. It works
// from Go so that no descriptor object is made per member, and asks each
// target about one key at a time, which leaves the rest of goja's lazily
// built objects unbuilt (a fifth of a runtime's start otherwise).
type definer struct {
	vm     *goja.Runtime
	hasOwn goja.Callable // Object.prototype.hasOwnProperty
	gopd   goja.Callable // Object.getOwnPropertyDescriptor
}

// newDefiner captures the intrinsics it uses. Before any script runs.
func newDefiner(vm *goja.Runtime) *definer {
	object := vm.Get("Object").(*goja.Object)
	hasOwn, ok1 := goja.AssertFunction(object.Get("prototype").(*goja.Object).Get("hasOwnProperty"))
	gopd, ok2 := goja.AssertFunction(object.Get("getOwnPropertyDescriptor"))
	if !ok1 || !ok2 {
		panic("jsruntime: Object's intrinsics are not functions")
	}
	return &definer{vm: vm, hasOwn: hasOwn, gopd: gopd}
}

// has reports whether target has an own property key.
func (d *definer) has(target *goja.Object, key goja.Value) bool {
	v, err := d.hasOwn(target, key)
	must(err)
	return v.ToBoolean()
}

// methods gives target each data property of methods (an object literal)
// that it lacks: writable, configurable, not enumerable.
func (d *definer) methods(target, methods *goja.Object) {
	for _, k := range methods.Keys() {
		if !d.has(target, d.vm.ToValue(k)) {
			must(target.DefineDataProperty(k, methods.Get(k), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
		}
	}
	for _, s := range methods.Symbols() {
		if !d.has(target, s) {
			must(target.DefineDataPropertySymbol(s, methods.GetSymbol(s), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
		}
	}
}

// accessors gives target each accessor of accessors (an object literal of
// getters and setters) that it lacks: configurable, not enumerable.
func (d *definer) accessors(target, accessors *goja.Object) {
	pair := func(key goja.Value) (get, set goja.Value) {
		desc, err := d.gopd(goja.Undefined(), accessors, key)
		must(err)
		o := desc.ToObject(d.vm)
		return o.Get("get"), o.Get("set")
	}
	for _, k := range accessors.Keys() {
		if key := d.vm.ToValue(k); !d.has(target, key) {
			get, set := pair(key)
			must(target.DefineAccessorProperty(k, get, set, goja.FLAG_TRUE, goja.FLAG_FALSE))
		}
	}
	for _, s := range accessors.Symbols() {
		if !d.has(target, s) {
			get, set := pair(s)
			must(target.DefineAccessorPropertySymbol(s, get, set, goja.FLAG_TRUE, goja.FLAG_FALSE))
		}
	}
}
