package wasmbin

import (
	"bytes"
	"fmt"
	"slices"
)

// Kind is what an import or export is, named as the JS API names it.
type Kind string

// The four kinds of the JS API's ImportExportKind.
const (
	KindFunction Kind = "function"
	KindTable    Kind = "table"
	KindMemory   Kind = "memory"
	KindGlobal   Kind = "global"
)

// Value types, as their binary encodings (the same bytes as wazero's
// api.ValueType).
const (
	I32       byte = 0x7f
	I64       byte = 0x7e
	F32       byte = 0x7d
	F64       byte = 0x7c
	V128      byte = 0x7b
	Funcref   byte = 0x70
	Externref byte = 0x6f
)

// FuncType is a function's signature.
type FuncType struct {
	Params, Results []byte
}

// Limits are a memory's or table's minimum and optional maximum.
type Limits struct {
	Min    uint32
	Max    uint32
	HasMax bool
}

// TableType is a table's element type and limits.
type TableType struct {
	Elem byte // Funcref or Externref
	Limits
}

// GlobalType is a global's value type and mutability.
type GlobalType struct {
	Type    byte
	Mutable bool
}

// Import is one import of a module.
type Import struct {
	Module, Name string
	Kind         Kind
	Func         FuncType   // KindFunction
	Table        TableType  // KindTable
	Memory       Limits     // KindMemory
	Global       GlobalType // KindGlobal
}

// Export is one export of a module; Index is in the index space of its
// kind (imports first).
type Export struct {
	Name  string
	Kind  Kind
	Index uint32
}

// CustomSection is a custom section's name and raw contents.
type CustomSection struct {
	Name string
	Data []byte
}

// Module is what the JS API needs to know of a decoded module.
type Module struct {
	Imports []Import
	Exports []Export
	// Funcs is the signature of each function, by function index.
	Funcs []FuncType
	// Types are the module's function types, by type index.
	Types []FuncType
	// Tables, Memories and Globals are the types in each index space.
	Tables   []TableType
	Memories []Limits
	Globals  []GlobalType
	// Custom are the custom sections, in order, "name" included.
	Custom []CustomSection
	// ElemFuncs maps a funcref table's index to the function index each
	// slot gets from active element segments with constant offsets: the
	// first guess of a slot's signature when JS reads it.
	ElemFuncs map[uint32]map[uint32]uint32

	// Start is the module's start function, if it has one.
	Start *uint32
	// StartName and StopName are the exports WithoutStart and
	// WithStopChecks gave the start function and the stop flag ("" until
	// they run).
	StartName, StopName string
	// Declared are the functions that may be stored in a table: those in
	// element segments and the exported ones, in index order without
	// repeats.
	Declared []uint32

	// added are the export names the rewrites gave out.
	added map[string]bool
	// elemRefs are the functions any element segment names.
	elemRefs map[uint32]bool
	// funcTypeIdx is the type index of each defined function.
	funcTypeIdx []uint32
}

// section is one section of a binary: its id and contents.
type section struct {
	id   byte
	body []byte
}

// Section ids.
const (
	secCustom   = 0
	secType     = 1
	secImport   = 2
	secFunction = 3
	secTable    = 4
	secMemory   = 5
	secGlobal   = 6
	secExport   = 7
	secStart    = 8
	secElement  = 9
	secCode     = 10
)

// Decode reads the structure of a binary module: its sections and what it
// imports, exports and defines. It checks only what it reads; wazero
// validates the whole module when it compiles it. The error reads as the
// end of a CompileError message.
func Decode(raw []byte) (*Module, error) {
	secs, err := splitSections(raw)
	if err != nil {
		return nil, err
	}
	m := &Module{ElemFuncs: map[uint32]map[uint32]uint32{}, elemRefs: map[uint32]bool{}}
	for _, s := range secs {
		r := &reader{b: s.body}
		m.readSection(s.id, r)
		if r.err != nil {
			return nil, fmt.Errorf("section %s: %w", sectionName(s.id), r.err)
		}
	}
	for _, ti := range m.funcTypeIdx {
		m.Funcs = append(m.Funcs, m.typeAt(ti))
	}
	m.declare()
	return m, nil
}

// splitSections checks the header and cuts the binary into sections.
func splitSections(raw []byte) ([]section, error) {
	if len(raw) < 4 || !bytes.Equal(raw[:4], []byte("\x00asm")) {
		return nil, fmt.Errorf("expected magic word 00 61 73 6d, found %x @+0", raw[:min(4, len(raw))])
	}
	if len(raw) < 8 || !bytes.Equal(raw[4:8], []byte{1, 0, 0, 0}) {
		return nil, fmt.Errorf("expected version 01 00 00 00 @+4")
	}
	r := &reader{b: raw, off: 8}
	var secs []section
	for !r.done() {
		id := r.byte()
		body := r.bytes(r.u32())
		secs = append(secs, section{id, body})
	}
	if r.err != nil {
		return nil, fmt.Errorf("section: %w", r.err)
	}
	return secs, nil
}

// readSection reads one section's entries into m.
func (m *Module) readSection(id byte, r *reader) {
	switch id {
	case secCustom:
		name := r.name()
		m.Custom = append(m.Custom, CustomSection{Name: name, Data: r.b[r.off:]})
		return
	case secStart:
		f := r.u32()
		m.Start = &f
		return
	case secType, secImport, secFunction, secTable, secMemory, secGlobal, secExport, secElement:
	default:
		return // code, data, start, data count, tags: wazero reads them
	}
	n := r.u32()
	for i := uint32(0); i < n && r.err == nil; i++ {
		switch id {
		case secType:
			if form := r.byte(); form != 0x60 {
				r.fail(fmt.Errorf("invalid function type form 0x%x", form))
			}
			m.Types = append(m.Types, FuncType{Params: r.bytes(r.u32()), Results: r.bytes(r.u32())})
		case secImport:
			m.readImport(r)
		case secFunction:
			m.funcTypeIdx = append(m.funcTypeIdx, r.u32())
		case secTable:
			m.Tables = append(m.Tables, r.tableType())
		case secMemory:
			m.Memories = append(m.Memories, r.limits())
		case secGlobal:
			m.Globals = append(m.Globals, r.globalType())
			r.constExpr()
		case secExport:
			name := r.name()
			kind := r.byte()
			m.Exports = append(m.Exports, Export{Name: name, Kind: kindOf(kind), Index: r.u32()})
		case secElement:
			m.readElement(r)
		}
	}
	if r.err == nil && r.off != len(r.b) {
		r.fail(fmt.Errorf("%d bytes after the section's entries", len(r.b)-r.off))
	}
}

// readImport reads one import and extends the index space of its kind.
func (m *Module) readImport(r *reader) {
	i := Import{Module: r.name(), Name: r.name()}
	kind := r.byte()
	i.Kind = kindOf(kind)
	switch kind {
	case 0:
		i.Func = m.typeAt(r.u32())
		m.Funcs = append(m.Funcs, i.Func)
	case 1:
		i.Table = r.tableType()
		m.Tables = append(m.Tables, i.Table)
	case 2:
		i.Memory = r.limits()
		m.Memories = append(m.Memories, i.Memory)
	case 3:
		i.Global = r.globalType()
		m.Globals = append(m.Globals, i.Global)
	default:
		r.fail(fmt.Errorf("unsupported import kind %d", kind))
	}
	m.Imports = append(m.Imports, i)
}

// readElement reads an element segment, recording which function an
// active segment with a constant offset puts in each slot.
func (m *Module) readElement(r *reader) {
	flags := r.u32()
	table := uint32(0)
	active := flags&1 == 0
	var offOp byte
	var off int64
	if flags&2 != 0 && active {
		table = r.u32()
	}
	if active {
		offOp, off = r.constExpr()
	}
	if flags&3 != 0 {
		r.byte() // elemkind or reftype
	}
	n := r.u32()
	var funcs []int64
	for i := uint32(0); i < n && r.err == nil; i++ {
		if flags&4 == 0 {
			funcs = append(funcs, int64(r.u32()))
			continue
		}
		op, imm := r.constExpr()
		if op != 0xd2 { // ref.func
			imm = -1
		}
		funcs = append(funcs, imm)
	}
	for _, f := range funcs {
		if f >= 0 {
			m.elemRefs[uint32(f)] = true
		}
	}
	if !active || offOp != 0x41 {
		return
	}
	slots := m.ElemFuncs[table]
	if slots == nil {
		slots = map[uint32]uint32{}
		m.ElemFuncs[table] = slots
	}
	for i, f := range funcs {
		if f >= 0 {
			slots[uint32(off)+uint32(i)] = uint32(f)
		}
	}
}

// declare lists the functions a table may hold: those element segments
// name and the exported ones.
func (m *Module) declare() {
	seen := map[uint32]bool{}
	for _, slots := range m.ElemFuncs {
		for _, f := range slots {
			seen[f] = true
		}
	}
	for f := range m.elemRefs {
		seen[f] = true
	}
	for _, e := range m.Exports {
		if e.Kind == KindFunction {
			seen[e.Index] = true
		}
	}
	for f := range seen {
		if int(f) < len(m.Funcs) {
			m.Declared = append(m.Declared, f)
		}
	}
	slices.Sort(m.Declared)
}

// typeAt returns type i, or an empty signature if the index is bad (the
// compiler rejects such a module later).
func (m *Module) typeAt(i uint32) FuncType {
	if int(i) < len(m.Types) {
		return m.Types[i]
	}
	return FuncType{}
}

// fresh returns an export name for something a rewrite adds: base, or
// base with a number, whichever the module does not export already.
func (m *Module) fresh(base string) string {
	if m.added == nil {
		m.added = map[string]bool{}
	}
	taken := func(name string) bool {
		if m.added[name] {
			return true
		}
		for _, e := range m.Exports {
			if e.Name == name {
				return true
			}
		}
		return false
	}
	name := base
	for i := 1; taken(name); i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	m.added[name] = true
	return name
}

func kindOf(b byte) Kind {
	switch b {
	case 0:
		return KindFunction
	case 1:
		return KindTable
	case 2:
		return KindMemory
	default:
		return KindGlobal
	}
}

// sectionName names a section as error messages do.
func sectionName(id byte) string {
	names := []string{"custom", "type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count", "tag"}
	if int(id) < len(names) {
		return names[id]
	}
	return fmt.Sprintf("unknown (%d)", id)
}
