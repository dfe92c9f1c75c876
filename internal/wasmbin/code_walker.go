package wasmbin

// Walking function bodies instruction by instruction, to find the few
// encodings wazero does not accept but that mean the same as ones it
// does. wasm-bindgen 0.2.105 and later write `ref.null noextern` (d0 72,
// the GC proposal's bottom type for extern) in its externref table
// helpers; with reference types alone that null is `ref.null extern`
// (d0 6f), the same value. [Module.Normalized] rewrites it in place.

import "fmt"

// nullHeapTypes maps the GC proposal's abstract heap types that a ref.null
// may name to the reference-types equivalent of the same null.
var nullHeapTypes = map[byte]byte{
	0x72: Externref, // noextern
	0x73: Funcref,   // nofunc
}

// Normalized returns the binary with every `ref.null` of a GC-proposal
// bottom type in function bodies rewritten to the reference-types null of
// the same kind, and whether anything changed. The rewrite keeps every
// length and offset, so the rest of the module is untouched.
func (m *Module) Normalized(raw []byte) ([]byte, bool, error) {
	secs, err := splitSections(raw)
	if err != nil {
		return raw, false, err
	}
	var out []byte
	for _, s := range secs {
		if s.id != secCode {
			continue
		}
		sites, err := refNullSites(s.body)
		if err != nil {
			return raw, false, fmt.Errorf("section code: %w", err)
		}
		if len(sites) == 0 {
			continue
		}
		out = append([]byte(nil), raw...)
		base := sectionOffset(raw, s.body)
		for _, at := range sites {
			out[base+at] = nullHeapTypes[out[base+at]]
		}
	}
	if out == nil {
		return raw, false, nil
	}
	return out, true, nil
}

// sectionOffset is where body starts in raw; body is a section that
// splitSections cut from raw itself.
func sectionOffset(raw, body []byte) int {
	return cap(raw) - cap(body)
}

// refNullSites returns the offsets, within a code section's body, of the
// heap-type bytes of ref.null instructions that name a bottom type.
func refNullSites(body []byte) ([]int, error) {
	r := &reader{b: body}
	var sites []int
	n := r.u32()
	for i := uint32(0); i < n && r.err == nil; i++ {
		size := r.u32()
		end := r.off + int(size)
		groups := r.u32()
		for g := uint32(0); g < groups && r.err == nil; g++ {
			r.u32()
			r.valType()
		}
		for r.err == nil && r.off < end {
			if at := r.instruction(); at >= 0 {
				sites = append(sites, at)
			}
		}
		if r.err == nil && r.off != end {
			r.fail(fmt.Errorf("function %d: body size mismatch", i))
		}
	}
	return sites, r.err
}

// valType reads a value type, including the GC proposal's (ref null? ht).
func (r *reader) valType() {
	switch t := r.byte(); t {
	case 0x63, 0x64: // (ref null ht), (ref ht)
		r.heapType()
	default:
		_ = t
	}
}

// heapType reads a heap type: an abstract type byte or a type index.
func (r *reader) heapType() {
	if r.off < len(r.b) && r.b[r.off]&0x80 == 0 && r.b[r.off] >= 0x40 {
		r.byte()
		return
	}
	r.sleb(33)
}

// blockType reads a block's type: empty, a value type, or a type index.
func (r *reader) blockType() {
	if r.off < len(r.b) && (r.b[r.off] == 0x40 || (r.b[r.off] >= 0x6b && r.b[r.off] <= 0x7f)) {
		r.valType()
		return
	}
	r.sleb(33)
}

// memArg reads a load's or store's alignment (with the multi-memory flag)
// and offset.
func (r *reader) memArg() {
	if align := r.u32(); align&0x40 != 0 {
		r.u32()
	}
	r.u32()
}

// instruction reads one instruction; for a ref.null of a bottom type it
// returns the offset of its heap-type byte, otherwise -1.
func (r *reader) instruction() int {
	op := r.byte()
	switch {
	case op == 0x02 || op == 0x03 || op == 0x04: // block, loop, if
		r.blockType()
	case op == 0x06: // try (legacy exceptions)
		r.blockType()
	case op == 0x07 || op == 0x08 || op == 0x09 || op == 0x18: // catch, throw, rethrow, delegate
		r.u32()
	case op == 0x0c || op == 0x0d || op == 0x10 || op == 0x12 || op == 0xd2 || op == 0xd5 || op == 0xd6:
		r.u32() // br, br_if, call, return_call, ref.func, br_on_null, br_on_non_null
	case op == 0x0e: // br_table
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			r.u32()
		}
		r.u32()
	case op == 0x11 || op == 0x13: // call_indirect, return_call_indirect
		r.u32()
		r.u32()
	case op == 0x14 || op == 0x15: // call_ref, return_call_ref
		r.u32()
	case op == 0x1c: // select t*
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			r.valType()
		}
	case op == 0x1f: // try_table
		r.blockType()
		for n := r.u32(); n > 0 && r.err == nil; n-- {
			if k := r.byte(); k <= 1 {
				r.u32()
			}
			r.u32()
		}
	case op >= 0x20 && op <= 0x26: // local/global get/set/tee, table.get/set
		r.u32()
	case op >= 0x28 && op <= 0x3e: // loads and stores
		r.memArg()
	case op == 0x3f || op == 0x40: // memory.size, memory.grow
		r.u32()
	case op == 0x41:
		r.sleb(32)
	case op == 0x42:
		r.sleb(64)
	case op == 0x43:
		r.bytes(4)
	case op == 0x44:
		r.bytes(8)
	case op == 0xd0: // ref.null ht
		at := r.off
		if r.off < len(r.b) {
			if _, bottom := nullHeapTypes[r.b[r.off]]; bottom {
				r.byte()
				return at
			}
		}
		r.heapType()
	case op == 0xfc:
		r.miscInstruction()
	case op == 0xfd:
		r.simdInstruction()
	case op == 0xfe:
		if sub := r.u32(); sub == 3 { // atomic.fence
			r.byte()
		} else {
			r.memArg()
		}
	}
	return -1
}

// miscInstruction reads the immediates of an 0xfc-prefixed instruction.
func (r *reader) miscInstruction() {
	switch sub := r.u32(); {
	case sub <= 7: // saturating truncations
	case sub == 8 || sub == 10 || sub == 12 || sub == 14: // memory.init, memory.copy, table.init, table.copy
		r.u32()
		r.u32()
	case sub <= 17: // data.drop, memory.fill, elem.drop, table.grow/size/fill
		r.u32()
	default:
		r.fail(fmt.Errorf("unknown 0xfc instruction %d", sub))
	}
}

// simdInstruction reads the immediates of an 0xfd-prefixed instruction.
func (r *reader) simdInstruction() {
	switch sub := r.u32(); {
	case sub <= 11 || sub == 92 || sub == 93: // loads and stores
		r.memArg()
	case sub == 12 || sub == 13: // v128.const, i8x16.shuffle
		r.bytes(16)
	case sub >= 21 && sub <= 34: // extract and replace lane
		r.byte()
	case sub >= 84 && sub <= 91: // load and store lane
		r.memArg()
		r.byte()
	}
}
