package bindings

// The structured clone's writer: goja values to V8's wire format
// (v8_wire.go), byte for byte what workerd's V8 writes for the same value
// (checked against workerd in structured_clone_test.go). Objects get ids in
// the order they are first met, so a second meeting (a shared object, a
// cycle) is written as a reference.

import (
	"math"
	"math/big"
	"reflect"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// typedArrayTypes are the export types of goja's typed arrays.
var typedArrayTypes = map[reflect.Type]bool{
	reflect.TypeOf([]uint8(nil)): true, reflect.TypeOf([]int8(nil)): true,
	reflect.TypeOf([]uint16(nil)): true, reflect.TypeOf([]int16(nil)): true,
	reflect.TypeOf([]uint32(nil)): true, reflect.TypeOf([]int32(nil)): true,
	reflect.TypeOf([]float32(nil)): true, reflect.TypeOf([]float64(nil)): true,
	reflect.TypeOf([]int64(nil)): true, reflect.TypeOf([]uint64(nil)): true,
}

// serializer writes one value. Its failures are thrown (panics with a JS
// value), as V8's are: Serialize and structuredClone catch them.
type serializer struct {
	rl        *Realm
	buf       []byte
	ids       map[*goja.Object]uint32
	nextID    uint32
	depth     int
	transfers map[*goja.Object]uint32
	// legacyErrors writes errors in V8's own format ('r'), as workerd
	// does without enhanced_error_serialization.
	legacyErrors bool
	// rpc, for an RPC clone, collects what passes by reference
	// (rpc_clone.go).
	rpc *rpcClone
}

// Serialize writes v in V8's ValueSerializer format (version 15, with its
// header), as workerd does for a Durable Object's storage values and RPC
// arguments. What cannot be cloned fails as in workerd: the error is a
// *goja.Exception holding the JS value to throw (a DOMException named
// DataCloneError, or what a getter threw). Must be called on the loop.
func (rl *Realm) Serialize(v goja.Value) ([]byte, error) {
	s := rl.newSerializer()
	if ex := rl.vm.Try(func() { s.writeValue(v) }); ex != nil {
		return nil, ex
	}
	return s.buf, nil
}

// newSerializer returns a serializer with the header written.
func (rl *Realm) newSerializer() *serializer {
	s := &serializer{rl: rl, buf: make([]byte, 0, 64), legacyErrors: !rl.enhancedErrors()}
	s.buf = append(s.buf, tagVersion, v8WireVersion)
	return s
}

// throwClone throws workerd's DataCloneError with message.
func (s *serializer) throwClone(message string) {
	panic(s.rl.newDOMException("DataCloneError", message))
}

// writeValue writes any value.
func (s *serializer) writeValue(v goja.Value) {
	switch x := v.(type) {
	case nil:
		s.buf = append(s.buf, tagUndefined)
		return
	case *goja.Object:
		s.writeObject(x)
		return
	case goja.String:
		s.writeString(x)
		return
	case *goja.Symbol:
		s.throwClone("Symbol(" + x.String() + ") could not be cloned.")
	}
	switch v.ExportType() {
	case typeInt64:
		s.writeInt(v.ToInteger())
	case typeFloat64:
		s.writeNumber(v.ToFloat())
	case typeBool:
		if v.ToBoolean() {
			s.buf = append(s.buf, tagTrue)
		} else {
			s.buf = append(s.buf, tagFalse)
		}
	case typeBigInt:
		s.buf = append(s.buf, tagBigInt)
		s.buf = appendBigInt(s.buf, v.Export().(*big.Int))
	default:
		if goja.IsNull(v) {
			s.buf = append(s.buf, tagNull)
		} else {
			s.buf = append(s.buf, tagUndefined)
		}
	}
}

// writeInt writes an integer: a Smi if V8 would keep it as one.
func (s *serializer) writeInt(i int64) {
	if i >= smiMin && i <= smiMax {
		s.buf = append(s.buf, tagInt32)
		s.buf = appendZigZag(s.buf, int32(i))
		return
	}
	s.buf = append(s.buf, tagDouble)
	s.buf = appendDouble(s.buf, float64(i))
}

// writeNumber writes a number, as a Smi when it is a small integer (and
// not -0), as V8 stores such numbers.
func (s *serializer) writeNumber(f float64) {
	if f >= smiMin && f <= smiMax && f == math.Trunc(f) && (f != 0 || !math.Signbit(f)) {
		s.writeInt(int64(f))
		return
	}
	s.buf = append(s.buf, tagDouble)
	s.buf = appendDouble(s.buf, f)
}

// appendBigInt appends a BigInt's payload: its byte length and sign, then
// its magnitude in 64-bit little-endian digits.
func appendBigInt(b []byte, x *big.Int) []byte {
	n := (x.BitLen() + 63) / 64 * 8
	bitfield := uint64(n) << 1
	if x.Sign() < 0 {
		bitfield |= 1
	}
	b = appendVarint(b, bitfield)
	start := len(b)
	b = append(b, make([]byte, n)...)
	x.FillBytes(b[start:])
	for i, j := start, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return b
}

// writeString writes a string as one byte per character when all are
// Latin-1, else as UTF-16, aligned as V8 aligns it.
func (s *serializer) writeString(str goja.String) {
	n := str.Length()
	start := len(s.buf)
	s.buf = append(s.buf, tagOneByteString)
	s.buf = appendVarint(s.buf, uint64(n))
	for i := 0; i < n; i++ {
		c := str.CharAt(i)
		if c > 0xFF {
			s.buf = s.buf[:start]
			s.writeTwoByte(str, n)
			return
		}
		s.buf = append(s.buf, byte(c))
	}
}

// writeTwoByte writes a string as UTF-16; V8 pads so that the characters
// start at an even offset.
func (s *serializer) writeTwoByte(str goja.String, n int) {
	if (len(s.buf)+1+varintLen(uint64(2*n)))&1 != 0 {
		s.buf = append(s.buf, tagPadding)
	}
	s.buf = append(s.buf, tagTwoByteString)
	s.buf = appendVarint(s.buf, uint64(2*n))
	for i := 0; i < n; i++ {
		c := str.CharAt(i)
		s.buf = append(s.buf, byte(c), byte(c>>8))
	}
}

// writeKey writes a property key: an array index as a number, as V8's key
// collection gives them, anything else as a string.
func (s *serializer) writeKey(k string) {
	if i, ok := arrayIndex(k); ok {
		s.writeInt(int64(i))
		return
	}
	s.writeGoString(k)
}

// writeGoString is writeString for a Go string, without making it a JS
// value first.
func (s *serializer) writeGoString(str string) {
	start := len(s.buf)
	s.buf = append(s.buf, tagOneByteString)
	s.buf = appendVarint(s.buf, uint64(utf8.RuneCountInString(str)))
	for _, r := range str {
		if r > 0xFF {
			s.buf = s.buf[:start]
			s.writeTwoByteGo(str)
			return
		}
		s.buf = append(s.buf, byte(r))
	}
}

// writeTwoByteGo writes a Go string as UTF-16, aligned as writeTwoByte.
func (s *serializer) writeTwoByteGo(str string) {
	chars := utf16.Encode([]rune(str))
	if (len(s.buf)+1+varintLen(uint64(2*len(chars))))&1 != 0 {
		s.buf = append(s.buf, tagPadding)
	}
	s.buf = append(s.buf, tagTwoByteString)
	s.buf = appendVarint(s.buf, uint64(2*len(chars)))
	for _, c := range chars {
		s.buf = append(s.buf, byte(c), byte(c>>8))
	}
}

// arrayIndex parses a canonical array index ("0" to "4294967294").
func arrayIndex(k string) (uint32, bool) {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(k); i++ {
		c := k[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return uint32(n), n < math.MaxUint32
}

// writeObject writes an object, or a reference to it if it was met before.
func (s *serializer) writeObject(o *goja.Object) {
	if id, ok := s.ids[o]; ok {
		s.buf = append(s.buf, tagObjectReference)
		s.buf = appendVarint(s.buf, uint64(id))
		return
	}
	if s.depth++; s.depth > maxCloneDepth {
		panic(s.rl.newError("RangeError", "Maximum call stack size exceeded"))
	}
	k := s.kindOf(o)
	if k.kind == kindView {
		// As in V8, a view's buffer comes first, then the view.
		s.writeObject(k.buffer)
	}
	if s.ids == nil {
		s.ids = make(map[*goja.Object]uint32)
	}
	s.ids[o] = s.nextID
	s.nextID++
	if s.rpc == nil || !s.writeRPC(o, k) {
		s.writeKind(o, k)
	}
	s.depth--
}

// writeKind writes an object of a known kind.
func (s *serializer) writeKind(o *goja.Object, k cloneKind) {
	switch k.kind {
	case kindPlain:
		s.buf = append(s.buf, tagBeginObject)
		n := s.writeProperties(o, o.Keys())
		s.buf = append(s.buf, tagEndObject)
		s.buf = appendVarint(s.buf, uint64(n))
	case kindArray:
		s.writeArray(o)
	case kindDate:
		s.buf = append(s.buf, tagDate)
		s.buf = appendDouble(s.buf, dateValue(o))
	case kindRegExp:
		s.writeRegExp(o)
	case kindMap, kindSet:
		s.writeCollection(o, k.kind)
	case kindArrayBuffer:
		s.writeArrayBuffer(o)
	case kindView:
		s.buf = append(s.buf, tagBufferView, k.subtag)
		s.buf = appendVarint(s.buf, uint64(k.offset))
		s.buf = appendVarint(s.buf, uint64(k.length))
		s.buf = append(s.buf, 0)
	case kindWrapper:
		s.writeWrapper(o)
	case kindError:
		s.writeError(o)
	case kindHost:
		s.writeHostObject(o, k)
	default:
		s.throwUncloneable(o, k)
	}
}

// writeProperties writes the properties named by keys, skipping any a
// getter deleted meanwhile, and returns how many it wrote.
func (s *serializer) writeProperties(o *goja.Object, keys []string) int {
	n := 0
	for _, k := range keys {
		v := o.Get(k)
		if v == nil {
			continue
		}
		s.writeKey(k)
		s.writeValue(v)
		n++
	}
	return n
}

// writeArray writes an array: densely when every index up to its length
// is there (V8 writes packed arrays so), else as its properties.
func (s *serializer) writeArray(o *goja.Object) {
	length := uint32(o.Get("length").ToInteger())
	keys := o.Keys()
	indices := 0
	for indices < len(keys) {
		if _, ok := arrayIndex(keys[indices]); !ok {
			break
		}
		indices++
	}
	if indices != int(length) {
		s.buf = append(s.buf, tagBeginSparse)
		s.buf = appendVarint(s.buf, uint64(length))
		n := s.writeProperties(o, keys)
		s.buf = append(s.buf, tagEndSparse)
		s.buf = appendVarint(s.buf, uint64(n))
		s.buf = appendVarint(s.buf, uint64(length))
		return
	}
	s.buf = append(s.buf, tagBeginDense)
	s.buf = appendVarint(s.buf, uint64(length))
	for _, k := range keys[:indices] {
		// A getter may have removed a later element: V8 marks it a hole.
		if v := o.Get(k); v != nil {
			s.writeValue(v)
		} else {
			s.buf = append(s.buf, tagTheHole)
		}
	}
	n := s.writeProperties(o, keys[indices:])
	s.buf = append(s.buf, tagEndDense)
	s.buf = appendVarint(s.buf, uint64(n))
	s.buf = appendVarint(s.buf, uint64(length))
}
