package bindings

import (
	"reflect"

	"github.com/dop251/goja"
)

// jsClass is one Web API interface as JS sees it: a constructor function and
// its prototype. Instances carry their Go state in a symbol-keyed slot that
// scripts cannot reach by name; methods read it back with [thisState], which
// accepts only an object that owns the slot (see [slotBox]).
type jsClass struct {
	name  string
	ctor  *goja.Object
	proto *goja.Object
	rl    *Realm
}

// classFactory builds a constructor that throws when called without `new`
// (as workerd's do), supports `class X extends Headers`, and hands `this`
// plus the arguments to a Go init function. A nil init makes the interface
// not constructible from JS ("Illegal constructor").
const classFactory = `(function (name, init, parent, notNew) {
  var C = ({ [name]: function () {
    if (new.target === undefined) {
      throw new TypeError(notNew !== null ? notNew : "Failed to construct '" + name + "': Please use the 'new' operator, this object constructor cannot be called as a function.");
    }
    if (init === null) {
      throw new TypeError("Illegal constructor");
    }
    // Spreading arguments costs an iterator per construction; the usual
    // arities are passed as they are.
    switch (arguments.length) {
      case 0: init(this); break;
      case 1: init(this, arguments[0]); break;
      case 2: init(this, arguments[0], arguments[1]); break;
      default: init(this, ...arguments);
    }
  } })[name];
  if (parent !== null) {
    C.prototype = Object.create(parent.prototype);
    Object.setPrototypeOf(C, parent);
  }
  Object.defineProperty(C.prototype, "constructor", { value: C, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: name, configurable: true });
  return C;
})`

// newClass defines a class named name. init runs for `new Name(...)` with
// call.This the fresh instance; it attaches state with [Realm.attach].
// parent may be nil.
func (rl *Realm) newClass(name string, parent *jsClass, init func(call goja.FunctionCall)) *jsClass {
	c := rl.defineClass(name, parent, init, "")
	rl.global(name, c.ctor)
	return c
}

// defineClass is newClass without the global, for classes that live on a
// namespace object (WebAssembly.Module); notNew, if set, is the message of
// the TypeError for a call without `new`.
func (rl *Realm) defineClass(name string, parent *jsClass, init func(call goja.FunctionCall), notNew string) *jsClass {
	vm := rl.vm
	if rl.classFactory == nil {
		f, ok := goja.AssertFunction(rl.mustRun("classFactory", classFactory))
		if !ok {
			panic("bindings: class factory is not a function")
		}
		rl.classFactory = f
	}
	factory := rl.classFactory
	var initV, parentV, notNewV goja.Value = goja.Null(), goja.Null(), goja.Null()
	if notNew != "" {
		notNewV = vm.ToValue(notNew)
	}
	if init != nil {
		initV = vm.ToValue(rl.guard(func(call goja.FunctionCall) goja.Value {
			this := call.Argument(0).(*goja.Object)
			init(goja.FunctionCall{This: this, Arguments: call.Arguments[1:]})
			return goja.Undefined()
		}))
	}
	if parent != nil {
		parentV = parent.ctor
	}
	ctorV, err := factory(goja.Undefined(), vm.ToValue(name), initV, parentV, notNewV)
	if err != nil {
		panic(err)
	}
	ctor := ctorV.(*goja.Object)
	return &jsClass{name: name, ctor: ctor, proto: ctor.Get("prototype").(*goja.Object), rl: rl}
}

// method defines a prototype method. WebIDL operations are enumerable,
// writable and configurable.
func (c *jsClass) method(name string, fn func(call goja.FunctionCall) goja.Value) {
	f := c.rl.function(name, fn)
	if err := c.proto.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// getter defines a read-only accessor on the prototype.
func (c *jsClass) getter(name string, fn func(call goja.FunctionCall) goja.Value) {
	c.accessor(name, fn, nil)
}

// accessor defines a read/write accessor on the prototype; set may be nil.
func (c *jsClass) accessor(name string, get, set func(call goja.FunctionCall) goja.Value) {
	var setV goja.Value
	if set != nil {
		setV = c.rl.function("", set)
	}
	if err := c.proto.DefineAccessorProperty(name, c.rl.function("", get), setV, goja.FLAG_TRUE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}

// staticMethod defines a function on the constructor (Response.json).
func (c *jsClass) staticMethod(name string, fn func(call goja.FunctionCall) goja.Value) {
	if err := c.ctor.DefineDataProperty(name, c.rl.function(name, fn), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// constant defines a read-only number on both the constructor and the
// prototype, as WebIDL constants are (WebSocket.OPEN).
func (c *jsClass) constant(name string, value int) {
	v := c.rl.vm.ToValue(value)
	for _, o := range []*goja.Object{c.ctor, c.proto} {
		if err := o.DefineDataProperty(name, v, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
}

// function wraps a native function with a JS-visible name (goja would
// otherwise name it after the Go symbol).
func (rl *Realm) function(name string, fn func(call goja.FunctionCall) goja.Value) goja.Value {
	f := rl.vm.ToValue(rl.guard(fn)).(*goja.Object)
	if err := f.DefineDataProperty("name", rl.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
	return f
}

// instance creates an object of this class from Go, with the given state,
// without running the JS constructor.
func (c *jsClass) instance(state any) *goja.Object {
	o := c.rl.vm.CreateObject(c.proto)
	c.rl.attach(o, state)
	return o
}

// wrap returns this, the object a constructor is making, with state
// attached; or, when this is nil, a new instance holding state.
func (c *jsClass) wrap(state any, this *goja.Object) *goja.Object {
	if this == nil {
		return c.instance(state)
	}
	c.rl.attach(this, state)
	return this
}

// slotBox is what an instance's hidden slot holds: the Go state and the
// object the slot was attached to. A symbol lookup follows the prototype
// chain, so Object.create(instance) finds the instance's box; the owner
// check makes that (and a copied slot) fail the brand check, as in workerd,
// while a subclass instance, which owns its slot, passes.
//
// The box is a goja dynamic object: an empty, read-only object to script
// that reaches it (Object.getOwnPropertySymbols), and three small
// allocations to make, where a reflection-wrapped Go value costs dozens.
type slotBox struct {
	owner *goja.Object
	state any
}

// Get implements goja.DynamicObject: the box has no properties.
func (*slotBox) Get(string) goja.Value { return nil }

// Set implements goja.DynamicObject: the box takes no properties.
func (*slotBox) Set(string, goja.Value) bool { return false }

// Has implements goja.DynamicObject.
func (*slotBox) Has(string) bool { return false }

// Delete implements goja.DynamicObject: there is nothing to delete.
func (*slotBox) Delete(string) bool { return true }

// Keys implements goja.DynamicObject.
func (*slotBox) Keys() []string { return nil }

// proxyType is the export type of a Proxy. A Proxy of an instance is not an
// instance, and its traps must not see the slot's key.
var proxyType = reflect.TypeOf(goja.Proxy{})

// attach stores Go state in o's hidden slot.
func (rl *Realm) attach(o *goja.Object, state any) {
	box := rl.vm.NewDynamicObject(&slotBox{owner: o, state: state})
	if err := o.DefineDataPropertySymbol(rl.slot, box, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(err)
	}
}

// slotValue returns the Go state held in v's own hidden slot, or nil.
func (rl *Realm) slotValue(v goja.Value) any {
	o, ok := v.(*goja.Object)
	if !ok || o.ExportType() == proxyType {
		return nil
	}
	s := o.GetSymbol(rl.slot)
	if s == nil {
		return nil
	}
	if b, ok := s.Export().(*slotBox); ok && b.owner == o {
		return b.state
	}
	return nil
}

// stateGetter returns a function that defines getters on c, whose
// instances hold a T: each getter runs the brand check, then f on the state.
func stateGetter[T any](rl *Realm, c *jsClass) func(name string, f func(*T) goja.Value) {
	return func(name string, f func(*T) goja.Value) {
		c.getter(name, func(call goja.FunctionCall) goja.Value { return f(thisState[T](rl, call)) })
	}
}

// stateOf returns the Go state of type T held by v, or nil when v is not an
// instance carrying such state.
func stateOf[T any](rl *Realm, v goja.Value) *T {
	switch s := rl.slotValue(v).(type) {
	case *T:
		return s
	case inherits[T]:
		return s.baseState()
	}
	return nil
}

// inherits is implemented by the state of an interface that inherits from
// the one whose state is T (MessageEvent's from Event's, WebSocket's from
// EventTarget's) by embedding T, so T's methods find their state in a
// subclass instance too.
type inherits[T any] interface{ baseState() *T }

// thisState is the brand check every method starts with: it returns the Go
// state of `this`, or throws workerd's "Illegal invocation" TypeError.
func thisState[T any](rl *Realm, call goja.FunctionCall) *T {
	t := stateOf[T](rl, call.This)
	if t == nil {
		panic(rl.vm.NewTypeError(errIllegalInvocation))
	}
	return t
}

// errIllegalInvocation is workerd's TypeError for a method called on the
// wrong object.
const errIllegalInvocation = "Illegal invocation: function called with incorrect `this` reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details."

// constructorLast moves the prototype's constructor property after the
// members defined so far, where workerd's classes list it.
func (c *jsClass) constructorLast() {
	if err := c.proto.Delete("constructor"); err != nil {
		panic(err)
	}
	if err := c.proto.DefineDataProperty("constructor", c.ctor, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		panic(err)
	}
}
