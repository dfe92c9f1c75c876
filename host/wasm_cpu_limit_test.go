package host_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"workerhost/host"
	"workerhost/internal/wasmtools"
	"workerhost/jsruntime/jsruntimetest"
)

// TestCPULimitStopsRunawayWasm runs Wasm that never returns, in a loop, in
// endless recursion without a loop, and in a start function: each request
// gets workerd's 503 for an exceeded limit, the worker is loaded again
// (its Wasm state is gone), and the next request is served by the fresh
// copy. A request that runs out of time in JS after calling Wasm fails
// alone.
func TestCPULimitStopsRunawayWasm(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wasm := wasmtools.Wat(t, `(module
  (global $calls (mut i32) (i32.const 0))
  (func (export "spin") (loop $l br $l))
  (func $deep (export "deep") (param i32) (result i32)
    local.get 0 i32.eqz if (result i32) i32.const 0 else
    local.get 0 i32.const 1 i32.sub call $deep
    local.get 0 i32.const 1 i32.sub call $deep i32.add end)
  (func (export "count") (result i32)
    global.get $calls i32.const 1 i32.add global.set $calls global.get $calls))`)
	if err := os.WriteFile(filepath.Join(dir, "spin.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	startLoop := wasmtools.Wat(t, `(module (func $s (loop $l br $l)) (start $s))`)
	if err := os.WriteFile(filepath.Join(dir, "start.wasm"), startLoop, 0o644); err != nil {
		t.Fatal(err)
	}
	src := `import mod from "./spin.wasm";
import startLoop from "./start.wasm";
const { exports: e } = new WebAssembly.Instance(mod);
export default { fetch(request) {
  const path = new URL(request.url).pathname;
  if (path === "/spin") e.spin();
  if (path === "/deep") e.deep(60);
  if (path === "/start") new WebAssembly.Instance(startLoop);
  if (path === "/js-after-wasm") { e.count(); for (;;) {} }
  return new Response("count " + e.count());
} };`
	path := filepath.Join(dir, "worker.js")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var log, console jsruntimetest.Buffer
	// The limit leaves room for instantiating start.wasm under -race on a
	// busy machine: a stop there, before the start function runs, is a stop
	// in JS, which (rightly) restarts nothing.
	srv, err := host.Start(host.Options{Script: path, CPULimit: 400 * time.Millisecond, Log: &log, Console: &console}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if code, body := get(t, srv.URL()+"/"); code != 200 || body != "count 1" {
		t.Fatalf("GET / = %d %q", code, body)
	}
	// Out of time in JS after a Wasm call: only the request fails; Wasm
	// goes on working in the same copy of the worker.
	if code, _ := get(t, srv.URL()+"/js-after-wasm"); code != 503 {
		t.Errorf("GET /js-after-wasm = %d, want 503", code)
	}
	if code, body := get(t, srv.URL()+"/"); code != 200 || body != "count 3" {
		t.Errorf("after /js-after-wasm: GET / = %d %q, want count 3 from the same copy", code, body)
	}
	for _, route := range []string{"/spin", "/deep", "/start"} {
		start := time.Now()
		if code, _ := get(t, srv.URL()+route); code != 503 {
			t.Errorf("GET %s = %d, want 503", route, code)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("GET %s took %v", route, d)
		}
		var body string
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if _, body = get(t, srv.URL()+"/"); body == "count 1" {
				break
			}
		}
		if body != "count 1" {
			t.Errorf("after %s: GET / = %q, want a fresh copy of the worker (count 1)", route, body)
		}
	}
	if !strings.Contains(log.String(), "A WebAssembly call ran out of CPU time") {
		t.Errorf("log lacks the restart:\n%s", log.String())
	}
}

// TestCPULimitRestartsOnlyTheStoppedCopy runs two copies of a worker that
// counts its requests: when the CPU limit stops one copy's Wasm, only that
// copy is replaced, and the other keeps its count.
func TestCPULimitRestartsOnlyTheStoppedCopy(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	wasm := wasmtools.Wat(t, `(module (func (export "spin") (loop $l br $l)))`)
	if err := os.WriteFile(filepath.Join(dir, "spin.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	src := `import mod from "./spin.wasm";
const { exports: e } = new WebAssembly.Instance(mod);
const id = Math.random().toString(36).slice(2);
let count = 0;
export default { fetch(request) {
  if (new URL(request.url).pathname === "/spin") e.spin();
  return new Response("v1 " + id + " " + (++count));
} };`
	path := filepath.Join(dir, "worker.js")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var log, console jsruntimetest.Buffer
	srv, err := host.Start(host.Options{Script: path, Isolates: 2, CPULimit: 150 * time.Millisecond, Log: &log, Console: &console}, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	before := map[string]bool{}
	for range 2 {
		_, body := get(t, srv.URL()+"/")
		before[parseAnswer(t, body).id] = true
	}
	if code, _ := get(t, srv.URL()+"/spin"); code != 503 {
		t.Fatalf("GET /spin = %d, want 503", code)
	}
	waitFor(t, func() bool { return strings.Contains(log.String(), "⎔ Restarted") }, &log)
	var after []answer
	for range 4 {
		_, body := get(t, srv.URL()+"/")
		after = append(after, parseAnswer(t, body))
	}
	per := counts(t, after)
	kept, fresh := 0, 0
	for _, a := range after {
		switch {
		case before[a.id] && a.count > 1:
			kept++
		case !before[a.id]:
			fresh++
		default:
			t.Errorf("%+v: an old copy counting from 1 again", a)
		}
	}
	if len(per) != 2 || kept != 2 || fresh != 2 {
		t.Errorf("after the stop: answers %+v, want two from the surviving copy (counting on) and two from a new one", after)
	}
}
