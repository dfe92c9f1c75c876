package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
	"workerhost/internal/wasmtools"
)

// BenchmarkWasmCall measures one call from JS into an exported Wasm
// function and one from Wasm into a JS import, with the conversions.
func BenchmarkWasmCall(b *testing.B) {
	r := bindingstest.NewRuntime(b, bindings.Options{})
	r.SetWasm("mod", wasmtools.Wat(b, edgeWat))
	r.Set("N", b.N)
	b.ResetTimer()
	r.Run("wasm_bench.js", instantiateEdge+`
let s = 0;
for (let i = 0; i < N; i++) s += e.add(i, 1);
const o = {};
for (let i = 0; i < N; i++) e.roundtrip(o);
`)
}
