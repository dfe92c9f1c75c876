package wasmbin

import "encoding/binary"

// The export names of the modules this file builds.
const (
	MemoryExport = "memory"
	TableExport  = "table"
	GlobalExport = "global"
)

// MemoryModule is a module that defines one memory with the given limits
// and exports it as [MemoryExport]: what backs `new WebAssembly.Memory`.
func MemoryModule(l Limits) []byte {
	var mems, exports vector
	mems.add(appendLimits(nil, l))
	exports.add(append(appendName(nil, MemoryExport), 2, 0))
	return encode([]section{{secMemory, mems.bytes()}, {secExport, exports.bytes()}})
}

// TableModule is a module that defines one table of the given type,
// exports it as [TableExport], and has its accessors: what backs
// `new WebAssembly.Table`.
func TableModule(t TableType) ([]byte, TableAccessors) {
	var tables, exports vector
	tables.add(appendLimits([]byte{t.Elem}, t.Limits))
	exports.add(append(appendName(nil, TableExport), 1, 0))
	secs := []section{{secTable, tables.bytes()}, {secExport, exports.bytes()}}
	a := accessorNames(0, t.Elem, func(n string) string { return n })
	var b builder
	b.addAccessors(a, t.Elem)
	if t.Elem == Funcref {
		b.addSetFunc(a, nil)
	}
	return encode(b.apply(secs, 0)), a
}

// GlobalModule is a module that defines one global of the given type,
// initialised to bits (the value's raw encoding, as wazero's api.Global
// holds it; a reference type starts null), and exports it as
// [GlobalExport]: what backs `new WebAssembly.Global`.
func GlobalModule(g GlobalType, bits uint64) []byte {
	var globals, exports vector
	mut := byte(0)
	if g.Mutable {
		mut = 1
	}
	globals.add(append(append([]byte{g.Type, mut}, constExpr(g.Type, bits)...), 0x0b))
	exports.add(append(appendName(nil, GlobalExport), 3, 0))
	return encode([]section{{secGlobal, globals.bytes()}, {secExport, exports.bytes()}})
}

// constExpr is the instruction that pushes a value of type t.
func constExpr(t byte, bits uint64) []byte {
	switch t {
	case I32:
		return appendSleb([]byte{0x41}, int64(int32(bits)))
	case I64:
		return appendSleb([]byte{0x42}, int64(bits))
	case F32:
		return binary.LittleEndian.AppendUint32([]byte{0x43}, uint32(bits))
	case F64:
		return binary.LittleEndian.AppendUint64([]byte{0x44}, bits)
	default:
		return []byte{0xd0, t} // ref.null
	}
}

// Link is one entry of a linking module: what the importing module knows
// as Import, taken from the export FromName of the module known as
// FromModule.
type Link struct {
	Import
	FromModule, FromName string
}

// LinkingModule is a module that imports each link's value from where it
// lives and exports it under the name the importing module asks for. An
// importing module's import module name ("env") maps to one wazero
// module; when that name's entries come from several places (JS
// functions and a memory of another instance), workerhost instantiates
// this module to gather them. Its import declarations are the importing
// module's own, so wazero's link-time checks give the same errors.
func LinkingModule(links []Link) []byte {
	var b builder
	var imports, exports vector
	counts := map[Kind]uint32{}
	kinds := map[Kind]byte{KindFunction: 0, KindTable: 1, KindMemory: 2, KindGlobal: 3}
	for _, l := range links {
		k := kinds[l.Kind]
		im := append(appendName(appendName(nil, l.FromModule), l.FromName), k)
		switch l.Kind {
		case KindFunction:
			im = appendU32(im, b.typeIndex(l.Func))
		case KindTable:
			im = appendLimits(append(im, l.Table.Elem), l.Table.Limits)
		case KindMemory:
			im = appendLimits(im, l.Memory)
		case KindGlobal:
			mut := byte(0)
			if l.Global.Mutable {
				mut = 1
			}
			im = append(im, l.Global.Type, mut)
		}
		imports.add(im)
		exports.add(appendU32(append(appendName(nil, l.Name), k), counts[l.Kind]))
		counts[l.Kind]++
	}
	var types vector
	for _, t := range b.types {
		types.add(appendFuncType(nil, t))
	}
	var secs []section
	if types.n > 0 {
		secs = append(secs, section{secType, types.bytes()})
	}
	return encode(append(secs, section{secImport, imports.bytes()}, section{secExport, exports.bytes()}))
}
