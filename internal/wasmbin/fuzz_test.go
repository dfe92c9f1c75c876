package wasmbin

import (
	"context"
	"testing"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// FuzzDecode feeds arbitrary bytes through everything workerhost does to
// a module before wazero sees it (normalize, stop checks, table
// accessors): none of it may panic, and a rewrite of a module that decodes
// must decode again.
func FuzzDecode(f *testing.F) {
	f.Add(refNullNoextern())
	tbl, _ := TableModule(TableType{Elem: Funcref, Limits: Limits{Min: 2}})
	f.Add(tbl)
	f.Add(MemoryModule(Limits{Min: 1}))
	f.Add(LinkingModule([]Link{{Import: Import{Name: "f", Kind: KindFunction}, FromModule: "m", FromName: "g"}}))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := Decode(raw)
		if err != nil {
			return
		}
		norm, _, err := m.Normalized(raw)
		if err != nil {
			return
		}
		stopped, _, err := m.WithStopChecks(norm)
		if err != nil {
			return
		}
		if _, err := Decode(stopped); err != nil {
			t.Fatalf("the module with stop checks does not decode: %v", err)
		}
		with, _, err := m.WithTableAccessors(stopped)
		if err != nil {
			return
		}
		if _, err := Decode(with); err != nil {
			t.Fatalf("the rewritten module does not decode: %v", err)
		}
		if compiles(raw) == nil {
			if err := compiles(with); err != nil {
				t.Fatalf("wazero compiles the module but not its rewrite: %v", err)
			}
		}
	})
}

// compiles reports why wazero's interpreter does not compile bin, or nil.
func compiles(bin []byte) error {
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter().WithCoreFeatures(api.CoreFeaturesV2))
	defer rt.Close(ctx)
	_, err := rt.CompileModule(ctx, bin)
	return err
}
