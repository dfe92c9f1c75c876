package bindings

// structuredClone(): https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone
// done as workerd does it, through V8's wire format: the value is
// serialized (v8_serializer.go) and read back (v8_deserializer.go), so
// what one clones is exactly what Durable Object storage keeps.

import (
	"errors"

	"github.com/dop251/goja"
)

// cloneIntrinsics are the built-ins the serializer reads internal slots
// with, taken when the realm is made so that a script replacing
// Uint8Array.prototype.buffer or Map.prototype.forEach changes nothing.
const cloneIntrinsics = `(function () {
  var getProto = Object.getPrototypeOf, getDesc = Object.getOwnPropertyDescriptor;
  var getter = function (o, k) { return getDesc(o, k).get; };
  var call = Function.prototype.call.bind(Function.prototype.call);
  var ta = getProto(Uint8Array.prototype), re = RegExp.prototype;
  var flags = [["global", 1], ["ignoreCase", 2], ["multiline", 4], ["sticky", 8], ["unicode", 16], ["dotAll", 32]]
    .map(function (f) { return [getter(re, f[0]), f[1]]; });
  var objToString = Object.prototype.toString, errToString = Error.prototype.toString;
  var fnToString = Function.prototype.toString;
  // V8's iterators inherit an accessor "constructor" from
  // Iterator.prototype, which goja lacks.
  var iterProto = getProto(getProto([][Symbol.iterator]()));
  // dataProp is V8's GetDataProperty: a lookup along the prototype chain
  // that runs no getter.
  function dataProp(o, key) {
    for (; o !== null && o !== undefined; o = getProto(o)) {
      if (o === iterProto && key === "constructor") return undefined;
      var d = getDesc(o, key);
      if (d) return "value" in d ? d.value : undefined;
    }
  }
  // describe is V8's Object::NoSideEffectsToString, which names what
  // could not be cloned in the DataCloneError; lookup is the object (a
  // Proxy's target) and builtinTag its class name.
  function describe(lookup, builtinTag) {
    if (typeof lookup === "function") return call(fnToString, lookup);
    var toString = dataProp(lookup, "toString");
    if (toString === errToString) {
      var name = dataProp(lookup, "name"), message = dataProp(lookup, "message");
      name = name === undefined ? "Error" : String(name);
      message = message === undefined ? "" : String(message);
      return name === "" ? message : message === "" ? name : name + ": " + message;
    }
    if (toString === objToString) {
      var ctor = dataProp(lookup, "constructor");
      if (typeof ctor === "function") {
        var ctorName = dataProp(ctor, "name");
        if (typeof ctorName === "string" && ctorName !== "") return "#<" + ctorName + ">";
      }
    }
    var tag = dataProp(lookup, Symbol.toStringTag);
    return "[object " + (typeof tag === "string" ? tag : builtinTag) + "]";
  }
  return {
    typedArrayName: getter(ta, Symbol.toStringTag),
    typedArrayBuffer: getter(ta, "buffer"),
    typedArrayOffset: getter(ta, "byteOffset"),
    typedArrayLength: getter(ta, "byteLength"),
    dataViewProto: DataView.prototype,
    dataViewBuffer: getter(DataView.prototype, "buffer"),
    dataViewOffset: getter(DataView.prototype, "byteOffset"),
    dataViewLength: getter(DataView.prototype, "byteLength"),
    regExpSource: getter(re, "source"),
    regExpFlags: function (r) {
      var bits = 0;
      for (var i = 0; i < flags.length; i++) if (call(flags[i][0], r)) bits |= flags[i][1];
      return bits;
    },
    stringValue: String.prototype.valueOf,
    numberValue: Number.prototype.valueOf,
    booleanValue: Boolean.prototype.valueOf,
    mapForEach: Map.prototype.forEach,
    setForEach: Set.prototype.forEach,
    mapSet: Map.prototype.set,
    setAdd: Set.prototype.add,
    objectProto: Object.prototype,
    // Objects of these kinds are not plain objects to V8, whatever their
    // own properties: all built-in iterators and generators inherit from
    // the iterator prototype.
    uncloneable: [WeakMap.prototype, WeakSet.prototype, iterProto,
      typeof WeakRef === "function" ? WeakRef.prototype : null,
      typeof FinalizationRegistry === "function" ? FinalizationRegistry.prototype : null],
    describe: describe,
    ctorName: function (o) { var c = dataProp(o, "constructor"); return c ? String(dataProp(c, "name")) : "Object"; },
  };
})()`

// cloneState is what the realm keeps for structured cloning.
type cloneState struct {
	typedArrayName, typedArrayBuffer, typedArrayOffset, typedArrayLength goja.Callable
	dataViewBuffer, dataViewOffset, dataViewLength                       goja.Callable
	regExpSource, regExpFlags                                            goja.Callable
	stringValue, numberValue, booleanValue                               goja.Callable
	mapForEach, setForEach, mapSet, setAdd                               goja.Callable
	describe, ctorName                                                   goja.Callable
	dataViewProto, objectProto, domExceptionProto                        *goja.Object
	uncloneable                                                          []*goja.Object
	// jsClasses are the prototypes of the Web API classes that keep no
	// state in the hidden slot (written in JS, or goja_nodejs's URL).
	jsClasses map[*goja.Object]string
	ctors     map[string]*goja.Object
	// collect receives Map and Set entries from forEach; entries is where
	// it puts them (one serializer at a time takes them, at once).
	collect goja.Value
	entries []goja.Value
}

// installStructuredClone takes the intrinsics and defines structuredClone.
func (rl *Realm) installStructuredClone() {
	x := rl.mustRun("structuredClone", cloneIntrinsics).(*goja.Object)
	fn := func(name string) goja.Callable {
		f, ok := goja.AssertFunction(x.Get(name))
		if !ok {
			panic("bindings: clone intrinsic " + name + " is not a function")
		}
		return f
	}
	c := &rl.clone
	c.typedArrayName, c.typedArrayBuffer = fn("typedArrayName"), fn("typedArrayBuffer")
	c.typedArrayOffset, c.typedArrayLength = fn("typedArrayOffset"), fn("typedArrayLength")
	c.dataViewBuffer, c.dataViewOffset, c.dataViewLength = fn("dataViewBuffer"), fn("dataViewOffset"), fn("dataViewLength")
	c.regExpSource, c.regExpFlags = fn("regExpSource"), fn("regExpFlags")
	c.stringValue, c.numberValue, c.booleanValue = fn("stringValue"), fn("numberValue"), fn("booleanValue")
	c.mapForEach, c.setForEach, c.mapSet, c.setAdd = fn("mapForEach"), fn("setForEach"), fn("mapSet"), fn("setAdd")
	c.describe, c.ctorName = fn("describe"), fn("ctorName")
	c.dataViewProto = x.Get("dataViewProto").(*goja.Object)
	c.objectProto = x.Get("objectProto").(*goja.Object)
	c.domExceptionProto = rl.domException.Get("prototype").(*goja.Object)
	c.uncloneable = rl.objectList(x.Get("uncloneable").(*goja.Object))
	c.jsClasses = make(map[*goja.Object]string)
	for _, name := range []string{"ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamDefaultController", "URL", "URLSearchParams"} {
		c.jsClasses[rl.vm.Get(name).(*goja.Object).Get("prototype").(*goja.Object)] = name
	}
	c.ctors = make(map[string]*goja.Object)
	for _, name := range []string{"Date", "RegExp", "Map", "Set", "DataView", "Error", "EvalError", "RangeError",
		"ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError", "Int8Array", "Uint8Array",
		"Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array",
		"Float64Array", "BigInt64Array", "BigUint64Array"} {
		c.ctors[name] = rl.vm.Get(name).(*goja.Object)
	}
	c.collect = rl.vm.ToValue(func(call goja.FunctionCall) goja.Value {
		c.entries = append(c.entries, call.Argument(1), call.Argument(0))
		return goja.Undefined()
	})
	rl.global("structuredClone", rl.function("structuredClone", rl.structuredClone))
}

// objectList returns the objects of a JS array, skipping the rest.
func (rl *Realm) objectList(a *goja.Object) []*goja.Object {
	var out []*goja.Object
	for _, k := range a.Keys() {
		if o, ok := a.Get(k).(*goja.Object); ok {
			out = append(out, o)
		}
	}
	return out
}

// structuredClone is the global structuredClone(value, options).
func (rl *Realm) structuredClone(call goja.FunctionCall) goja.Value {
	if len(call.Arguments) == 0 {
		rl.throwTypeError("Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'Value'.")
	}
	transfers := rl.cloneTransfers(call.Argument(1))
	s := rl.newSerializer()
	s.transfers = make(map[*goja.Object]uint32, len(transfers))
	for i, b := range transfers {
		s.transfers[b.obj] = uint32(i)
	}
	s.writeValue(call.Argument(0))
	// As in workerd, the buffers are detached once the value is written,
	// so a getter run while writing still sees them whole.
	moved := make([]*goja.Object, len(transfers))
	for i, b := range transfers {
		data := b.ab.Bytes()
		b.ab.Detach()
		moved[i] = rl.vm.ToValue(rl.vm.NewArrayBuffer(data)).(*goja.Object)
	}
	v, err := rl.deserialize(s.buf, moved)
	if err != nil {
		var ex *goja.Exception
		if errors.As(err, &ex) {
			panic(ex)
		}
		// A value can serialize and yet not read back (an error that
		// refers to itself); V8 then throws this.
		panic(rl.newError("Error", "Unable to deserialize cloned data."))
	}
	return v
}

// transferred is one ArrayBuffer of structuredClone's transfer list.
type transferred struct {
	obj *goja.Object
	ab  goja.ArrayBuffer
}

// cloneTransfers reads options.transfer: ArrayBuffers, or views whose
// buffer is moved, each once however often it is listed (as in workerd).
func (rl *Realm) cloneTransfers(options goja.Value) []transferred {
	if options == nil || goja.IsUndefined(options) || goja.IsNull(options) {
		return nil
	}
	opts, ok := options.(*goja.Object)
	if !ok {
		rl.throwTypeError("Failed to execute 'structuredClone' on 'ServiceWorkerGlobalScope': parameter 2 is not of type 'StructuredCloneOptions'.")
	}
	list := opts.Get("transfer")
	if list == nil || goja.IsUndefined(list) {
		return nil
	}
	arr, ok := list.(*goja.Object)
	if !ok || arr.ClassName() != "Array" {
		rl.throwTypeError("Incorrect type for the 'transfer' field on 'StructuredCloneOptions': the provided value is not of type 'Array'.")
	}
	var out []transferred
	seen := make(map[*goja.Object]bool)
	for _, k := range arr.Keys() {
		o, ok := arr.Get(k).(*goja.Object)
		if ok && rl.isArrayBufferView(o) {
			o = rl.viewBuffer(o)
		}
		var ab goja.ArrayBuffer
		if ok {
			ab, ok = o.Export().(goja.ArrayBuffer)
		}
		if !ok {
			rl.throwTypeError("Object is not transferable")
		}
		if !seen[o] {
			seen[o] = true
			out = append(out, transferred{obj: o, ab: ab})
		}
	}
	return out
}

// viewBuffer returns the ArrayBuffer of a typed array or DataView.
func (rl *Realm) viewBuffer(view *goja.Object) *goja.Object {
	get := rl.clone.typedArrayBuffer
	if rl.hasProto(view, rl.clone.dataViewProto) {
		get = rl.clone.dataViewBuffer
	}
	b, err := get(view)
	if err != nil {
		panic(err)
	}
	return b.(*goja.Object)
}

// hasProto reports whether p is on o's prototype chain.
func (rl *Realm) hasProto(o, p *goja.Object) bool {
	for q := o.Prototype(); q != nil; q = q.Prototype() {
		if q == p {
			return true
		}
	}
	return false
}
