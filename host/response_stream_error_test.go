package host_test

import (
	"io"
	"net/http"
	"testing"

	"workerhost/host"
)

// A response whose stream errors closes the connection, as workerd does:
// unanswered before the first chunk, cut short (no last chunk) after it.
func TestResponseStreamErrorClosesTheConnection(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, `export default { fetch(request) {
  let n = 0;
  const later = new URL(request.url).pathname === "/later";
  return new Response(new ReadableStream({ pull(c) {
    if (later && n++ === 0) c.enqueue(new TextEncoder().encode("first"));
    else c.error(new Error("stream failed"));
  } }));
} };`, host.Options{})
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}

	if resp, err := client.Get(srv.URL() + "/first"); err == nil {
		resp.Body.Close()
		t.Fatalf("an error before the first chunk got %s, want no response", resp.Status)
	}

	resp, err := client.Get(srv.URL() + "/later")
	if err != nil {
		t.Fatalf("an error after the first chunk: %v, want the head and the chunk", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if string(body) != "first" || err != io.ErrUnexpectedEOF {
		t.Errorf("body %q, %v; want %q cut short (io.ErrUnexpectedEOF)", body, err, "first")
	}
}
