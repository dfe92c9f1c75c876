package host

import (
	"fmt"
	"testing"
)

// BenchmarkPickIsolate measures what choosing a copy costs a request:
// pick, acquire and release, from many goroutines at once (go test
// -bench PickIsolate -benchmem ./host). It should stay a few nanoseconds
// and allocate nothing, with one copy as with several.
func BenchmarkPickIsolate(b *testing.B) {
	for _, n := range []int{1, 2, 8} {
		b.Run(fmt.Sprintf("isolates=%d", n), func(b *testing.B) {
			g := &generation{}
			for range n {
				g.isolates = append(g.isolates, &isolate{})
			}
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					iso := g.pick()
					if !iso.acquire() {
						b.Fatal("acquire failed")
					}
					iso.release()
				}
			})
		})
	}
}
