package host_test

import (
	"strings"
	"testing"

	"workerhost/host"
)

// TestIsolatesShareTheCache checks that caches.default is one cache for
// the server, as in wrangler dev: what one copy puts, every copy matches.
func TestIsolatesShareTheCache(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, `const id = Math.random().toString(36).slice(2);
export default {
	async fetch(request) {
		const key = "https://cache.test/shared";
		if (new URL(request.url).pathname === "/put") {
			await caches.default.put(key, new Response("from " + id, { headers: { "cache-control": "max-age=60" } }));
			return new Response(id);
		}
		const hit = await caches.default.match(key);
		return new Response(id + " " + (hit ? await hit.text() : "miss"));
	},
};`, host.Options{Isolates: 2})
	_, putter := get(t, srv.URL()+"/put")
	readers := map[string]bool{}
	for range 4 {
		_, body := get(t, srv.URL()+"/get")
		reader, got, _ := strings.Cut(body, " ")
		readers[reader] = true
		if got != "from "+putter {
			t.Errorf("copy %s matched %q, want the entry copy %s put", reader, got, putter)
		}
	}
	if len(readers) != 2 {
		t.Errorf("the reads reached %d copies, want 2", len(readers))
	}
}
