package wasmbin

import (
	"errors"
	"fmt"
)

// reader reads the binary format's primitives; the first error sticks and
// later reads return zero values.
type reader struct {
	b   []byte
	off int
	err error
}

var errTruncated = errors.New("unexpected end of section or function")

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *reader) done() bool { return r.err != nil || r.off >= len(r.b) }

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail(errTruncated)
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) bytes(n uint32) []byte {
	if r.err != nil || uint64(r.off)+uint64(n) > uint64(len(r.b)) {
		r.fail(errTruncated)
		return nil
	}
	out := r.b[r.off : r.off+int(n)]
	r.off += int(n)
	return out
}

// u32 reads an unsigned LEB128 number of at most 32 bits.
func (r *reader) u32() uint32 {
	var v uint64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			if v > 0xffffffff {
				r.fail(errors.New("invalid LEB128: integer too large"))
			}
			return uint32(v)
		}
	}
	r.fail(errors.New("invalid LEB128: integer representation too long"))
	return 0
}

// sleb reads a signed LEB128 number of at most bits bits.
func (r *reader) sleb(bits int) int64 {
	var v int64
	shift := 0
	for {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v
		}
		if shift >= bits+7 || r.err != nil {
			r.fail(errors.New("invalid LEB128: integer representation too long"))
			return 0
		}
	}
}

func (r *reader) name() string { return string(r.bytes(r.u32())) }

// limits reads a memory's or table's limits.
func (r *reader) limits() Limits {
	switch flags := r.byte(); flags {
	case 0x00:
		return Limits{Min: r.u32()}
	case 0x01:
		return Limits{Min: r.u32(), Max: r.u32(), HasMax: true}
	case 0x03: // shared (threads)
		return Limits{Min: r.u32(), Max: r.u32(), HasMax: true}
	default:
		r.fail(fmt.Errorf("unsupported limits flags 0x%x", flags))
		return Limits{}
	}
}

func (r *reader) tableType() TableType {
	elem := r.byte()
	return TableType{Elem: elem, Limits: r.limits()}
}

func (r *reader) globalType() GlobalType {
	t := r.byte()
	return GlobalType{Type: t, Mutable: r.byte() == 1}
}

// constExpr reads a constant expression up to its end and returns its
// first instruction's opcode and immediate (an i32.const's value, a
// ref.func's index).
func (r *reader) constExpr() (op byte, imm int64) {
	first := true
	for !r.done() {
		c := r.byte()
		var v int64
		switch c {
		case 0x0b: // end
			return op, imm
		case 0x41: // i32.const
			v = r.sleb(32)
		case 0x42: // i64.const
			v = r.sleb(64)
		case 0x43:
			r.bytes(4)
		case 0x44:
			r.bytes(8)
		case 0x23, 0xd2: // global.get, ref.func
			v = int64(r.u32())
		case 0xd0: // ref.null
			r.byte()
		case 0xfd: // v128.const
			r.u32()
			r.bytes(16)
		case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e: // extended-const arithmetic
		default:
			r.fail(fmt.Errorf("illegal opcode in constant expression: 0x%x", c))
		}
		if first {
			op, imm, first = c, v, false
		}
	}
	r.fail(errTruncated)
	return op, imm
}
