package workerd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// answerWasm is a Wasm module exporting answer(), which returns 42.
var answerWasm = []byte{
	0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
	0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f, // type 0: [] -> [i32]
	0x03, 0x02, 0x01, 0x00, // function 0 has type 0
	0x07, 0x0a, 0x01, 0x06, 'a', 'n', 's', 'w', 'e', 'r', 0x00, 0x00, // export "answer"
	0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b, // body: i32.const 42
}

// emptyWasm is the smallest Wasm module, with nothing in it.
var emptyWasm = []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}

// wasmWorker writes a module worker in src/ that imports the same .wasm
// file from two places, one with wrangler's ?module suffix, and a second
// file; it answers what the modules are and what answer() returns.
func wasmWorker(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"src/worker.js": []byte(`import answer from "../wasm/answer.wasm";
import again from "./copy/answer.wasm?module";
import empty from "../wasm/empty.wasm";
const { exports } = new WebAssembly.Instance(answer);
export default {
  fetch() {
    const kinds = [answer, again, empty].map((m) => m instanceof WebAssembly.Module);
    return new Response(kinds.join(" ") + " " + WebAssembly.Module.exports(empty).length + " " + exports.answer());
  },
};
`),
		"src/copy/answer.wasm": answerWasm,
		"wasm/answer.wasm":     answerWasm,
		"wasm/empty.wasm":      emptyWasm,
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "src", "worker.js")
}

func TestBundleKeepsWasmImportsSeparate(t *testing.T) {
	t.Parallel()
	script := wasmWorker(t)
	b, err := Bundle(script, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if !b.Modules || len(b.Wasm) != 2 {
		t.Fatalf("modules = %v, wasm = %v; want an ES module importing 2 Wasm modules", b.Modules, b.Wasm)
	}
	code, err := os.ReadFile(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range b.Wasm {
		if strings.Contains(m.Name, "/") || !strings.HasSuffix(m.Name, "-"+filepath.Base(m.Path)) {
			t.Errorf("module name %q for %s: want a flat name ending in the file's", m.Name, m.Path)
		}
		if !strings.Contains(string(code), `from "./`+m.Name+`"`) {
			t.Errorf("bundle does not import ./%s:\n%s", m.Name, code)
		}
	}
	if strings.Contains(string(code), "?module") || strings.Contains(string(code), "../wasm") {
		t.Errorf("bundle still names the source files:\n%s", code)
	}
}

func TestBundleRefusesWasmInServiceWorker(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	script := filepath.Join(dir, "sw.js")
	if err := os.WriteFile(filepath.Join(dir, "m.wasm"), emptyWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	src := `import m from "./m.wasm"; addEventListener("fetch", (e) => e.respondWith(new Response(String(m))));`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Bundle(script, t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "m.wasm") || !strings.Contains(err.Error(), "ES-module worker") {
		t.Fatalf("err = %v, want a refusal naming m.wasm", err)
	}
}

func TestConfigListsWasmModules(t *testing.T) {
	t.Parallel()
	got := configText(8123, Options{Modules: true, Wasm: []WasmModule{{Name: "ab-x.wasm", Path: "/src/x.wasm"}}})
	want := `modules = [ (name = "worker.js", esModule = embed "worker.js"), (name = "ab-x.wasm", wasm = embed "ab-x.wasm") ]`
	if !strings.Contains(got, want) {
		t.Errorf("config lacks %s:\n%s", want, got)
	}
}

func TestWriteConfigRefusesNamesOutsideItsDir(t *testing.T) {
	t.Parallel()
	script := filepath.Join(t.TempDir(), "w.js")
	if err := os.WriteFile(script, []byte("export default {}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"../x.wasm", "a/x.wasm", "worker.js"} {
		err := writeConfig(t.TempDir(), 1, Options{ScriptPath: script, Modules: true, Wasm: []WasmModule{{Name: name, Path: script}}})
		if err == nil {
			t.Errorf("name %q accepted", name)
		}
	}
}

func TestStartScriptRunsCompiledWasm(t *testing.T) {
	bin := requireWorkerd(t)
	t.Parallel()
	p, err := StartScript(bin, wasmWorker(t), Options{CompatibilityDate: "2026-11-17"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if got, want := get(t, p.URL), "true true true 0 42"; got != want {
		t.Errorf("body = %q, want %q\n%s", got, want, p.Logs())
	}
}
