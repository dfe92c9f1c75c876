package jsruntime

// V8 names the offending value in some TypeErrors ("Method
// WeakRef.prototype.deref called on incompatible receiver #<Object>",
// "Invalid unregisterToken ('1')") with Object::NoSideEffectsToString: no
// getter, toString or Proxy trap of the script runs. describer renders
// values the same way, rule for rule as workerd shows them (conformance
// case weak_refs).

import (
	"reflect"

	"github.com/dop251/goja"
)

// proxyType is the export type of a Proxy.
var proxyType = reflect.TypeOf(goja.Proxy{})

// describer holds the intrinsics the rendering compares against, captured
// before any script can replace them.
type describer struct {
	vm               *goja.Runtime
	ownDescriptor    goja.Callable // Object.getOwnPropertyDescriptor
	functionToString goja.Callable // Function.prototype.toString
	objectToString   *goja.Object  // Object.prototype.toString
	errorToString    *goja.Object  // Error.prototype.toString
	typedArrayTag    goja.Callable // the %TypedArray%.prototype[Symbol.toStringTag] getter
	iteratorProto    *goja.Object  // %IteratorPrototype%
}

// newDescriber captures the intrinsics. Before any script runs.
func newDescriber(vm *goja.Runtime) *describer {
	object := vm.Get("Object").(*goja.Object)
	fnProto := vm.Get("Function").(*goja.Object).Get("prototype").(*goja.Object)
	errProto := vm.Get("Error").(*goja.Object).Get("prototype").(*goja.Object)
	gopd, _ := goja.AssertFunction(object.Get("getOwnPropertyDescriptor"))
	fnToString, _ := goja.AssertFunction(fnProto.Get("toString"))
	typedArrayProto := vm.Get("Uint8Array").(*goja.Object).Get("prototype").(*goja.Object).Prototype()
	tagDesc, err := gopd(goja.Undefined(), typedArrayProto, goja.SymToStringTag)
	if err != nil {
		panic(err)
	}
	typedArrayTag, _ := goja.AssertFunction(tagDesc.(*goja.Object).Get("get"))
	arrayIterator, err := vm.RunString("[].values()")
	if err != nil {
		panic(err)
	}
	return &describer{
		vm:               vm,
		ownDescriptor:    gopd,
		functionToString: fnToString,
		objectToString:   object.Get("prototype").(*goja.Object).Get("toString").(*goja.Object),
		errorToString:    errProto.Get("toString").(*goja.Object),
		typedArrayTag:    typedArrayTag,
		iteratorProto:    arrayIterator.(*goja.Object).Prototype().Prototype(),
	}
}

// String renders v. Primitives are their ToString (a symbol its
// description, "Symbol(x)"), functions their source, errors "Name:
// message", plain instances "#<Constructor>", and other objects "[object
// Tag]". On the loop.
func (d *describer) String(v goja.Value) string {
	switch v := v.(type) {
	case nil:
		return "undefined"
	case *goja.Object:
		return d.object(v)
	case *goja.Symbol:
		return "Symbol(" + v.String() + ")" // String is the description
	}
	return v.String()
}

// object renders an object. A Proxy is looked through to its target, except
// that its built-in tag is Object, as V8 does.
func (d *describer) object(o *goja.Object) string {
	proxied := false
	for o != nil && o.ExportType() == proxyType {
		o, proxied = o.Export().(goja.Proxy).Target(), true
	}
	if o == nil {
		return "null" // a revoked Proxy, as V8 shows one
	}
	if _, ok := goja.AssertFunction(o); ok {
		if src, err := d.functionToString(o); err == nil {
			return src.String()
		}
	}
	toString := d.dataProperty(o, d.vm.ToValue("toString"))
	if o.ClassName() == "Error" || sameObject(toString, d.errorToString) {
		return d.errorString(o)
	}
	if sameObject(toString, d.objectToString) {
		if ctor, ok := d.constructorOf(o).(*goja.Object); ok {
			if _, callable := goja.AssertFunction(ctor); callable {
				if name, ok := exportString(d.dataProperty(ctor, d.vm.ToValue("name"))); ok && name != "" {
					return "#<" + name + ">"
				}
			}
		}
	}
	if tag, ok := exportString(d.dataProperty(o, goja.SymToStringTag)); ok {
		return "[object " + tag + "]"
	}
	if !proxied {
		if name, ok := d.typedArrayName(o); ok {
			return "[object " + name + "]"
		}
	}
	return "[object " + builtinTag(o, proxied) + "]"
}

// constructorOf is o's constructor data property. V8 has an accessor,
// Iterator.prototype.constructor, where goja has none (it finds Object's
// further up), so V8 names an iterator by its Symbol.toStringTag ("[object
// Array Iterator]"): the lookup stops there as V8's does.
func (d *describer) constructorOf(o *goja.Object) goja.Value {
	key := d.vm.ToValue("constructor")
	for ; o != nil && o.ExportType() != proxyType && o != d.iteratorProto; o = o.Prototype() {
		if v, found := d.ownDataProperty(o, key); found {
			return v
		}
	}
	return goja.Undefined()
}

// typedArrayName is the name of a typed array's kind ("Uint8Array"), read
// with the built-in %TypedArray%.prototype[Symbol.toStringTag] getter, which
// has no side effects; false for any other object.
func (d *describer) typedArrayName(o *goja.Object) (string, bool) {
	v, err := d.typedArrayTag(o)
	if err != nil {
		return "", false
	}
	name, ok := exportString(v)
	return name, ok
}

// errorString is V8's side-effect-free Error.prototype.toString.
func (d *describer) errorString(o *goja.Object) string {
	name, _ := exportString(d.dataProperty(o, d.vm.ToValue("name")))
	msg, _ := exportString(d.dataProperty(o, d.vm.ToValue("message")))
	switch {
	case name == "":
		return msg
	case msg == "":
		return name
	}
	return name + ": " + msg
}

// builtinTag is the class V8 falls back on for an object with no string
// Symbol.toStringTag data property.
func builtinTag(o *goja.Object, proxied bool) string {
	if proxied {
		return "Object"
	}
	switch c := o.ClassName(); c {
	case "Array", "Function", "Error", "Boolean", "Number", "String", "Date", "RegExp":
		return c
	}
	return "Object"
}

// dataProperty is V8's GetDataProperty: the value of key found on o or its
// prototypes, or undefined when the property is an accessor, is missing, or
// the lookup reaches a Proxy (whose traps must not run).
func (d *describer) dataProperty(o *goja.Object, key goja.Value) goja.Value {
	for ; o != nil && o.ExportType() != proxyType; o = o.Prototype() {
		if v, found := d.ownDataProperty(o, key); found {
			return v
		}
	}
	return goja.Undefined()
}

// ownDataProperty looks key up on o itself: found is true when o has the
// property, and v is its value, or undefined for an accessor.
func (d *describer) ownDataProperty(o *goja.Object, key goja.Value) (v goja.Value, found bool) {
	desc, err := d.ownDescriptor(goja.Undefined(), o, key)
	if err != nil {
		return goja.Undefined(), true
	}
	dobj, ok := desc.(*goja.Object)
	if !ok {
		return nil, false
	}
	if hasOwn(dobj, "value") {
		return dobj.Get("value"), true
	}
	return goja.Undefined(), true // an accessor
}

// hasOwn reports whether a property descriptor object has key.
func hasOwn(o *goja.Object, key string) bool {
	for _, k := range o.Keys() {
		if k == key {
			return true
		}
	}
	return false
}

// sameObject reports whether v is the object o.
func sameObject(v goja.Value, o *goja.Object) bool {
	vo, ok := v.(*goja.Object)
	return ok && vo == o
}

// exportString returns v as a Go string if it is a string. It never
// exports other values: goja panics exporting a typed array whose buffer
// was detached.
func exportString(v goja.Value) (string, bool) {
	if v == nil || !goja.IsString(v) {
		return "", false
	}
	return v.String(), true
}
