package host_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"workerhost/host"
	"workerhost/internal/wasmtools"
	"workerhost/jsruntime/jsruntimetest"
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

// TestThrowingHandlerWithAnUnreadBodyKeepsTheConnection posts bodies to a
// handler that throws without reading them: each gets its 500, and the
// connection carries the next request (the small body that arrived is
// dropped, as for any response), instead of net/http failing the
// connection with "invalid concurrent Body.Read call".
func TestThrowingHandlerWithAnUnreadBodyKeepsTheConnection(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, `export default { fetch() { throw new TypeError("boom"); } };`, host.Options{ErrorPages: true})
	reused := 0
	for i := 0; i < 3; i++ {
		ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
			GotConn: func(info httptrace.GotConnInfo) {
				if info.Reused {
					reused++
				}
			},
		})
		req, err := http.NewRequestWithContext(ctx, "POST", srv.URL(), strings.NewReader("hi"))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusInternalServerError {
			t.Fatalf("status %d", resp.StatusCode)
		}
	}
	if reused != 2 {
		t.Errorf("%d of 2 later requests reused the connection", reused)
	}
}

// TestRunawayRecursionIsARangeError recurses without end, in JS through a
// native (forEach) and through Wasm: each request ends with V8's RangeError
// (its stack cut to V8's ten frames), and the process lives on.
func TestRunawayRecursionIsARangeError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wasm := wasmtools.Wat(t, `(module (import "env" "back" (func $back)) (func (export "into") call $back))`)
	if err := os.WriteFile(filepath.Join(dir, "m.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	src := `import mod from "./m.wasm";
let e;
e = new WebAssembly.Instance(mod, { env: { back: () => e.into() } }).exports;
function f() { [1].forEach(f); }
export default { fetch(request) {
  if (new URL(request.url).pathname === "/wasm") e.into(); else f();
  return new Response("never");
} };`
	path := filepath.Join(dir, "worker.js")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var log, console jsruntimetest.Buffer
	srv, err := host.Start(host.Options{Script: path, Log: &log, Console: &console, ErrorPages: true}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	for _, route := range []string{"/js", "/wasm"} {
		code, body := get(t, srv.URL()+route)
		if code != 500 || !strings.HasPrefix(body, "RangeError: Maximum call stack size exceeded\n") {
			t.Errorf("GET %s = %d %.200q", route, code, body)
		}
		if n := strings.Count(body, "\n    at "); n > 10 {
			t.Errorf("GET %s: %d frames, want at most 10", route, n)
		}
	}
}
