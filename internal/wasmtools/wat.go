// Package wasmtools builds WebAssembly test modules with the toolchains a
// test needs (wat2wasm from Debian's wabt), for tests only. A missing tool
// skips the test outside CI, with a message naming what to install, and
// fails it in CI (CI=true), where .ci/run installs it.
package wasmtools

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"workerhost/internal/wasmbuild"
)

// Need skips the test when a tool is missing (fails it in CI, where
// .ci/run installs it).
func Need(t testing.TB, tool wasmbuild.Tool) {
	t.Helper()
	err := tool.Find()
	if err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is missing (%v; %s); .ci/run installs it", tool.Name, err, tool.Install)
	}
	t.Skipf("%s is missing: %s to run this test", tool.Name, tool.Install)
}

// Wat assembles WebAssembly text into a binary module with wat2wasm,
// with every feature wat2wasm knows enabled.
func Wat(t testing.TB, src string) []byte {
	t.Helper()
	Need(t, wasmbuild.Wat2Wasm)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "m.wat"), filepath.Join(dir, "m.wasm")
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command("wat2wasm", "--enable-all", in, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm: %v\n%s", err, msg)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
