package wasmbin

// Writing binaries: LEB128 numbers, vectors and sections.

// appendU32 appends an unsigned LEB128 number.
func appendU32(b []byte, v uint32) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			c |= 0x80
		}
		b = append(b, c)
		if v == 0 {
			return b
		}
	}
}

// appendSleb appends a signed LEB128 number.
func appendSleb(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		done := (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0)
		if !done {
			c |= 0x80
		}
		b = append(b, c)
		if done {
			return b
		}
	}
}

// appendName appends a length-prefixed string.
func appendName(b []byte, s string) []byte {
	return append(appendU32(b, uint32(len(s))), s...)
}

// appendLimits appends a memory's or table's limits.
func appendLimits(b []byte, l Limits) []byte {
	if l.HasMax {
		return appendU32(appendU32(append(b, 1), l.Min), l.Max)
	}
	return appendU32(append(b, 0), l.Min)
}

// appendFuncType appends a function type.
func appendFuncType(b []byte, t FuncType) []byte {
	b = append(appendU32(append(b, 0x60), uint32(len(t.Params))), t.Params...)
	return append(appendU32(b, uint32(len(t.Results))), t.Results...)
}

// vector is a section body under construction: a count of entries and
// their bytes.
type vector struct {
	n       uint32
	entries []byte
}

func (v *vector) add(entry []byte) {
	v.n++
	v.entries = append(v.entries, entry...)
}

func (v *vector) bytes() []byte { return append(appendU32(nil, v.n), v.entries...) }

// sectionOrder is the position of each non-custom section id in a module.
var sectionOrder = map[byte]int{1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 13: 6, 6: 7, 7: 8, 8: 9, 9: 10, 12: 11, 10: 12, 11: 13}

// encode writes a module from its sections.
func encode(secs []section) []byte {
	out := []byte("\x00asm\x01\x00\x00\x00")
	for _, s := range secs {
		out = append(appendU32(append(out, s.id), uint32(len(s.body))), s.body...)
	}
	return out
}

// withEntries returns secs with entries appended to the vector section id,
// creating the section in its place if the module has none.
func withEntries(secs []section, id byte, add vector) []section {
	if add.n == 0 {
		return secs
	}
	for i, s := range secs {
		if s.id != id {
			continue
		}
		r := &reader{b: s.body}
		n := r.u32()
		body := append(appendU32(nil, n+add.n), s.body[r.off:]...)
		out := append([]section(nil), secs...)
		out[i] = section{id, append(body, add.entries...)}
		return out
	}
	at := len(secs)
	for i, s := range secs {
		if s.id != secCustom && sectionOrder[s.id] > sectionOrder[id] {
			at = i
			break
		}
	}
	out := append(append(append([]section(nil), secs[:at]...), section{id, add.bytes()}), secs[at:]...)
	return out
}
