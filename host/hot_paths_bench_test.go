package host_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/coder/websocket"

	"workerhost/host"
)

// The hot paths end to end, over real sockets, for
// `go test -bench . -benchmem ./host` (issue 10's profiling): one fetch
// dispatched and answered, and one WebSocket message in and out.

const benchWorker = `export default { fetch(request) {
  if (request.headers.get("Upgrade") === "websocket") {
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    server.addEventListener("message", (e) => server.send(e.data));
    return new Response(null, { status: 101, webSocket: client });
  }
  return Response.json({ ok: true });
} };`

func BenchmarkFetchDispatch(b *testing.B) {
	srv, _, _ := startWorker(b, benchWorker, host.Options{})
	client := &http.Client{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, err := client.Get(srv.URL())
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func BenchmarkWebSocketMessage(b *testing.B) {
	srv, _, _ := startWorker(b, benchWorker, host.Options{})
	ctx := context.Background()
	conn, _, err := websocket.Dial(ctx, "ws"+srv.URL()[len("http"):], nil)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(websocket.StatusNormalClosure, "")
	msg := []byte("0123456789abcdef0123456789abcdef")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := conn.Write(ctx, websocket.MessageText, msg); err != nil {
			b.Fatal(err)
		}
		if _, _, err := conn.Read(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHonoRequest is one request to the benchmark's Hono app
// (scripts/bench/hono: routing, a 20-item JSON answer); it needs `npm ci`
// in scripts/bench/hono.
func BenchmarkHonoRequest(b *testing.B) {
	entry := filepath.Join("..", "scripts", "bench", "hono", "index.ts")
	if _, err := os.Stat(filepath.Join(filepath.Dir(entry), "node_modules", "hono")); err != nil {
		b.Skipf("hono is not installed: run `npm ci` in scripts/bench/hono (%v)", err)
	}
	srv, err := host.Start(host.Options{Script: entry, Console: io.Discard, Log: io.Discard}, "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	client := &http.Client{}
	url := srv.URL() + "/users/42?q=abc"
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, err := client.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
}
