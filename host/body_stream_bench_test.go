package host_test

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"workerhost/host"
)

// Body streaming end to end, for `go test -bench BodyStream -benchmem
// ./host`: a request body echoed as the response's stream, and the same
// body read through a ReadableStream the script makes.

const bodyStreamWorker = `export default { async fetch(request) {
  if (new URL(request.url).pathname === "/echo") return new Response(request.body);
  const reader = request.body.getReader();
  return new Response(new ReadableStream({
    async pull(c) {
      const { done, value } = await reader.read();
      if (done) c.close(); else c.enqueue(value);
    },
  }));
} };`

func benchmarkBodyStream(b *testing.B, path string, size int) {
	srv, _, _ := startWorker(b, bodyStreamWorker, host.Options{})
	client := &http.Client{}
	payload := bytes.Repeat([]byte("x"), size)
	b.ReportAllocs()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resp, err := client.Post(srv.URL()+path, "application/octet-stream", bytes.NewReader(payload))
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if n != int64(size) {
			b.Fatalf("echoed %d bytes, want %d", n, size)
		}
	}
}

func BenchmarkBodyStreamEcho1KiB(b *testing.B)   { benchmarkBodyStream(b, "/echo", 1<<10) }
func BenchmarkBodyStreamEcho1MiB(b *testing.B)   { benchmarkBodyStream(b, "/echo", 1<<20) }
func BenchmarkBodyStreamScript1MiB(b *testing.B) { benchmarkBodyStream(b, "/script", 1<<20) }
