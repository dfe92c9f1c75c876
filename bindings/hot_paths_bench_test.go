package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// The hot paths of a request, each b.N times in one script, for
// `go test -bench . -benchmem ./bindings` (issue 10's profiling).

func benchScript(b *testing.B, body string) {
	r := bindingstest.NewRuntime(b, bindings.Options{})
	r.Set("N", b.N)
	b.ReportAllocs()
	b.ResetTimer()
	r.Run("bench.js", body)
}

func BenchmarkHeadersGetSet(b *testing.B) {
	benchScript(b, `
const h = new Headers({ "content-type": "text/plain" });
for (let i = 0; i < N; i++) { h.set("x-count", "1"); h.get("content-type"); }`)
}

func BenchmarkRequestConstruction(b *testing.B) {
	benchScript(b, `
for (let i = 0; i < N; i++) new Request("https://example.com/users/42?q=1", { method: "POST", headers: { "x-a": "1" } });`)
}

func BenchmarkResponseJSON(b *testing.B) {
	benchScript(b, `
const body = { id: 42, items: [1, 2, 3] };
for (let i = 0; i < N; i++) Response.json(body);`)
}
