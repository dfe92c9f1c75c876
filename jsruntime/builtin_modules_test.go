package jsruntime_test

import (
	"errors"
	"strings"
	"testing"

	"workerhost/jsruntime"
)

func TestBundleResolvesBuiltinModules(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir+"/w.js", "import { greeting } from 'host:greeting';\nimport * as all from 'host:greeting';\nexport default { fetch() { return greeting + ' ' + Object.keys(all).join(','); } };\n")
	builtins := map[string]string{"host:greeting": "export const greeting = globalThis.hostGreeting;\nexport const other = 1;\n"}
	s, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: dir + "/w.js", Builtins: builtins})
	if err != nil {
		t.Fatal(err)
	}
	if got := callFetch(t, s, "globalThis.hostGreeting = 'hi';"); got != "hi greeting,other" {
		t.Errorf("got %q", got)
	}
	if len(s.Inputs) != 1 || !strings.HasSuffix(s.Inputs[0], "w.js") {
		t.Errorf("Inputs = %q, want only the file", s.Inputs)
	}
}

func TestBundleRefusesMissingBuiltinExport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir+"/w.js", "import { nope } from 'host:greeting';\nexport default { fetch() { return nope; } };\n")
	builtins := map[string]string{"host:greeting": "export const greeting = 1;\n"}
	_, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: dir + "/w.js", Builtins: builtins})
	var se *jsruntime.ScriptError
	if err == nil || !strings.Contains(err.Error(), `No matching export in "host:greeting" for import "nope"`) {
		t.Fatalf("err = %v", err)
	}
	if !errors.As(err, &se) || se.Line != 1 {
		t.Errorf("err = %#v, want a ScriptError at line 1", err)
	}
}

func TestBundleWithoutBuiltinsCannotResolveThem(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir+"/w.js", "import { greeting } from 'host:greeting';\nexport default { fetch() { return greeting; } };\n")
	_, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: dir + "/w.js"})
	if err == nil || !strings.Contains(err.Error(), `Could not resolve "host:greeting"`) {
		t.Fatalf("err = %v", err)
	}
}
