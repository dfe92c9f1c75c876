package wasmbin

// Stop checks: how the CPU limit stops running Wasm, and how long-running
// Wasm lets Go's scheduler in.
//
// wazero can stop a call only by closing the module (WithCloseOnContextDone),
// and that option makes the machine code leave for Go at every loop
// iteration, which costs Wasm-heavy code up to 15 times its speed. Machine
// code that never leaves for Go cannot be preempted either: Go's collector
// stops the world, and would wait for a long Wasm loop to end.
//
// So each module gets a tick counter and a stop flag, two mutable globals,
// and a check at every function entry and loop header: the counter counts
// down, and every TickPeriod ticks the code tests the stop flag (trapping
// with `unreachable` when it is set) and grows its memory by nothing
// (`memory.grow 0`), which wazero runs in Go, so the goroutine can be
// preempted there. The fast path is a few instructions on globals. The
// stop flag is exported (as Module.StopName); workerhost sets it from the CPU
// watchdog, and tells that trap from the module's own by whether it did.
// A module without a memory gets an empty one for the purpose.

import "fmt"

// TickPeriod is how many function entries and loop iterations pass
// between two tests of the stop flag (and two chances for Go to preempt).
const TickPeriod = 16384

// WithStopChecks returns the module's binary (raw, or a rewrite of it that
// keeps its layout) with the tick counter and stop flag added and checked
// at the start of every function and loop (see the file's comment). A
// module with no functions comes back unchanged.
func (m *Module) WithStopChecks(raw []byte) ([]byte, bool, error) {
	secs, err := splitSections(raw)
	if err != nil {
		return nil, false, err
	}
	code := -1
	for i, s := range secs {
		if s.id == secCode {
			code = i
		}
	}
	if code < 0 {
		return raw, false, nil
	}
	ticks, flag := uint32(len(m.Globals)), uint32(len(m.Globals))+1
	body, err := insertChecks(secs[code].body, tickCheck(ticks, flag))
	if err != nil {
		return nil, false, fmt.Errorf("section code: %w", err)
	}
	secs = append([]section(nil), secs...)
	secs[code] = section{secCode, body}
	var globals, exports, mems vector
	globals.add(append(appendSleb([]byte{I32, 1, 0x41}, TickPeriod), 0x0b)) // (mut i32) (i32.const TickPeriod)
	globals.add([]byte{I32, 1, 0x41, 0, 0x0b})                              // (mut i32) (i32.const 0)
	m.StopName = m.fresh(AccessorPrefix + "stop")
	exports.add(appendU32(append(appendName(nil, m.StopName), 3), flag))
	if len(m.Memories) == 0 {
		mems.add(appendLimits(nil, Limits{HasMax: true}))
		secs = withEntries(secs, secMemory, mems)
	}
	secs = withEntries(secs, secGlobal, globals)
	secs = withEntries(secs, secExport, exports)
	return encode(secs), true, nil
}

// tickCheck is the code inserted at each function entry and loop header,
// with the tick counter and the stop flag at the given global indices.
func tickCheck(ticks, flag uint32) []byte {
	get := func(b []byte, g uint32) []byte { return appendU32(append(b, 0x23), g) }
	set := func(b []byte, g uint32) []byte { return appendU32(append(b, 0x24), g) }
	c := get(nil, ticks)
	c = append(c, 0x41, 1, 0x6b) // i32.const 1; i32.sub
	c = set(c, ticks)
	c = get(c, ticks)
	c = append(c, 0x45, 0x04, 0x40) // i32.eqz; if
	c = set(appendSleb(append(c, 0x41), TickPeriod), ticks)
	c = append(get(c, flag), 0x04, 0x40, 0x00, 0x0b) // if (flag) unreachable end
	c = append(c, 0x41, 0, 0x40, 0, 0x1a)            // i32.const 0; memory.grow 0; drop
	return append(c, 0x0b)                           // end
}

// insertChecks rewrites a code section's bodies with check inserted after
// each function's locals and after each loop's block type.
func insertChecks(body, check []byte) ([]byte, error) {
	r := &reader{b: body}
	n := r.u32()
	var fns vector
	for i := uint32(0); i < n && r.err == nil; i++ {
		size := r.u32()
		start := r.off
		end := start + int(size)
		if end > len(body) {
			r.fail(errTruncated)
			break
		}
		groups := r.u32()
		for g := uint32(0); g < groups && r.err == nil; g++ {
			r.u32()
			r.valType()
		}
		fn := append(append([]byte(nil), body[start:r.off]...), check...)
		for r.err == nil && r.off < end {
			at := r.off
			op := body[at]
			r.instruction()
			fn = append(fn, body[at:r.off]...)
			if op == 0x03 { // loop
				fn = append(fn, check...)
			}
		}
		if r.err == nil && r.off != end {
			r.fail(fmt.Errorf("function %d: body size mismatch", i))
		}
		fns.add(append(appendU32(nil, uint32(len(fn))), fn...))
	}
	if r.err == nil && r.off != len(body) {
		r.fail(fmt.Errorf("%d bytes after the section's entries", len(body)-r.off))
	}
	return fns.bytes(), r.err
}
