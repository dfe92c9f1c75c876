package wasmbin

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
)

// module builds a binary from sections, for tests.
func module(secs ...section) []byte { return encode(secs) }

func vec(entries ...[]byte) []byte {
	var v vector
	for _, e := range entries {
		v.add(e)
	}
	return v.bytes()
}

// refNullNoextern is a module whose one exported function returns
// `ref.null noextern` (d0 72), as wasm-bindgen 0.2.105+ writes it.
func refNullNoextern() []byte {
	body := []byte{0, 0xd0, 0x72, 0x0b}
	return module(
		section{secType, vec(appendFuncType(nil, FuncType{Results: []byte{Externref}}))},
		section{secFunction, vec([]byte{0})},
		section{secExport, vec(append(appendName(nil, "f"), 0, 0))},
		section{secCode, vec(append(appendU32(nil, uint32(len(body))), body...))},
	)
}

func compile(t *testing.T, bin []byte) error {
	t.Helper()
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2))
	defer rt.Close(ctx)
	_, err := rt.CompileModule(ctx, bin)
	return err
}

func TestNormalizedRewritesBottomTypeNulls(t *testing.T) {
	t.Parallel()
	raw := refNullNoextern()
	if err := compile(t, raw); err == nil {
		t.Fatal("wazero compiled ref.null noextern; the rewrite may no longer be needed")
	}
	m, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	out, changed, err := m.Normalized(raw)
	if err != nil || !changed {
		t.Fatalf("changed=%v err=%v", changed, err)
	}
	if len(out) != len(raw) || raw[len(raw)-2] != 0x72 || out[len(out)-2] != Externref {
		t.Fatal("the rewrite must keep the layout and leave its input alone")
	}
	if err := compile(t, out); err != nil {
		t.Fatalf("normalized module: %v", err)
	}
}

func TestDecodeReadsImportsExportsAndCustomSections(t *testing.T) {
	t.Parallel()
	custom := append(appendName(nil, "producers"), 1, 2, 3)
	raw := module(
		section{secType, vec(appendFuncType(nil, FuncType{Params: []byte{I32}}))},
		section{secImport, vec(
			append(appendName(appendName(nil, "env"), "log"), 0, 0),
			appendLimits(append(appendName(appendName(nil, "env"), "mem"), 2), Limits{Min: 1, Max: 2, HasMax: true}),
			append(appendName(appendName(nil, "env"), "g"), 3, I64, 1),
		)},
		section{secTable, vec(appendLimits([]byte{Externref}, Limits{Min: 4}))},
		section{secExport, vec(append(appendName(nil, "t"), 1, 0), append(appendName(nil, "log"), 0, 0))},
		section{secCustom, custom},
	)
	m, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Imports) != 3 || m.Imports[1].Kind != KindMemory || !m.Imports[1].Memory.HasMax || m.Imports[2].Global != (GlobalType{I64, true}) {
		t.Errorf("imports = %+v", m.Imports)
	}
	if len(m.Exports) != 2 || m.Exports[0] != (Export{"t", KindTable, 0}) || m.Exports[1].Kind != KindFunction {
		t.Errorf("exports = %+v", m.Exports)
	}
	if len(m.Custom) != 1 || m.Custom[0].Name != "producers" || string(m.Custom[0].Data) != "\x01\x02\x03" {
		t.Errorf("custom = %+v", m.Custom)
	}
	if len(m.Declared) != 1 || m.Declared[0] != 0 {
		t.Errorf("declared = %v", m.Declared)
	}
}

func TestDecodeRejectsWhatIsNotWasm(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]string{
		"":                                    "expected magic word",
		"\x00asm\x02\x00\x00\x00":             "expected version",
		"\x00asm\x01\x00\x00\x00\x01\x05\x01": "section",
	} {
		if _, err := Decode([]byte(raw)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Decode(%q) = %v, want %q", raw, err, want)
		}
	}
}

func TestBuiltModulesCompile(t *testing.T) {
	t.Parallel()
	tbl, _ := TableModule(TableType{Elem: Funcref, Limits: Limits{Min: 2}})
	ext, _ := TableModule(TableType{Elem: Externref, Limits: Limits{Min: 1, Max: 9, HasMax: true}})
	for name, bin := range map[string][]byte{
		"memory":    MemoryModule(Limits{Min: 1, Max: 3, HasMax: true}),
		"funcref":   tbl,
		"externref": ext,
		"i64":       GlobalModule(GlobalType{I64, true}, 1<<40),
		"f32":       GlobalModule(GlobalType{F32, false}, 0x3f800000),
		"ref":       GlobalModule(GlobalType{Externref, true}, 0),
	} {
		if err := compile(t, bin); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	raw := module(
		section{secTable, vec(appendLimits([]byte{Funcref}, Limits{Min: 1}))},
		section{secExport, vec(append(appendName(nil, "t"), 1, 0))},
	)
	m, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	with, acc, err := m.WithTableAccessors(raw)
	if err != nil || acc[0].SetFunc == "" {
		t.Fatalf("accessors %+v, %v", acc, err)
	}
	if err := compile(t, with); err != nil {
		t.Errorf("module with accessors: %v", err)
	}
}

func TestStopChecksStopALoop(t *testing.T) {
	t.Parallel()
	// (func (export "spin") (loop br 0)) with a local, so the check goes
	// after the locals.
	body := []byte{1, 1, I32, 0x03, 0x40, 0x0c, 0, 0x0b, 0x0b}
	raw := module(
		section{secType, vec(appendFuncType(nil, FuncType{}))},
		section{secFunction, vec([]byte{0})},
		section{secExport, vec(append(appendName(nil, "spin"), 0, 0))},
		section{secCode, vec(append(appendU32(nil, uint32(len(body))), body...))},
	)
	m, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	bin, changed, err := m.WithStopChecks(raw)
	if err != nil || !changed {
		t.Fatalf("changed=%v err=%v", changed, err)
	}
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2))
	defer rt.Close(ctx)
	mod, err := rt.Instantiate(ctx, bin)
	if err != nil {
		t.Fatal(err)
	}
	flag, ok := mod.ExportedGlobal(m.StopName).(api.MutableGlobal)
	if !ok {
		t.Fatal("no stop flag exported")
	}
	done := make(chan error, 1)
	go func() {
		_, err := mod.ExportedFunction("spin").Call(ctx)
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	// The loop lets Go preempt it: a collection, which stops the world,
	// finishes while it runs.
	collected := make(chan struct{})
	go func() {
		runtime.GC()
		close(collected)
	}()
	select {
	case <-collected:
	case <-time.After(10 * time.Second):
		t.Fatal("a garbage collection waited for the Wasm loop")
	}
	flag.Set(1)
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "unreachable") {
			t.Errorf("err = %v, want the stop check's trap", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the loop did not stop")
	}
}

func TestAddedExportsAvoidTheModulesOwnNames(t *testing.T) {
	t.Parallel()
	// A table module already exports __workerhost_table0_size and the
	// rest: the accessors added to it take other names.
	raw, _ := TableModule(TableType{Elem: Externref, Limits: Limits{Min: 1}})
	m, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	with, acc, err := m.WithTableAccessors(raw)
	if err != nil {
		t.Fatal(err)
	}
	if acc[0].Size == AccessorPrefix+"table0_size" {
		t.Errorf("accessor name %q collides with the module's own export", acc[0].Size)
	}
	if err := compile(t, with); err != nil {
		t.Errorf("compile: %v", err)
	}
}
