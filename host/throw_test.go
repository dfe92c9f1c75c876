package host_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	"workerhost/host"
)

// TestManyConcurrentThrowsStayOnTheLoop runs many requests at once whose
// handlers throw in every way; under -race it shows that no JS value is
// read off the loop (the error is rendered there), and each request gets
// its 500 with its own stack in the log.
func TestManyConcurrentThrowsStayOnTheLoop(t *testing.T) {
	t.Parallel()
	srv, _, log := startWorker(t, `
		export default {
			async fetch(request) {
				const kind = new URL(request.url).pathname.slice(1);
				if (kind === "sync") throw new Error("sync boom");
				if (kind === "async") { await null; throw new TypeError("async boom"); }
				if (kind === "getter") {
					const e = new Error("getter boom");
					Object.defineProperty(e, "stack", { get() { return "Error: from a stack getter"; } });
					throw e;
				}
				if (kind === "throwing-getter") {
					const e = new Error("x");
					Object.defineProperty(e, "stack", { get() { throw new Error("the getter throws"); } });
					throw e;
				}
				if (kind === "value") throw 42;
				return Promise.reject(new RangeError("rejected boom"));
			},
		};`, host.Options{})
	kinds := []string{"sync", "async", "getter", "throwing-getter", "value", "reject"}
	var wg sync.WaitGroup
	for i := 0; i < 60; i++ {
		kind := kinds[i%len(kinds)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, body := get(t, srv.URL()+"/"+kind)
			if status != http.StatusInternalServerError || body != "Internal Server Error" {
				t.Errorf("%s: %d %q", kind, status, body)
			}
		}()
	}
	wg.Wait()
	out := log.String()
	for _, want := range []string{"Error: sync boom", "TypeError: async boom", "Error: from a stack getter", "Uncaught (in response) 42", "RangeError: rejected boom"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if status, body := get(t, srv.URL()+"/"); status != 500 || !strings.Contains(body, "Internal") {
		t.Errorf("the server stopped answering: %d %q", status, body)
	}
}
