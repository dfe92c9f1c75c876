package jsruntime

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
)

// metafile is the part of esbuild's metafile workerhost reads.
type metafile struct {
	Inputs  map[string]json.RawMessage `json:"inputs"`
	Outputs map[string]struct {
		Exports    []string `json:"exports"`
		EntryPoint string   `json:"entryPoint"`
	} `json:"outputs"`
}

// metaSummary is what a bundle pass tells about the script.
type metaSummary struct {
	inputs     []string // absolute paths of the files read
	hasExports bool     // the entry point exports something: an ES-module worker
}

// MetafileHasExports reports whether esbuild's JSON metafile shows an output
// that exports something, which makes the script an ES-module worker rather
// than a service-worker script. Every bundler of a worker decides this here,
// so workerhost and the workerd it is compared with agree. Safe from any
// goroutine.
func MetafileHasExports(raw string) (bool, error) {
	s, err := parseMetafile(raw, "")
	if err != nil {
		return false, err
	}
	return s.hasExports, nil
}

// parseMetafile reads esbuild's JSON metafile.
func parseMetafile(raw string, wd string) (*metaSummary, error) {
	var m metafile
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil, fmt.Errorf("failed to read esbuild metafile: %w", err)
	}
	s := &metaSummary{}
	for in := range m.Inputs {
		if isBuiltinInput(in) {
			continue // no file to watch
		}
		if !filepath.IsAbs(in) {
			in = filepath.Join(wd, in)
		}
		s.inputs = append(s.inputs, in)
	}
	sort.Strings(s.inputs)
	for _, out := range m.Outputs {
		if len(out.Exports) > 0 {
			s.hasExports = true
		}
	}
	return s, nil
}
