package jsruntime

import (
	"math"
	"math/big"
	"reflect"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// JSON.stringify is on every JSON answer's path, and goja's spends most of
// its time quoting strings one UTF-16 unit at a time and making a string
// per array index. installFastStringify replaces it with the same
// algorithm (ECMA-262 SerializeJSONProperty) written against goja's public
// API, for the common call: no replacer and no indentation, over plain
// objects, arrays and primitives. Everything else goes to goja's own
// function: a call with a replacer or a gap as a whole, and, inside a
// value, each object that is neither a plain object nor an array (a Proxy,
// a boxed primitive, a Map, a typed array, a wrapped Go value, raw JSON)
// once its toJSON has been applied as the algorithm says. The one
// difference: such an object whose toJSON returns another object with a
// toJSON of its own sees that second toJSON called with the key "" instead
// of its property's name.

// maxJSONDepth bounds nesting as V8's stack does, so a cyclic-free but
// absurdly deep value throws instead of exhausting the Go stack.
const maxJSONDepth = 10000

// The export types that tell goja's values apart without exporting them.
var (
	plainObjectType = reflect.TypeOf(map[string]any(nil))
	arrayType       = reflect.TypeOf([]any(nil))
	int64Type       = reflect.TypeOf(int64(0))
	float64Type     = reflect.TypeOf(float64(0))
	stringType      = reflect.TypeOf("")
	boolType        = reflect.TypeOf(false)
	bigIntType      = reflect.TypeOf((*big.Int)(nil))
)

// installFastStringify puts the fast JSON.stringify in place of goja's,
// keeping its name and length.
func installFastStringify(vm *goja.Runtime) {
	jsonObj := vm.Get("JSON").(*goja.Object)
	original, ok := goja.AssertFunction(jsonObj.Get("stringify"))
	if !ok {
		panic("JSON.stringify is not a function")
	}
	f := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) > 1 && !isNullish(call.Arguments[1]) || len(call.Arguments) > 2 && !goja.IsUndefined(call.Arguments[2]) {
			v, err := original(call.This, call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		}
		s := &jsonWriter{vm: vm, original: original}
		if !s.value(call.Argument(0), "", 0, true) {
			return goja.Undefined()
		}
		return vm.ToValue(string(s.buf))
	}).(*goja.Object)
	nameAndLength(vm, f, "stringify", 3)
	must(jsonObj.DefineDataProperty("stringify", f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE))
}

// isNullish reports whether v is undefined or null.
func isNullish(v goja.Value) bool { return goja.IsUndefined(v) || goja.IsNull(v) }

// jsonWriter is one JSON.stringify call.
type jsonWriter struct {
	vm       *goja.Runtime
	original goja.Callable
	buf      []byte
	stack    []*goja.Object
}

// value writes v, the value of property key of its holder, and reports
// false when v serializes to nothing (undefined, a function, a symbol).
// applyToJSON is false for what a toJSON method returned.
func (w *jsonWriter) value(v goja.Value, key string, depth int, applyToJSON bool) bool {
	if v == nil || goja.IsUndefined(v) {
		return false
	}
	o, isObject := v.(*goja.Object)
	t := v.ExportType()
	if applyToJSON && (isObject || t == bigIntType) {
		if f, ok := goja.AssertFunction(w.property(v, "toJSON")); ok {
			res, err := f(v, w.vm.ToValue(key))
			if err != nil {
				panic(err)
			}
			return w.value(res, key, depth, false)
		}
	}
	if _, symbol := v.(*goja.Symbol); symbol {
		return false
	}
	if !isObject {
		return w.primitive(v, t)
	}
	if _, callable := goja.AssertFunction(o); callable {
		return false
	}
	switch {
	case t == plainObjectType && o.ClassName() == "Object":
		w.enter(o, depth)
		w.object(o, depth)
	case t == arrayType && o.ClassName() == "Array":
		w.enter(o, depth)
		w.array(o, depth)
	default:
		return w.delegate(o)
	}
	w.stack = w.stack[:len(w.stack)-1]
	return true
}

// property reads v[name] (v may be a primitive, as a BigInt is).
func (w *jsonWriter) property(v goja.Value, name string) goja.Value {
	if o, ok := v.(*goja.Object); ok {
		return o.Get(name)
	}
	return v.ToObject(w.vm).Get(name)
}

// primitive writes a primitive value whose export type is t.
func (w *jsonWriter) primitive(v goja.Value, t reflect.Type) bool {
	switch t {
	case nil:
		w.buf = append(w.buf, "null"...) // undefined was handled by value
	case boolType:
		w.buf = strconv.AppendBool(w.buf, v.ToBoolean())
	case stringType:
		w.quote(v)
	case int64Type:
		w.buf = strconv.AppendInt(w.buf, v.ToInteger(), 10)
	case float64Type:
		if f := v.ToFloat(); math.IsNaN(f) || math.IsInf(f, 0) {
			w.buf = append(w.buf, "null"...)
		} else {
			w.buf = append(w.buf, v.String()...)
		}
	case bigIntType:
		panic(w.vm.NewTypeError("Do not know how to serialize a BigInt"))
	default:
		return false
	}
	return true
}

// enter pushes o on the path, throwing on a cycle or on nesting deeper
// than maxJSONDepth, with goja's messages.
func (w *jsonWriter) enter(o *goja.Object, depth int) {
	for _, seen := range w.stack {
		if seen.SameAs(o) {
			panic(w.vm.NewTypeError("Converting circular structure to JSON"))
		}
	}
	if depth > maxJSONDepth {
		ctor := w.vm.Get("RangeError")
		err, _ := w.vm.New(ctor, w.vm.ToValue("Maximum call stack size exceeded"))
		panic(err)
	}
	w.stack = append(w.stack, o)
}

// object writes a plain object's own enumerable string-keyed properties,
// in goja's order.
func (w *jsonWriter) object(o *goja.Object, depth int) {
	w.buf = append(w.buf, '{')
	empty := true
	for _, k := range o.Keys() {
		mark := len(w.buf)
		if !empty {
			w.buf = append(w.buf, ',')
		}
		w.quoteString(k)
		w.buf = append(w.buf, ':')
		if w.value(o.Get(k), k, depth+1, true) {
			empty = false
		} else {
			w.buf = w.buf[:mark]
		}
	}
	w.buf = append(w.buf, '}')
}

// array writes an array's elements, null for the holes and for what
// serializes to nothing.
func (w *jsonWriter) array(o *goja.Object, depth int) {
	n := o.Get("length").ToInteger()
	w.buf = append(w.buf, '[')
	for i := int64(0); i < n; i++ {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		key := strconv.FormatInt(i, 10)
		if !w.value(o.Get(key), key, depth+1, true) {
			w.buf = append(w.buf, "null"...)
		}
	}
	w.buf = append(w.buf, ']')
}

// delegate serializes an exotic object with goja's own JSON.stringify.
func (w *jsonWriter) delegate(o *goja.Object) bool {
	w.enter(o, 0)
	defer func() { w.stack = w.stack[:len(w.stack)-1] }()
	res, err := w.original(goja.Undefined(), o)
	if err != nil {
		panic(err)
	}
	if goja.IsUndefined(res) {
		return false
	}
	w.buf = append(w.buf, res.String()...)
	return true
}

// quote writes a JS string as a JSON string. Valid UTF-16 becomes UTF-8;
// a lone surrogate is written as a \u escape, as JSON.stringify must.
func (w *jsonWriter) quote(v goja.Value) {
	s := v.String()
	if !containsReplacement(s) {
		w.quoteString(s)
		return
	}
	// The Go form of a string with lone surrogates has U+FFFD in their
	// place: read the UTF-16 units instead.
	units := utf16Units(v)
	w.buf = append(w.buf, '"')
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		switch {
		case utf16.IsSurrogate(u) && u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF:
			w.buf = utf8.AppendRune(w.buf, utf16.DecodeRune(u, rune(units[i+1])))
			i++
		case utf16.IsSurrogate(u):
			w.buf = append(w.buf, '\\', 'u', hexDigits[u>>12], hexDigits[(u>>8)&0xF], hexDigits[(u>>4)&0xF], hexDigits[u&0xF])
		default:
			w.appendEscaped(u)
		}
	}
	w.buf = append(w.buf, '"')
}

// containsReplacement reports whether s has U+FFFD, which may stand for a
// lone surrogate.
func containsReplacement(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && s[i+2] == 0xBD {
			return true
		}
	}
	return false
}

// utf16Units returns a JS string's UTF-16 code units.
func utf16Units(v goja.Value) []uint16 {
	if s, ok := v.(goja.String); ok {
		n := s.Length()
		units := make([]uint16, n)
		for i := 0; i < n; i++ {
			units[i] = s.CharAt(i)
		}
		return units
	}
	return utf16.Encode([]rune(v.String()))
}

// quoteString writes a Go string (valid UTF-8) as a JSON string.
func (w *jsonWriter) quoteString(s string) {
	w.buf = append(w.buf, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		w.buf = append(w.buf, s[start:i]...)
		w.appendEscaped(rune(c))
		start = i + 1
	}
	w.buf = append(w.buf, s[start:]...)
	w.buf = append(w.buf, '"')
}

// appendEscaped writes one character, escaped as JSON.stringify escapes.
func (w *jsonWriter) appendEscaped(r rune) {
	switch r {
	case '"':
		w.buf = append(w.buf, '\\', '"')
	case '\\':
		w.buf = append(w.buf, '\\', '\\')
	case '\b':
		w.buf = append(w.buf, '\\', 'b')
	case '\f':
		w.buf = append(w.buf, '\\', 'f')
	case '\n':
		w.buf = append(w.buf, '\\', 'n')
	case '\r':
		w.buf = append(w.buf, '\\', 'r')
	case '\t':
		w.buf = append(w.buf, '\\', 't')
	default:
		if r < 0x20 {
			w.buf = append(w.buf, '\\', 'u', '0', '0', hexDigits[r>>4], hexDigits[r&0xF])
		} else {
			w.buf = utf8.AppendRune(w.buf, r)
		}
	}
}

const hexDigits = "0123456789abcdef"
