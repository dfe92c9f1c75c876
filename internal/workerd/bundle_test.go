package workerd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBundleTellsModulesFromScripts(t *testing.T) {
	for _, tc := range []struct {
		script  string
		modules bool
	}{
		{"testdata/module.js", true},
		{"testdata/service-worker.js", false},
	} {
		t.Run(tc.script, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			b, err := Bundle(tc.script, dir)
			if err != nil {
				t.Fatal(err)
			}
			if b.Modules != tc.modules {
				t.Errorf("modules = %v, want %v", b.Modules, tc.modules)
			}
			if b.Path != filepath.Join(dir, "worker.js") {
				t.Errorf("path = %s, want worker.js in %s", b.Path, dir)
			}
			if _, err := os.Stat(b.Path); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestBundleLoadsDefaultRules(t *testing.T) {
	t.Parallel()
	b, err := Bundle("testdata/module.js", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	code, err := os.ReadFile(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	// hello.txt inlined as Text, data.bin ("abc") as jsruntime's Data module.
	for _, want := range []string{`"hello\n"`, `atob("YWJj")`} {
		if !strings.Contains(string(code), want) {
			t.Errorf("bundle lacks %s:\n%s", want, code)
		}
	}
}

func TestBundleReportsMissingImport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	script := filepath.Join(dir, "w.js")
	if err := os.WriteFile(script, []byte(`import x from "./nowhere.js"; export default { fetch() { return x; } };`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Bundle(script, dir)
	if err == nil || !strings.Contains(err.Error(), "failed to bundle") || !strings.Contains(err.Error(), "nowhere.js") {
		t.Fatalf("err = %v, want a bundle error naming nowhere.js", err)
	}
}

func TestBundleLeavesCloudflareModulesToWorkerd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	script := filepath.Join(dir, "w.js")
	src := `import { WorkerEntrypoint } from "cloudflare:workers";
import { connect } from "cloudflare:sockets";
export default class extends WorkerEntrypoint { fetch() { return new Response(typeof connect); } }`
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Bundle(script, dir)
	if err != nil {
		t.Fatal(err)
	}
	code, err := os.ReadFile(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`from "cloudflare:workers"`, `from "cloudflare:sockets"`} {
		if !strings.Contains(string(code), want) {
			t.Errorf("bundle lacks the import %s:\n%s", want, code)
		}
	}
	if !b.Modules {
		t.Error("an entry point class was not taken for an ES module")
	}
}
