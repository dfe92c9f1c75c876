package host_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/coder/websocket"

	"workerhost/host"
)

// BenchmarkWebSocketEcho50 is the echo of issue 10: 50 connections, each
// sending a 32-byte message and waiting for its echo, b.N round trips in
// all. The clients run in the same process, so its time and allocations
// include theirs.
func BenchmarkWebSocketEcho50(b *testing.B) {
	srv, _, _ := startWorker(b, benchWorker, host.Options{})
	ctx := context.Background()
	conns := make([]*websocket.Conn, 50)
	for i := range conns {
		c, _, err := websocket.Dial(ctx, "ws"+srv.URL()[len("http"):], nil)
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close(websocket.StatusNormalClosure, "")
		conns[i] = c
	}
	msg := []byte("0123456789abcdef0123456789abcdef")
	var left atomic.Int64
	left.Store(int64(b.N))
	b.ReportAllocs()
	b.ResetTimer()
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for left.Add(-1) >= 0 {
				if err := c.Write(ctx, websocket.MessageText, msg); err != nil {
					b.Error(err)
					return
				}
				if _, _, err := c.Read(ctx); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
