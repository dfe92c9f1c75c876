package bindings

// Reading errors and workerd's host objects (see v8_serializer_host.go):
// native errors in both of workerd's formats, DOMException (both of its
// versions) and Blob.

import (
	"fmt"

	"github.com/dop251/goja"
)

// errorCtorNames are the constructors of workerd's error tags.
var errorCtorNames = map[uint32]string{
	1: "Error", 2: "TypeError", 3: "RangeError", 4: "ReferenceError", 5: "SyntaxError",
	10: "EvalError", 11: "URIError", 12: "AggregateError",
}

// legacyErrorCtors are the constructors of V8's prototype tags.
var legacyErrorCtors = map[byte]string{
	errTagEval: "EvalError", errTagRange: "RangeError", errTagReference: "ReferenceError",
	errTagSyntax: "SyntaxError", errTagType: "TypeError", errTagURI: "URIError",
}

// readLegacyError reads V8's own error format.
func (d *deserializer) readLegacyError() goja.Value {
	id := d.allocID()
	ctor := "Error"
	var message, stack, cause goja.Value
	for done := false; !done; {
		t, err := d.r.byte()
		d.check(err)
		switch t {
		case errTagMessage:
			message = d.readString()
		case errTagStack:
			stack = d.readString()
		case errTagCause:
			cause = d.read()
		case errTagEnd:
			done = true
		default:
			name, ok := legacyErrorCtors[t]
			if !ok {
				d.corrupt("unknown error tag 0x%02x", t)
			}
			ctor = name
		}
	}
	var args []goja.Value
	if message != nil {
		args = append(args, message)
	}
	o := d.construct(ctor, args...)
	if cause != nil {
		d.defineHidden(o, "cause", cause)
	}
	if stack == nil {
		stack = goja.Undefined()
	}
	d.defineHidden(o, "stack", stack)
	d.register(id, o)
	return o
}

// defineHidden sets a non-enumerable own data property, as the error
// constructors make cause and stack.
func (d *deserializer) defineHidden(o *goja.Object, key string, v goja.Value) {
	if err := o.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		d.fail(fmt.Errorf("%w: property %q: %v", ErrCorruptClone, key, err))
	}
}

// readHostObject reads one of workerd's host objects.
func (d *deserializer) readHostObject() goja.Value {
	id := d.allocID()
	tag := d.u32()
	var o *goja.Object
	switch tag {
	case hostTagRPCRef:
		o = d.readRPCRef()
	case hostTagNativeError:
		o = d.readNativeError()
	case hostTagDOMException:
		name, message, stack := d.lengthDelimited(), d.lengthDelimited(), d.lengthDelimited()
		o = d.newDOMException(name, message, stack)
	case hostTagDOMExceptionV1:
		o = d.readDOMExceptionV1()
	case hostTagBlob:
		typ := d.lengthDelimited()
		n, err := d.r.varint(64)
		d.check(err)
		b, err := d.r.bytes(n)
		d.check(err)
		o = d.rl.newBlob(append([]byte(nil), b...), typ)
	case hostTagHeaders, hostTagRequest, hostTagResponse:
		d.fail(fmt.Errorf("%w: workerd's Headers, Request and Response (host object %d) are not supported by workerhost yet", ErrCorruptClone, tag))
	default:
		d.fail(fmt.Errorf("%w: unknown host object %d (an RPC stub or binding, which only workerd can read)", ErrCorruptClone, tag))
	}
	d.register(id, o)
	return o
}

// readNativeError reads workerd's error: type tag, name if not a known
// type, message, then the other own properties as an object.
func (d *deserializer) readNativeError() *goja.Object {
	tag := d.u32()
	var name goja.Value
	if tag == 0 {
		name = d.read()
	}
	message, ok := d.read().(goja.String)
	if !ok {
		d.rl.throwDOMException("DataCloneError", "Deserialization failed: error message is not a string")
	}
	o := d.newError(tag, message)
	if name != nil {
		d.define(o, "name", name)
	}
	if props, ok := d.read().(*goja.Object); ok {
		for _, k := range props.GetOwnPropertyNames() {
			if _, index := arrayIndex(k); !index {
				d.define(o, k, props.Get(k))
			}
		}
	}
	return o
}

// newError makes an error of workerd's type tag with message; an unknown
// type (or one goja lacks, SuppressedError) is an Error.
func (d *deserializer) newError(tag uint32, message goja.Value) *goja.Object {
	w := &d.rl.wasm
	var ctor *goja.Object
	switch tag {
	case 6:
		ctor = w.compileErr
	case 7:
		ctor = w.linkErr
	case 8:
		ctor = w.runtimeErr
	default:
		name, ok := errorCtorNames[tag]
		if !ok {
			name = "Error"
		}
		if name == "AggregateError" {
			return d.construct(name, d.rl.vm.NewArray(), message)
		}
		return d.construct(name, message)
	}
	o, err := d.rl.vm.New(ctor, message)
	if err != nil {
		d.fail(err)
	}
	return o
}

// readDOMExceptionV1 reads workerd's first DOMException format: its name,
// then an error whose message and stack are the exception's.
func (d *deserializer) readDOMExceptionV1() *goja.Object {
	name := d.lengthDelimited()
	src, ok := d.read().(*goja.Object)
	if !ok {
		d.rl.throwDOMException("DataCloneError", "Deserialization failed: DOMException payload is not an object")
	}
	message, ok := src.Get("message").(goja.String)
	if !ok {
		d.rl.throwDOMException("DataCloneError", "Deserialization failed: DOMException message is not a string")
	}
	stack, ok := src.Get("stack").(goja.String)
	if !ok {
		d.rl.throwDOMException("DataCloneError", "Deserialization failed: DOMException stack is not a string")
	}
	return d.newDOMException(name, message.String(), stack.String())
}

// newDOMException makes a DOMException with the given stack.
func (d *deserializer) newDOMException(name, message, stack string) *goja.Object {
	o := d.rl.newDOMException(name, message)
	d.defineHidden(o, "stack", d.rl.vm.ToValue(stack))
	return o
}

// lengthDelimited reads a string as workerd's serializers write it.
func (d *deserializer) lengthDelimited() string {
	n, err := d.r.varint(64)
	d.check(err)
	b, err := d.r.bytes(n)
	d.check(err)
	return string(b)
}
