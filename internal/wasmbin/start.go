package wasmbin

// WithoutStart returns the module's binary (raw, or a rewrite of it that
// keeps its layout) with its start section removed and the start function
// exported instead (as Module.StartName), so that workerhost calls it once
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
	m.StartName = m.fresh(AccessorPrefix + "start")
	exports.add(appendU32(append(appendName(nil, m.StartName), 0), *m.Start))
	return encode(withEntries(kept, secExport, exports)), true, nil
}
