package wasmbin

// Stop checks: how the CPU limit stops running Wasm. wazero can stop a call
// only by closing the module (WithCloseOnContextDone), and that option
// makes the machine code leave for Go at every loop iteration, which costs
// Wasm-heavy code up to 15 times its speed. Instead, workerhost gives each
// module a stop flag of its own: a mutable global, exported as StopExport,
// that every function tests on entry and every loop at its header
// (`global.get; if; unreachable; end`, one load and one branch). Setting it
// makes the running code trap at once; workerhost tells that trap from the
// module's own by whether it set the flag.

import "fmt"

// StopExport is the name of the stop flag's export.
const StopExport = AccessorPrefix + "stop"

// WithStopChecks returns the module's binary (raw, or a rewrite of it that
// keeps its layout) with a stop flag added and tested at the start of every
// function and loop. A module with no functions comes back unchanged.
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
	flag := uint32(len(m.Globals))
	check := append(appendU32([]byte{0x23}, flag), 0x04, 0x40, 0x00, 0x0b) // global.get; if; unreachable; end
	body, err := insertChecks(secs[code].body, check)
	if err != nil {
		return nil, false, fmt.Errorf("section code: %w", err)
	}
	secs = append([]section(nil), secs...)
	secs[code] = section{secCode, body}
	var globals, exports vector
	globals.add([]byte{I32, 1, 0x41, 0, 0x0b}) // (mut i32) (i32.const 0)
	exports.add(appendU32(append(appendName(nil, StopExport), 3), flag))
	secs = withEntries(secs, secGlobal, globals)
	secs = withEntries(secs, secExport, exports)
	return encode(secs), true, nil
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
