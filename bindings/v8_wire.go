package bindings

// V8's ValueSerializer wire format, the bytes workerd stores for a Durable
// Object's values and passes for structured clones: a header (0xFF, the
// version), then one value, each a one-byte tag followed by its payload.
// Integers are base-128 varints, little end first; doubles are 8 bytes
// little-endian. The tags are V8's (src/objects/value-serializer.cc).

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// v8WireVersion is the format version workerd writes (its storage pins 15,
// and 15 is V8's current one). Versions from v8MinVersion up are read.
const (
	v8WireVersion = 15
	v8MinVersion  = 13
)

// Tags of the wire format.
const (
	tagVersion         = 0xFF
	tagPadding         = 0x00
	tagVerifyCount     = '?'
	tagTheHole         = '-'
	tagUndefined       = '_'
	tagNull            = '0'
	tagTrue            = 'T'
	tagFalse           = 'F'
	tagInt32           = 'I'
	tagUint32          = 'U'
	tagDouble          = 'N'
	tagBigInt          = 'Z'
	tagUTF8String      = 'S'
	tagOneByteString   = '"'
	tagTwoByteString   = 'c'
	tagObjectReference = '^'
	tagBeginObject     = 'o'
	tagEndObject       = '{'
	tagBeginSparse     = 'a'
	tagEndSparse       = '@'
	tagBeginDense      = 'A'
	tagEndDense        = '$'
	tagDate            = 'D'
	tagTrueObject      = 'y'
	tagFalseObject     = 'x'
	tagNumberObject    = 'n'
	tagBigIntObject    = 'z'
	tagStringObject    = 's'
	tagRegExp          = 'R'
	tagBeginMap        = ';'
	tagEndMap          = ':'
	tagBeginSet        = '\''
	tagEndSet          = ','
	tagArrayBuffer     = 'B'
	tagResizableBuffer = '~'
	tagBufferTransfer  = 't'
	tagBufferView      = 'V'
	tagSharedBuffer    = 'u'
	tagSharedObject    = 'p'
	tagWasmModule      = 'w'
	tagWasmMemory      = 'm'
	tagHostObject      = '\\'
	tagError           = 'r'
)

// Sub-tags of a legacy error ('r'), V8's own error format, which workerd
// wrote before enhanced_error_serialization.
const (
	errTagEval      = 'E'
	errTagRange     = 'R'
	errTagReference = 'F'
	errTagSyntax    = 'S'
	errTagType      = 'T'
	errTagURI       = 'U'
	errTagMessage   = 'm'
	errTagCause     = 'c'
	errTagStack     = 's'
	errTagEnd       = '.'
)

// RegExp flag bits, as V8 numbers them.
const (
	reGlobal      = 1 << 0
	reIgnoreCase  = 1 << 1
	reMultiline   = 1 << 2
	reSticky      = 1 << 3
	reUnicode     = 1 << 4
	reDotAll      = 1 << 5
	reLinear      = 1 << 6
	reHasIndices  = 1 << 7
	reUnicodeSets = 1 << 8
)

// Array-buffer view flags (version 14 on).
const (
	viewLengthTracking = 1 << 0
	viewBackedByRAB    = 1 << 1
)

// smiMin and smiMax bound the integers V8 (with pointer compression, as in
// workerd) keeps as Smis and writes as tagInt32; other numbers are doubles.
const (
	smiMin = -(1 << 30)
	smiMax = 1<<30 - 1
)

// maxCloneDepth bounds nesting, where V8 runs out of stack (workerd clones
// 2000 nested objects and fails at 2500 with a RangeError).
const maxCloneDepth = 2200

// ErrCorruptClone is wrapped by every error Deserialize returns for bytes
// that are not a value in V8's format.
var ErrCorruptClone = errors.New("invalid serialized value")

// corrupt returns an error wrapping ErrCorruptClone at offset pos.
func corrupt(pos int, format string, args ...any) error {
	return fmt.Errorf("%w at byte %d: %s", ErrCorruptClone, pos, fmt.Sprintf(format, args...))
}

// appendVarint appends v as a base-128 varint.
func appendVarint(b []byte, v uint64) []byte {
	return binary.AppendUvarint(b, v)
}

// appendZigZag appends a signed integer as V8 does for tagInt32.
func appendZigZag(b []byte, v int32) []byte {
	return appendVarint(b, uint64(uint32((v<<1)^(v>>31))))
}

// canonicalNaN is the NaN V8 writes, whatever NaN it holds.
const canonicalNaN = 0x7FF8000000000000

// appendDouble appends a float64, little-endian.
func appendDouble(b []byte, f float64) []byte {
	bits := math.Float64bits(f)
	if f != f {
		bits = canonicalNaN
	}
	return binary.LittleEndian.AppendUint64(b, bits)
}

// varintLen is how many bytes appendVarint takes for v.
func varintLen(v uint64) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

// wireReader reads the format from a byte slice; every read checks bounds
// and reports corruption as an error, never a panic.
type wireReader struct {
	data []byte
	pos  int
}

// byte reads one raw byte.
func (r *wireReader) byte() (byte, error) {
	if r.pos >= len(r.data) {
		return 0, corrupt(r.pos, "unexpected end of data")
	}
	b := r.data[r.pos]
	r.pos++
	return b, nil
}

// tag reads the next tag, skipping padding.
func (r *wireReader) tag() (byte, error) {
	for {
		b, err := r.byte()
		if err != nil || b != tagPadding {
			return b, err
		}
	}
}

// peekTag returns the next tag without consuming it (padding is skipped).
func (r *wireReader) peekTag() (byte, bool) {
	for i := r.pos; i < len(r.data); i++ {
		if r.data[i] != tagPadding {
			return r.data[i], true
		}
	}
	return 0, false
}

// varint reads a varint that must fit in bits bits.
func (r *wireReader) varint(bits uint) (uint64, error) {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		b, err := r.byte()
		if err != nil {
			return 0, err
		}
		if shift < 64 {
			v |= uint64(b&0x7f) << shift
		}
		if b < 0x80 {
			if shift >= 64 || (bits < 64 && v>>bits != 0) {
				return 0, corrupt(r.pos, "varint overflows %d bits", bits)
			}
			return v, nil
		}
		if shift > 63 {
			return 0, corrupt(r.pos, "varint too long")
		}
	}
}

// uint32 reads a varint of at most 32 bits.
func (r *wireReader) uint32() (uint32, error) {
	v, err := r.varint(32)
	return uint32(v), err
}

// zigZag reads a tagInt32 payload.
func (r *wireReader) zigZag() (int32, error) {
	u, err := r.uint32()
	return int32(u>>1) ^ -int32(u&1), err
}

// double reads a little-endian float64.
func (r *wireReader) double() (float64, error) {
	b, err := r.bytes(8)
	if err != nil {
		return 0, err
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b)), nil
}

// bytes returns the next n bytes, not copied.
func (r *wireReader) bytes(n uint64) ([]byte, error) {
	if n > uint64(len(r.data)-r.pos) {
		return nil, corrupt(r.pos, "%d bytes announced, %d left", n, len(r.data)-r.pos)
	}
	b := r.data[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return b, nil
}
