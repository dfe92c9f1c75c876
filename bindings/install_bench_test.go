package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/jsruntime"
)

// BenchmarkInstall measures a cold isolate: a runtime with its engine
// built-ins and every Web API installed (with -benchmem, the allocations a
// change to either adds).
func BenchmarkInstall(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		r := jsruntime.New(jsruntime.Options{})
		if _, err := bindings.Install(r, bindings.Options{}); err != nil {
			b.Fatal(err)
		}
		r.Stop()
	}
}
