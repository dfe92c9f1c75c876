package bindings

// Errors and Web API objects in the structured clone. workerd writes
// errors as its own host objects (enhanced_error_serialization, on from
// 2026-04-21): the error's type, message and own properties, cause and
// stack included; before that, V8's own format ('r'). DOMException and
// Blob are workerd host objects too; the tags are workerd's
// rpc::SerializationTag.

import (
	"workerhost/internal/config"

	"github.com/dop251/goja"
)

// workerd's host object tags (src/workerd/io/worker-interface.capnp).
const (
	hostTagHeaders        = 4
	hostTagRequest        = 5
	hostTagResponse       = 6
	hostTagDOMExceptionV1 = 7
	hostTagDOMException   = 8
	hostTagNativeError    = 10
	hostTagBlob           = 15
)

// errorTypeTags number the native error types as workerd's ErrorTag does;
// 0 is any other name, which is then written too.
var errorTypeTags = map[string]uint64{
	"Error": 1, "TypeError": 2, "RangeError": 3, "ReferenceError": 4, "SyntaxError": 5,
	"WasmCompileError": 6, "WasmLinkError": 7, "WasmRuntimeError": 8, "WasmSuspendError": 9,
	"EvalError": 10, "URIError": 11,
	"AggregateError": 12, "SuppressedError": 13,
}

// legacyErrorTags are V8's prototype tags for its own error format.
var legacyErrorTags = map[string]byte{
	"EvalError": errTagEval, "RangeError": errTagRange, "ReferenceError": errTagReference,
	"SyntaxError": errTagSyntax, "TypeError": errTagType, "URIError": errTagURI,
}

// enhancedErrors reports whether errors are written as workerd's host
// objects.
func (rl *Realm) enhancedErrors() bool {
	return rl.opts.Compat.Enabled(config.FlagEnhancedErrorSerialization)
}

// writeError writes an Error (or subclass) instance.
func (s *serializer) writeError(o *goja.Object) {
	if s.rl.hasProto(o, s.rl.clone.domExceptionProto) {
		s.writeDOMException(o)
		return
	}
	if s.legacyErrors {
		s.writeLegacyError(o)
		return
	}
	name := o.Get("name")
	if name == nil {
		name = goja.Undefined()
	}
	tag := errorTypeTags[name.String()]
	s.beginHost(hostTagNativeError)
	s.buf = appendVarint(s.buf, tag)
	if tag == 0 {
		s.writeValue(name)
	}
	s.writeValue(o.Get("message"))
	// The rest of the own properties (stack, cause, any other) follow as
	// an object, which takes an id as V8 gives it one.
	var keys []string
	var values []goja.Value
	for _, k := range o.GetOwnPropertyNames() {
		if _, index := arrayIndex(k); index || k == "name" || k == "message" {
			continue
		}
		keys = append(keys, k)
		values = append(values, o.Get(k))
	}
	s.nextID++
	s.buf = append(s.buf, tagBeginObject)
	for i, k := range keys {
		s.writeKey(k)
		s.writeValue(values[i])
	}
	s.buf = append(s.buf, tagEndObject)
	s.buf = appendVarint(s.buf, uint64(len(keys)))
}

// writeLegacyError writes an error in V8's own format: its prototype (by
// name), own message, stack if a string, and own cause.
func (s *serializer) writeLegacyError(o *goja.Object) {
	own := make(map[string]bool)
	for _, k := range o.GetOwnPropertyNames() {
		own[k] = true
	}
	s.buf = append(s.buf, tagError)
	name := o.Get("name")
	if name != nil {
		if t, ok := legacyErrorTags[name.String()]; ok {
			s.buf = append(s.buf, t)
		}
	}
	if own["message"] {
		s.buf = append(s.buf, errTagMessage)
		s.writeString(o.Get("message").ToString().(goja.String))
	}
	if stack, ok := o.Get("stack").(goja.String); ok {
		s.buf = append(s.buf, errTagStack)
		s.writeString(stack)
	}
	if own["cause"] {
		s.buf = append(s.buf, errTagCause)
		s.writeValue(o.Get("cause"))
	}
	s.buf = append(s.buf, errTagEnd)
}

// writeDOMException writes workerd's DOMException: name, message, stack.
func (s *serializer) writeDOMException(o *goja.Object) {
	s.beginHost(hostTagDOMException)
	s.appendLengthDelimited(o.Get("name").String())
	s.appendLengthDelimited(o.Get("message").String())
	stack := ""
	if v, ok := o.Get("stack").(goja.String); ok {
		stack = v.String()
	}
	s.appendLengthDelimited(stack)
}

// beginHost starts a workerd host object.
func (s *serializer) beginHost(tag uint64) {
	s.buf = append(s.buf, tagHostObject)
	s.buf = appendVarint(s.buf, tag)
}

// appendLengthDelimited writes a string as workerd's serializers do: its
// UTF-8 length, then its bytes.
func (s *serializer) appendLengthDelimited(str string) {
	s.buf = appendVarint(s.buf, uint64(len(str)))
	s.buf = append(s.buf, str...)
}

// writeHostObject writes a Web API object, or throws workerd's error for
// one that does not serialize.
func (s *serializer) writeHostObject(o *goja.Object, k cloneKind) {
	switch st := k.state.(type) {
	case *blob:
		s.beginHost(hostTagBlob)
		s.appendLengthDelimited(st.typ)
		s.buf = appendVarint(s.buf, uint64(len(st.data)))
		s.buf = append(s.buf, st.data...)
	case jsClassInstance:
		if st == "ReadableStream" {
			s.throwClone("ReadableStream can only be serialized for RPC.")
		}
		s.throwNotSerializable(string(st))
	case *abortSignal:
		s.throwClone("AbortSignal serialization is not enabled.")
	case *headers:
		s.rl.throwUnsupported("structuredClone() of Headers")
	case *request:
		s.rl.throwUnsupported("structuredClone() of a Request")
	case *response:
		s.rl.throwUnsupported("structuredClone() of a Response")
	case *wasmMemory, *wasmTable, *wasmGlobal, *wasmModule, *wasmInstance:
		// WebAssembly's objects are V8's own, which it refuses.
		s.throwUncloneable(o, k)
	default:
		name := s.rl.callIntrinsic(s.rl.clone.ctorName, goja.Undefined(), o)
		s.throwNotSerializable(name.String())
	}
}
