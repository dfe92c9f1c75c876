package wasmbin

// StartExport names the export that WithoutStart gives a module's start
// function.
const StartExport = AccessorPrefix + "start"

// WithoutStart returns the module's binary (raw, or a rewrite of it that
// keeps its layout) with its start section removed and the start function
// exported as StartExport instead, so that workerhost calls it itself once
// the instance is registered: a start function that runs forever must be
// stoppable like any other call (stop_checks.go). A module without a start
// function comes back unchanged.
func (m *Module) WithoutStart(raw []byte) ([]byte, bool, error) {
	if m.Start == nil {
		return raw, false, nil
	}
	secs, err := splitSections(raw)
	if err != nil {
		return nil, false, err
	}
	kept := secs[:0:0]
	for _, s := range secs {
		if s.id != secStart {
			kept = append(kept, s)
		}
	}
	var exports vector
	exports.add(appendU32(append(appendName(nil, StartExport), 0), *m.Start))
	return encode(withEntries(kept, secExport, exports)), true, nil
}
