package jsruntime

import (
	"github.com/dop251/goja"
)

// builtinClass is an ECMAScript built-in class made in Go, shaped as V8
// shapes its own: a constructor of one argument that throws without `new`,
// whose source is "[native code]", with a non-writable prototype; methods that are writable, configurable and not enumerable; a
// Symbol.toStringTag; and a non-enumerable global.
type builtinClass struct {
	vm    *goja.Runtime
	ctor  *goja.Object
	proto *goja.Object
}

// builtinClassSource makes the constructor. goja's native constructors
// cannot tell `new C()` from `C()`, so the work is done by a JS function,
// which sees new.target, and scripts get a bound copy of it: a bound
// function's source reads "function <name>() { [native code] }", `new` on it
// reaches the JS function (with new.target the subclass, if any), and
// instanceof follows it to the real prototype. The JS function, not Go,
// puts the state construct returns in the instance's private field (see
// instanceStates for why Go never calls JS here).
const builtinClassSource = `(function (construct) {
  class Base { constructor(o) { return o; } }
  class Slot extends Base {
    #state;
    constructor(o, state) { super(o); this.#state = state; }
  }
  var C = function (arg) { new Slot(this, construct(new.target, this, arg)); };
  return [C.bind(), C.prototype];
})`

// newBuiltinClass defines the global name, a class whose constructor takes
// one argument. construct runs for `new Name(arg)` (or a subclass's super
// call) with this the new instance, made from new.target's prototype, and
// returns the instance's state, which states then finds for methods. Before
// any script runs.
func newBuiltinClass(vm *goja.Runtime, states *instanceStates, name string, construct func(this *goja.Object, arg goja.Value) *instanceState) *builtinClass {
	factoryV, err := RunInternal(vm, "builtinClass", builtinClassSource)
	if err != nil {
		panic(err)
	}
	factory, _ := goja.AssertFunction(factoryV)
	pair, err := factory(goja.Undefined(), vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if goja.IsUndefined(call.Argument(0)) {
			throwTypeError(vm, "Constructor "+name+" requires 'new'")
		}
		this := call.Argument(1).(*goja.Object)
		state := construct(this, call.Argument(2))
		states.add(this, state)
		return vm.ToValue(state)
	}))
	if err != nil {
		panic(err)
	}
	ctor := pair.(*goja.Object).Get("0").(*goja.Object)
	proto := pair.(*goja.Object).Get("1").(*goja.Object)
	nameAndLength(vm, ctor, name, 1)
	must(ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE))
	must(proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	must(proto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	must(vm.GlobalObject().DefineDataProperty(name, ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	return &builtinClass{vm: vm, ctor: ctor, proto: proto}
}

// method defines a prototype method.
func (c *builtinClass) method(name string, length int, fn func(call goja.FunctionCall) goja.Value) {
	f := c.vm.ToValue(fn).(*goja.Object)
	nameAndLength(c.vm, f, name, length)
	must(c.proto.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
}

// nameAndLength gives a native function the name and length JS sees (goja
// names it after the Go symbol).
func nameAndLength(vm *goja.Runtime, f *goja.Object, name string, length int) {
	must(f.DefineDataProperty("length", vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE))
	must(f.DefineDataProperty("name", vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE))
}

// must panics on an error defining a built-in: a bug, not an input.
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// throwTypeError throws a TypeError with msg as it is (no format verbs).
func throwTypeError(vm *goja.Runtime, msg string) {
	panic(vm.NewTypeError("%s", msg))
}
