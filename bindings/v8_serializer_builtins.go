package bindings

// Writing the built-ins with internal slots: Date, RegExp, Map, Set,
// ArrayBuffer and the primitive wrappers. The slots are read with the
// built-ins' own getters, saved when the realm was made (cloneState).

import (
	"math"
	"math/big"
	"strings"

	"github.com/dop251/goja"
)

// dateValue is a Date's time value in milliseconds (NaN when invalid).
func dateValue(o *goja.Object) float64 {
	if t, ok := o.Export().(interface{ UnixMilli() int64 }); ok {
		return float64(t.UnixMilli())
	}
	return math.NaN()
}

// writeRegExp writes a RegExp's source and flags (not lastIndex, nor its
// other properties).
func (s *serializer) writeRegExp(o *goja.Object) {
	src := s.rl.callIntrinsic(s.rl.clone.regExpSource, o)
	flags := s.rl.callIntrinsic(s.rl.clone.regExpFlags, goja.Undefined(), o)
	s.buf = append(s.buf, tagRegExp)
	if str := src.String(); strings.Contains(str, `\u002f`) {
		src = s.rl.vm.ToValue(v8RegExpSource(str))
	}
	s.writeString(src.(goja.String))
	s.buf = appendVarint(s.buf, uint64(flags.ToInteger()))
}

// v8RegExpSource turns goja's escape of a bare "/" in a RegExp's source
// (\u002f) into V8's: "\/", or "/" in a character class.
func v8RegExpSource(src string) string {
	var b strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\\' && strings.HasPrefix(src[i:], `\u002f`):
			if inClass {
				b.WriteByte('/')
			} else {
				b.WriteString(`\/`)
			}
			i += len(`\u002f`) - 1
		case c == '\\' && i+1 < len(src):
			b.WriteString(src[i : i+2])
			i++
		default:
			if c == '[' {
				inClass = true
			} else if c == ']' {
				inClass = false
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// writeCollection writes a Map's entries or a Set's values, as they are
// when it starts (V8 copies the table first too).
func (s *serializer) writeCollection(o *goja.Object, kind cloneKindID) {
	c := &s.rl.clone
	forEach, begin, end, per := c.mapForEach, byte(tagBeginMap), byte(tagEndMap), 2
	if kind == kindSet {
		forEach, begin, end, per = c.setForEach, tagBeginSet, tagEndSet, 1
	}
	c.entries = c.entries[:0]
	s.rl.callIntrinsic(forEach, o, c.collect)
	entries := make([]goja.Value, 0, len(c.entries)/2*per)
	for i := 0; i < len(c.entries); i += 2 {
		entries = append(entries, c.entries[i])
		if per == 2 {
			entries = append(entries, c.entries[i+1])
		}
	}
	c.entries = c.entries[:0]
	s.buf = append(s.buf, begin)
	for _, v := range entries {
		s.writeValue(v)
	}
	s.buf = append(s.buf, end)
	s.buf = appendVarint(s.buf, uint64(len(entries)))
}

// writeArrayBuffer writes a buffer's bytes, or its index in the transfer
// list.
func (s *serializer) writeArrayBuffer(o *goja.Object) {
	if i, ok := s.transfers[o]; ok {
		s.buf = append(s.buf, tagBufferTransfer)
		s.buf = appendVarint(s.buf, uint64(i))
		return
	}
	ab := o.Export().(goja.ArrayBuffer)
	if ab.Detached() {
		s.throwClone("An ArrayBuffer is detached and could not be cloned.")
	}
	b := ab.Bytes()
	s.buf = append(s.buf, tagArrayBuffer)
	s.buf = appendVarint(s.buf, uint64(len(b)))
	s.buf = append(s.buf, b...)
}

// writeWrapper writes a Boolean, Number, String or BigInt object.
func (s *serializer) writeWrapper(o *goja.Object) {
	c := &s.rl.clone
	switch o.ClassName() {
	case "Boolean":
		if s.rl.callIntrinsic(c.booleanValue, o).ToBoolean() {
			s.buf = append(s.buf, tagTrueObject)
		} else {
			s.buf = append(s.buf, tagFalseObject)
		}
	case "Number":
		s.buf = append(s.buf, tagNumberObject)
		s.buf = appendDouble(s.buf, s.rl.callIntrinsic(c.numberValue, o).ToFloat())
	case "String":
		s.buf = append(s.buf, tagStringObject)
		s.writeString(s.rl.callIntrinsic(c.stringValue, o).(goja.String))
	default:
		s.buf = append(s.buf, tagBigIntObject)
		s.buf = appendBigInt(s.buf, o.Export().(*big.Int))
	}
}

// callIntrinsic calls one of the realm's saved built-ins, throwing what it
// throws.
func (rl *Realm) callIntrinsic(f goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
	v, err := f(this, args...)
	if err != nil {
		panic(err)
	}
	return v
}
