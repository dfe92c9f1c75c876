package host_test

import (
	"strings"
	"testing"
	"time"

	"workerhost/host"
)

const spinningObjectWorker = `
import { DurableObject } from "cloudflare:workers";
export class Spinner extends DurableObject {
	async fetch(request) {
		if (request.url.endsWith("/spin")) for (;;) {}
		return new Response("alive");
	}
	async spin() { for (;;) {} }
}
export default {
	async fetch(request, env) {
		const stub = env.SPIN.getByName("one");
		// A timer keeps the loop busy, so the request is not failed for
		// being left with nothing to wait for.
		setTimeout(() => {}, 30000);
		if (request.url.endsWith("/rpc")) {
			try { await stub.spin(); } catch (e) { return new Response("rpc threw " + e.message, { status: 500 }); }
		}
		try {
			return await stub.fetch(request);
		} catch (e) {
			return new Response("threw " + e.message, { status: 500 });
		}
	},
};`

// TestDurableObjectOverCPULimit: an object's event that runs past the CPU
// limit fails its caller rather than leaving it waiting (until the loop
// has nothing else to do), and the object serves the next event.
func TestDurableObjectOverCPULimit(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, spinningObjectWorker, host.Options{
		CPULimit:       100 * time.Millisecond,
		DurableObjects: []host.DurableObject{{Binding: "SPIN", ClassName: "Spinner"}},
	})
	for _, path := range []string{"/spin", "/rpc"} {
		done := make(chan struct{})
		var code int
		var body string
		go func() {
			defer close(done)
			code, body = get(t, srv.URL()+path)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: no answer after 10 s", path)
		}
		if code != 500 || !strings.HasPrefix(body, "threw ") && !strings.HasPrefix(body, "rpc threw ") {
			t.Errorf("%s: %d %q, want the error thrown to the caller", path, code, body)
		}
		if code, body := get(t, srv.URL()+"/"); code != 200 || body != "alive" {
			t.Errorf("after %s: %d %q, want the object alive", path, code, body)
		}
	}
}
