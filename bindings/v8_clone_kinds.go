package bindings

// How the structured clone sees an object: which of V8's kinds it is
// (plain object, array, Date, view...), or why it cannot be cloned. goja
// gives most built-ins the class "Object", so the kind comes from the
// export type, the class name, the hidden slot of a Web API object, and,
// for the rest, the prototype chain.

import (
	"github.com/dop251/goja"
)

// cloneKindID is one kind of object.
type cloneKindID int

const (
	kindPlain cloneKindID = iota
	kindArray
	kindDate
	kindRegExp
	kindMap
	kindSet
	kindArrayBuffer
	kindView
	kindWrapper
	kindError
	kindHost
	// kindUncloneable is what V8 refuses ("#<WeakMap> could not be
	// cloned.").
	kindUncloneable
)

// cloneKind is an object's kind and what writing it needs.
type cloneKind struct {
	kind cloneKindID
	// For kindView: the buffer, V8's subtag, and the byte range.
	buffer         *goja.Object
	subtag         byte
	offset, length int64
	// For kindHost: the Web API object's state; for kindUncloneable of a
	// Proxy: its target.
	state  any
	target *goja.Object
}

// viewSubtags are V8's tags for each kind of view.
var viewSubtags = map[string]byte{
	"Int8Array": 'b', "Uint8Array": 'B', "Uint8ClampedArray": 'C', "Int16Array": 'w', "Uint16Array": 'W',
	"Int32Array": 'd', "Uint32Array": 'D', "Float16Array": 'h', "Float32Array": 'f', "Float64Array": 'F',
	"BigInt64Array": 'q', "BigUint64Array": 'Q', "DataView": '?',
}

// kindOf classifies o.
func (s *serializer) kindOf(o *goja.Object) cloneKind {
	switch t := o.ExportType(); t {
	case typeMapEntries:
		return cloneKind{kind: kindMap}
	case typeArrayBuffer:
		return cloneKind{kind: kindArrayBuffer}
	case typeBigInt:
		return cloneKind{kind: kindWrapper}
	case typePromise, typeFunc, typeCtor, typeString:
		// (An object exported as a string is a Symbol wrapper.)
		return cloneKind{kind: kindUncloneable}
	case proxyType:
		return cloneKind{kind: kindUncloneable, target: o.Export().(goja.Proxy).Target()}
	default:
		if typedArrayTypes[t] {
			if k, ok := s.typedArrayKind(o); ok {
				return k
			}
		}
	}
	switch o.ClassName() {
	case "Array":
		return cloneKind{kind: kindArray}
	case "Date":
		return cloneKind{kind: kindDate}
	case "RegExp":
		return cloneKind{kind: kindRegExp}
	case "String", "Number", "Boolean":
		return cloneKind{kind: kindWrapper}
	case "Error":
		return cloneKind{kind: kindError}
	case "Object":
		if o.ExportType() == typeSetValues {
			return cloneKind{kind: kindSet}
		}
	default:
		return cloneKind{kind: kindUncloneable}
	}
	if _, ok := goja.AssertFunction(o); ok {
		return cloneKind{kind: kindUncloneable}
	}
	return s.objectKind(o)
}

// objectKind classifies what goja calls a plain object: a plain object
// indeed (or a class instance, cloned as one, as V8 does), a Web API
// object, a DataView, or a built-in V8 refuses.
func (s *serializer) objectKind(o *goja.Object) cloneKind {
	rl := s.rl
	p := o.Prototype()
	if o == rl.vm.GlobalObject() {
		return cloneKind{kind: kindUncloneable}
	}
	if p == nil || p == rl.clone.objectProto {
		return cloneKind{kind: kindPlain}
	}
	if state := rl.slotValue(o); state != nil {
		return cloneKind{kind: kindHost, state: state}
	}
	for q := p; q != nil; q = q.Prototype() {
		if q == rl.clone.dataViewProto {
			if k, ok := s.dataViewKind(o); ok {
				return k
			}
			return cloneKind{kind: kindPlain}
		}
		for _, u := range rl.clone.uncloneable {
			if q == u {
				return cloneKind{kind: kindUncloneable}
			}
		}
		if name, ok := rl.clone.jsClasses[q]; ok {
			return cloneKind{kind: kindHost, state: jsClassInstance(name)}
		}
	}
	return cloneKind{kind: kindPlain}
}

// jsClassInstance stands for an instance of a Web API class that has no
// state in the hidden slot: the class's name.
type jsClassInstance string

// typedArrayKind reads a typed array's slots; false if o is not one.
func (s *serializer) typedArrayKind(o *goja.Object) (cloneKind, bool) {
	c := &s.rl.clone
	name, err := c.typedArrayName(o)
	if err != nil || !goja.IsString(name) {
		return cloneKind{}, false
	}
	k := cloneKind{kind: kindView, subtag: viewSubtags[name.String()]}
	k.buffer = s.rl.callIntrinsic(c.typedArrayBuffer, o).(*goja.Object)
	k.offset = s.rl.callIntrinsic(c.typedArrayOffset, o).ToInteger()
	k.length = s.rl.callIntrinsic(c.typedArrayLength, o).ToInteger()
	return k, true
}

// dataViewKind reads a DataView's slots; false if o only inherits from
// DataView.prototype.
func (s *serializer) dataViewKind(o *goja.Object) (cloneKind, bool) {
	c := &s.rl.clone
	buf, err := c.dataViewBuffer(o)
	if err != nil {
		return cloneKind{}, false
	}
	k := cloneKind{kind: kindView, subtag: '?', buffer: buf.(*goja.Object)}
	k.offset = s.rl.callIntrinsic(c.dataViewOffset, o).ToInteger()
	k.length = s.rl.callIntrinsic(c.dataViewLength, o).ToInteger()
	return k, true
}

// throwUncloneable throws V8's DataCloneError for o, naming it as V8 does
// ("#<WeakMap> could not be cloned.", a function's source text).
func (s *serializer) throwUncloneable(o *goja.Object, k cloneKind) {
	if o == s.rl.vm.GlobalObject() {
		s.throwClone("#<ServiceWorkerGlobalScope> could not be cloned.")
	}
	lookup, tag := o, o.ClassName()
	if k.target != nil {
		lookup, tag = k.target, "Object"
	} else if tag == "Error" {
		tag = "Object"
	}
	desc := s.rl.callIntrinsic(s.rl.clone.describe, goja.Undefined(), lookup, s.rl.vm.ToValue(tag))
	s.throwClone(desc.String() + " could not be cloned.")
}

// throwNotSerializable throws workerd's DataCloneError for a Web API
// object that does not serialize.
func (s *serializer) throwNotSerializable(typeName string) {
	s.throwClone(`Could not serialize object of type "` + typeName + `". This type does not support serialization.`)
}
