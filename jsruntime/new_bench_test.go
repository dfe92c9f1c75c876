package jsruntime_test

import (
	"testing"

	"workerhost/jsruntime"
)

// BenchmarkNew measures a cold runtime: goja, the sandbox and the
// engine-level built-ins workerhost adds (run with -benchmem to compare
// allocations before and after a change to them).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		r := jsruntime.New(jsruntime.Options{})
		r.Stop()
	}
}
