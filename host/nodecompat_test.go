package host_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"workerhost/host"
	"workerhost/internal/config"
	"workerhost/jsruntime/jsruntimetest"
)

// writeProject writes files under a temp directory and returns it.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestNodeModulesFromCommonJSAndServiceWorkers checks that npm code's
// require("events") gets EventEmitter itself and require("node:buffer")
// the module, and that a service-worker script may import node: modules.
func TestNodeModulesFromCommonJSAndServiceWorkers(t *testing.T) {
	t.Parallel()
	dir := writeProject(t, map[string]string{
		"node_modules/lib/package.json": `{"name": "lib", "main": "index.js"}`,
		"node_modules/lib/index.js": `
			const EventEmitter = require("events");
			const { Buffer } = require("node:buffer");
			const path = require("path");
			class Bus extends EventEmitter {}
			module.exports = function () {
				const b = new Bus();
				let got = "";
				b.on("x", (v) => { got = Buffer.from(v).toString("base64") + " " + path.join("a", "..", "b"); });
				b.emit("x", "hi");
				return got;
			};`,
		"worker.js": `
			import lib from "lib";
			import { AsyncLocalStorage } from "node:async_hooks";
			const als = new AsyncLocalStorage();
			addEventListener("fetch", (event) => {
				event.respondWith(als.run("s", async () => {
					await null;
					return new Response(lib() + " " + als.getStore() + " " + typeof Buffer);
				}));
			});`,
	})
	var console, log jsruntimetest.Buffer
	srv, err := host.Start(host.Options{Script: filepath.Join(dir, "worker.js"), Console: &console, Log: &log}, "127.0.0.1:0")
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	if status, body := get(t, srv.URL()+"/"); status != 200 || body != "aGk= b s function" {
		t.Errorf("got %d %q, want 200 %q (log: %s)", status, body, "aGk= b s function", log.String())
	}
}

// TestNodeModulesNeedTheFlag checks that before nodejs_compat became the
// default, a worker without the flag cannot import node: modules, and that
// nodejs_compat without v2 gives no bare names.
func TestNodeModulesNeedTheFlag(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, imp string
		flags     []string
	}{
		{"no flag", "node:buffer", nil},
		{"v1 has no bare names", "buffer", []string{"nodejs_compat"}},
		{"als has only async_hooks", "node:events", []string{"nodejs_als"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			compat, err := config.NewCompat("2024-01-01", tc.flags)
			if err != nil {
				t.Fatal(err)
			}
			dir := writeProject(t, map[string]string{"worker.js": `import x from "` + tc.imp + `";
				export default { fetch() { return new Response(String(x)); } };`})
			srv, err := host.Start(host.Options{Script: filepath.Join(dir, "worker.js"), Compat: compat}, "127.0.0.1:0")
			if err == nil {
				_ = srv.Close()
				t.Fatalf("Start succeeded, want a resolve error")
			}
			if !strings.Contains(err.Error(), `Could not resolve "`+tc.imp+`"`) {
				t.Errorf("err = %v", err)
			}
		})
	}
}

// TestBufferOfAnEmptyViewAtTheEnd checks that Buffer.from and toString of
// an empty view at the end of its buffer give an empty Buffer and string:
// goja exports such a view through a pointer past its allocation, which
// crashes the process under -race (checkptr).
func TestBufferOfAnEmptyViewAtTheEnd(t *testing.T) {
	t.Parallel()
	srv, _, _ := startWorker(t, `export default { fetch() {
		const tail = new Uint8Array(4).subarray(4);
		const b = Buffer.from(tail);
		return new Response(b.length + " [" + Buffer.from("abcd").subarray(4).toString() + "] [" + Buffer.from("abcd").toString("utf8", 4) + "]");
	} };`, host.Options{})
	if status, body := get(t, srv.URL()); status != 200 || body != "0 [] []" {
		t.Fatalf("got %d %q", status, body)
	}
}
