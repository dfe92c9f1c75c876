package jsruntime_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

func bundle(t *testing.T, entry string) *jsruntime.Script {
	t.Helper()
	s, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: entry})
	if err != nil {
		t.Fatalf("Bundle(%s): %v", entry, err)
	}
	return s
}

func TestBundleServiceWorkerKeepsGlobals(t *testing.T) {
	t.Parallel()
	s := bundle(t, "testdata/sw.js")
	if s.Modules {
		t.Fatal("service-worker script detected as modules")
	}
	r := jsruntime.New(jsruntime.Options{})
	defer r.Stop()
	err := r.RunUntilIdle(func(vm *goja.Runtime) error {
		if _, err := r.RunScript(s); err != nil {
			return err
		}
		if got := vm.Get("result").String(); got != "hello sw" {
			t.Errorf("result = %q", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Inputs) != 2 {
		t.Errorf("inputs = %v, want sw.js and lib.js", s.Inputs)
	}
}

func TestBundleModuleExportsAndClassFields(t *testing.T) {
	t.Parallel()
	s := bundle(t, "testdata/mod.js")
	if !s.Modules {
		t.Fatal("module not detected")
	}
	r := jsruntime.New(jsruntime.Options{})
	defer r.Stop()
	err := r.RunUntilIdle(func(vm *goja.Runtime) error {
		ns, err := r.RunScript(s)
		if err != nil {
			return err
		}
		def := ns.Get("default").ToObject(vm)
		fetch, _ := goja.AssertFunction(def.Get("fetch"))
		v, err := fetch(def)
		if err != nil {
			return err
		}
		if v.String() != "hello modab2" {
			t.Errorf("fetch() = %q", v)
		}
		fail, _ := goja.AssertFunction(def.Get("fail"))
		_, err = fail(def)
		got := jsruntime.FormatError(err)
		if !strings.Contains(got, "Error: boom in lib") || !strings.Contains(got, "testdata/lib.js:5:") {
			t.Errorf("stack not source-mapped to lib.js:5:\n%s", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestBundleSyntaxErrorNamesFileAndLine(t *testing.T) {
	t.Parallel()
	_, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: "testdata/syntax.js"})
	var se *jsruntime.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want *ScriptError", err)
	}
	if se.File != "testdata/syntax.js" || se.Line != 2 || se.Source != "const b = a +* 2;" {
		t.Errorf("got %+v", se)
	}
	if !strings.HasPrefix(err.Error(), "testdata/syntax.js:2:") {
		t.Errorf("message = %q", err.Error())
	}
}

func TestRunScriptTopLevelThrowIsPositioned(t *testing.T) {
	t.Parallel()
	s := bundle(t, "testdata/toplevel_throw.js")
	r := jsruntime.New(jsruntime.Options{})
	defer r.Stop()
	err := r.RunUntilIdle(func(*goja.Runtime) error {
		_, err := r.RunScript(s)
		return err
	})
	var se *jsruntime.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want *ScriptError", err)
	}
	if se.Line != 3 || !strings.Contains(se.Text, "TypeError: top level 1") {
		t.Errorf("got %+v (%v)", se, err)
	}
}

func TestBundleUnresolvedImport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir+"/w.js", "import x from 'no-such-package';\nexport default { fetch() { return x } };\n")
	_, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: dir + "/w.js"})
	if err == nil || !strings.Contains(err.Error(), `Could not resolve "no-such-package"`) {
		t.Fatalf("err = %v", err)
	}
}

func TestBundleResolvesNpmPackagesWithWorkerdCondition(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	pkg := dir + "/node_modules/dual"
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, pkg+"/package.json", `{"name":"dual","exports":{".":{"workerd":"./workerd.js","node":"./node.js","default":"./default.js"}}}`)
	writeFile(t, pkg+"/workerd.js", "export const flavour = 'workerd';\n")
	writeFile(t, pkg+"/node.js", "export const flavour = 'node';\n")
	writeFile(t, pkg+"/default.js", "export const flavour = 'default';\n")
	writeFile(t, dir+"/page.html", "<p>hi</p>\n")
	writeFile(t, dir+"/w.js", "import { flavour } from 'dual';\nimport page from './page.html';\nexport default { fetch() { return flavour + ' ' + page.trim(); } };\n")
	if got := callFetch(t, bundle(t, dir+"/w.js"), ""); got != "workerd <p>hi</p>" {
		t.Errorf("got %q", got)
	}
}

// callFetch runs a module bundle after prelude and returns what its default
// export's fetch() returns, as a string.
func callFetch(t *testing.T, s *jsruntime.Script, prelude string) string {
	t.Helper()
	r := jsruntime.New(jsruntime.Options{})
	defer r.Stop()
	var out string
	err := r.RunUntilIdle(func(vm *goja.Runtime) error {
		if _, err := vm.RunString(prelude); err != nil {
			return err
		}
		ns, err := r.RunScript(s)
		if err != nil {
			return err
		}
		def := ns.Get("default").ToObject(vm)
		fetch, _ := goja.AssertFunction(def.Get("fetch"))
		v, err := fetch(def)
		if err == nil {
			out = v.String()
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestModuleRules(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir+"/data.bin", "\x00\x01\xff")
	writeFile(t, dir+"/notes.md", "# notes\n")
	writeFile(t, dir+"/w.ts", "import bin from './data.bin';\nimport md from './notes.md';\nconst n: number = new Uint8Array(bin as ArrayBuffer).length;\nexport default { fetch() { return Object.prototype.toString.call(bin) + ' ' + n + ' ' + md.trim(); } };\n")
	s, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: dir + "/w.ts", Rules: []jsruntime.Rule{{Type: "Text", Globs: []string{"**/*.md"}}}})
	if err != nil {
		t.Fatal(err)
	}
	// atob comes from package bindings; a stand-in is enough here.
	if got := callFetch(t, s, "globalThis.atob = (s) => String.fromCharCode(0, 1, 255);"); got != "[object ArrayBuffer] 3 # notes" {
		t.Errorf("got %q", got)
	}
	_, err = jsruntime.Bundle(jsruntime.BundleOptions{Entry: dir + "/w.ts", Rules: []jsruntime.Rule{{Type: "CommonJS", Globs: []string{"**/*.cjs"}}}})
	if err == nil || !strings.Contains(err.Error(), `module rule type "CommonJS" (for **/*.cjs) is not supported yet`) {
		t.Errorf("err = %v", err)
	}
}

func TestCompiledWasmModules(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	empty := "\x00asm\x01\x00\x00\x00"
	writeFile(t, dir+"/a.wasm", empty)
	if err := os.Mkdir(dir+"/lib", 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir+"/lib/b.wasm", empty)
	writeFile(t, dir+"/w.js", "import a from './a.wasm';\nimport b from './lib/b.wasm?module';\nexport default { fetch() { return a + ' ' + b; } };\n")
	s, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: dir + "/w.js", WorkingDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Wasm) != 2 || string(s.Wasm["a.wasm"]) != empty || string(s.Wasm[filepath.Join("lib", "b.wasm")]) != empty {
		t.Errorf("Wasm = %q", s.Wasm)
	}
	got := callFetch(t, s, "globalThis[Symbol.for("+strconv.Quote(jsruntime.WasmModuleKey)+")] = (name) => 'module ' + name;")
	if want := "module a.wasm module " + filepath.Join("lib", "b.wasm"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestBundleRunsClassFieldsNatively(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		entry, want string
		native      bool
	}{
		{"testdata/class_fields.js", "1,,static get,1,true,false,assigned,set+get+async", true},
		{"testdata/class_private_get.js", "42", false},
		{"testdata/mod.js", "hello modab2", true},
	} {
		s := bundle(t, c.entry)
		if native := !strings.Contains(s.Code, "__privateAdd("); native != c.native {
			t.Errorf("%s: class fields native = %v, want %v", c.entry, native, c.native)
		}
		if got := fetchString(t, s); got != c.want {
			t.Errorf("%s: fetch() = %q, want %q", c.entry, got, c.want)
		}
	}
}

// fetchString runs a module worker's default.fetch() and returns its result.
func fetchString(t *testing.T, s *jsruntime.Script) string {
	t.Helper()
	r := jsruntime.New(jsruntime.Options{})
	defer r.Stop()
	var got string
	err := r.RunUntilIdle(func(vm *goja.Runtime) error {
		ns, err := r.RunScript(s)
		if err != nil {
			return err
		}
		def := ns.Get("default").ToObject(vm)
		fetch, _ := goja.AssertFunction(def.Get("fetch"))
		v, err := fetch(def)
		if err != nil {
			return err
		}
		got = v.String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}
