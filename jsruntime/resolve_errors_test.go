package jsruntime_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// TestBundleErrorsAdviseTheUser checks the messages a new user meets when
// an import or the script path is wrong: what is missing and what to run,
// never esbuild's advice to its own callers.
func TestBundleErrorsAdviseTheUser(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, imp, packageJSON, want string
	}{
		{"package not installed", "hono", "", "Could not resolve \"hono\": the package \"hono\" is not installed; run `npm install hono`"},
		{"scoped package with a path", "@scope/pkg/sub", "", "Could not resolve \"@scope/pkg/sub\": the package \"@scope/pkg\" is not installed; run `npm install @scope/pkg`"},
		{"listed in package.json", "hono", `{"dependencies": {"hono": "^4.0.0"}}`, "Could not resolve \"hono\": the package \"hono\" is in package.json but not installed; run `npm install`"},
		{"node: module", "node:fs", "", `Could not resolve "node:fs": "node:fs" is a Node.js built-in module. Workers provide it with the "nodejs_compat" compatibility flag (the default from 2026-08-04); workerhost provides some of Node.js's modules under that flag, and not this one, or the flag is off`},
		{"node: module Node.js lacks", "node:nonexistent", "", `Could not resolve "node:nonexistent": No such module "node:nonexistent".`},
		{"bare Node.js module", "fs", "", `Could not resolve "fs": "fs" is a Node.js built-in module.`},
		{"relative file", "./missing.js", "", `Could not resolve "./missing.js"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			if tc.packageJSON != "" {
				writeFile(t, filepath.Join(dir, "package.json"), tc.packageJSON)
			}
			entry := filepath.Join(dir, "w.js")
			writeFile(t, entry, "import x from '"+tc.imp+"';\nexport default { fetch() { return x } };\n")
			_, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: entry})
			var se *jsruntime.ScriptError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a *ScriptError", err)
			}
			if !strings.HasPrefix(se.Text, tc.want) || se.Line != 1 {
				t.Errorf("got %q at line %d, want %q", se.Text, se.Line, tc.want)
			}
			for _, advice := range []string{"external", "api.Platform", "bundle for node"} {
				if strings.Contains(err.Error(), advice) {
					t.Errorf("esbuild's advice %q reached the user: %v", advice, err)
				}
			}
		})
	}
}

func TestBundleEntryThatIsNotAFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range []struct{ entry, want string }{
		{dir, dir + ": is a directory, not a script: give the worker's entry file (such as " + filepath.Join(dir, "src", "index.js") + ")"},
		{filepath.Join(dir, "nope.js"), filepath.Join(dir, "nope.js") + ": no such file"},
	} {
		_, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: tc.entry})
		var se *jsruntime.ScriptError
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to start with %q", tc.entry, err, tc.want)
		}
	}
}

// TestTopLevelErrorPointsAtTheImportedFile throws from a module in a
// subdirectory: the position and line shown are those of that file.
func TestTopLevelErrorPointsAtTheImportedFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "src", "lib.js"), "export function make() {\n  return new Uint8Array(-1);\n}\n")
	writeFile(t, filepath.Join(dir, "src", "index.js"), "import { make } from './lib.js';\nmake();\nexport default { fetch() {} };\n")
	s, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: "src/index.js", WorkingDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	r := jsruntime.New(jsruntime.Options{})
	defer r.Stop()
	err = r.RunUntilIdle(func(*goja.Runtime) error {
		_, err := r.RunScript(s)
		return err
	})
	var se *jsruntime.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a *ScriptError", err)
	}
	want := "src/lib.js:2:10: Uncaught RangeError"
	if !strings.HasPrefix(err.Error(), want) || se.Source != "  return new Uint8Array(-1);" {
		t.Errorf("got:\n%v\nwant it to start with %q and show line 2", err, want)
	}
}
