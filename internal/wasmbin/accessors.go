package wasmbin

import "fmt"

// AccessorPrefix starts the name of every export workerhost adds to a
// module (with a number after it if the module exports that name itself).
// The JS API lists only a module's own exports.
const AccessorPrefix = "__workerhost_"

// TableAccessors names the exported functions that reach table Index:
// Size() i32; Grow(delta i32[, init ref]) i32 (the old size, or -1); Get(i
// i32) ref and Set(i i32, v ref) for an externref table; for a funcref
// table Get is empty (use wazero's table.LookupFunction), Set(i i32)
// stores null, and SetFunc(i i32, k i32) stores the function
// Module.Declared[k] (a function can only be named by a constant index in
// Wasm, so the accessor chooses among the module's declared functions).
type TableAccessors struct {
	Index                         uint32
	Size, Grow, Get, Set, SetFunc string
	// Fill(i i32, v ref, n i32) stores v in n slots from i, for an
	// externref table.
	Fill string
}

// accessorNames returns the accessor export names for table index t of
// the given element type, each passed through name (which makes it unique).
func accessorNames(t uint32, elem byte, name func(string) string) TableAccessors {
	p := fmt.Sprintf("%stable%d_", AccessorPrefix, t)
	a := TableAccessors{Index: t, Size: name(p + "size"), Grow: name(p + "grow"), Set: name(p + "set")}
	if elem == Externref {
		a.Get, a.Fill = name(p+"get"), name(p+"fill")
	} else {
		a.SetFunc = name(p + "setfunc")
	}
	return a
}

// WithTableAccessors returns the module's binary (raw, or a rewrite of it
// that keeps its layout, such as Normalized's) with accessor functions
// added for each of its tables (see the package doc), and the accessors by
// table index. A module without tables comes back unchanged.
func (m *Module) WithTableAccessors(raw []byte) ([]byte, map[uint32]TableAccessors, error) {
	acc := map[uint32]TableAccessors{}
	if len(m.Tables) == 0 {
		return raw, acc, nil
	}
	secs, err := splitSections(raw)
	if err != nil {
		return nil, nil, err
	}
	b := builder{types: append([]FuncType(nil), m.Types...), nextFunc: uint32(len(m.Funcs))}
	for t, tt := range m.Tables {
		a := accessorNames(uint32(t), tt.Elem, m.fresh)
		acc[uint32(t)] = a
		b.addAccessors(a, tt.Elem)
		if tt.Elem == Funcref {
			b.addSetFunc(a, m.Declared)
		}
	}
	return encode(b.apply(secs, len(m.Types))), acc, nil
}

// builder gathers the functions, types and exports added to a module.
type builder struct {
	types    []FuncType // the module's types, then the added ones
	nextFunc uint32     // the next function index
	funcs    vector     // function section entries
	code     vector     // code section entries
	exports  vector     // export section entries
}

// addAccessors adds the accessors of one table.
func (b *builder) addAccessors(a TableAccessors, elem byte) {
	t := appendU32(nil, a.Index)
	i32 := I32
	b.addFunc(a.Size, FuncType{Results: []byte{i32}}, cat([]byte{0xfc, 16}, t)) // table.size
	if elem == Externref {
		b.addFunc(a.Grow, FuncType{Params: []byte{i32, elem}, Results: []byte{i32}},
			cat([]byte{0x20, 1, 0x20, 0, 0xfc, 15}, t)) // local.get 1; local.get 0; table.grow
		b.addFunc(a.Get, FuncType{Params: []byte{i32}, Results: []byte{elem}}, cat([]byte{0x20, 0, 0x25}, t))
		b.addFunc(a.Set, FuncType{Params: []byte{i32, elem}}, cat([]byte{0x20, 0, 0x20, 1, 0x26}, t))
		b.addFunc(a.Fill, FuncType{Params: []byte{i32, elem, i32}},
			cat([]byte{0x20, 0, 0x20, 1, 0x20, 2, 0xfc, 17}, t)) // table.fill
		return
	}
	b.addFunc(a.Grow, FuncType{Params: []byte{i32}, Results: []byte{i32}},
		cat([]byte{0xd0, elem, 0x20, 0, 0xfc, 15}, t)) // ref.null; local.get 0; table.grow
	b.addFunc(a.Set, FuncType{Params: []byte{i32}}, cat([]byte{0x20, 0, 0xd0, elem, 0x26}, t))
}

// addSetFunc adds a funcref table's SetFunc accessor: for k, it stores
// ref.func declared[k] at index i (and does nothing for a k out of range).
func (b *builder) addSetFunc(a TableAccessors, declared []uint32) {
	t := appendU32(nil, a.Index)
	var body []byte
	for k, f := range declared {
		body = append(body, 0x20, 1, 0x41) // local.get 1; i32.const k
		body = appendSleb(body, int64(k))
		body = append(body, 0x46, 0x04, 0x40, 0x20, 0, 0xd2) // i32.eq; if; local.get 0; ref.func
		body = appendU32(body, f)
		body = append(append(body, 0x26), t...) // table.set t
		body = append(body, 0x0f, 0x0b)         // return; end
	}
	b.addFunc(a.SetFunc, FuncType{Params: []byte{I32, I32}}, body)
}

// addFunc adds an exported function with the given signature and body
// (without its final `end`, and with no locals).
func (b *builder) addFunc(name string, ft FuncType, body []byte) {
	b.funcs.add(appendU32(nil, b.typeIndex(ft)))
	fn := append(append([]byte{0}, body...), 0x0b) // no locals; body; end
	b.code.add(append(appendU32(nil, uint32(len(fn))), fn...))
	b.exports.add(appendU32(append(appendName(nil, name), 0), b.nextFunc))
	b.nextFunc++
}

// typeIndex returns the index of a function type, adding it if new.
func (b *builder) typeIndex(ft FuncType) uint32 {
	for i, t := range b.types {
		if string(t.Params) == string(ft.Params) && string(t.Results) == string(ft.Results) {
			return uint32(i)
		}
	}
	b.types = append(b.types, ft)
	return uint32(len(b.types) - 1)
}

// apply returns secs with the builder's additions; the module had
// oldTypes types.
func (b *builder) apply(secs []section, oldTypes int) []section {
	var types vector
	for _, t := range b.types[oldTypes:] {
		types.add(appendFuncType(nil, t))
	}
	secs = withEntries(secs, secType, types)
	secs = withEntries(secs, secFunction, b.funcs)
	secs = withEntries(secs, secExport, b.exports)
	return withEntries(secs, secCode, b.code)
}

func cat(parts ...[]byte) []byte {
	var out []byte
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
