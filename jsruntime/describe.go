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
}

// newDescriber captures the intrinsics. Before any script runs.
func newDescriber(vm *goja.Runtime) *describer {
	object := vm.Get("Object").(*goja.Object)
	fnProto := vm.Get("Function").(*goja.Object).Get("prototype").(*goja.Object)
	errProto := vm.Get("Error").(*goja.Object).Get("prototype").(*goja.Object)
	gopd, _ := goja.AssertFunction(object.Get("getOwnPropertyDescriptor"))
	fnToString, _ := goja.AssertFunction(fnProto.Get("toString"))
	return &describer{
		vm:               vm,
		ownDescriptor:    gopd,
		functionToString: fnToString,
		objectToString:   object.Get("prototype").(*goja.Object).Get("toString").(*goja.Object),
		errorToString:    errProto.Get("toString").(*goja.Object),
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
		return "[object Object]" // a revoked Proxy
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
		if ctor, ok := d.dataProperty(o, d.vm.ToValue("constructor")).(*goja.Object); ok {
			if _, callable := goja.AssertFunction(ctor); callable {
				if name, ok := d.dataProperty(ctor, d.vm.ToValue("name")).Export().(string); ok && name != "" {
					return "#<" + name + ">"
				}
			}
		}
	}
	if tag, ok := d.dataProperty(o, goja.SymToStringTag).Export().(string); ok {
		return "[object " + tag + "]"
	}
	return "[object " + builtinTag(o, proxied) + "]"
}

// errorString is V8's side-effect-free Error.prototype.toString.
func (d *describer) errorString(o *goja.Object) string {
	name, _ := d.dataProperty(o, d.vm.ToValue("name")).Export().(string)
	msg, _ := d.dataProperty(o, d.vm.ToValue("message")).Export().(string)
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
	for o != nil && o.ExportType() != proxyType {
		desc, err := d.ownDescriptor(goja.Undefined(), o, key)
		if err != nil {
			return goja.Undefined()
		}
		if dobj, ok := desc.(*goja.Object); ok {
			if hasOwn(dobj, "value") {
				return dobj.Get("value")
			}
			return goja.Undefined() // an accessor
		}
		o = o.Prototype()
	}
	return goja.Undefined()
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
