package jsruntime_test

// ScriptError's rendering is checked against testdata/script_error.golden.
// After changing it, regenerate with
//
//	go test ./jsruntime -run TestScriptErrorRendering -update
//
// and review the diff.

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"workerhost/jsruntime"
)

var update = flag.Bool("update", false, "rewrite testdata/script_error.golden")

// minifiedLine is one 15 KB line of generated minified code.
func minifiedLine() string {
	var b strings.Builder
	for i := 0; b.Len() < 15000; i++ {
		b.WriteString("var a" + strings.Repeat("x", i%7) + "=function(t){return t+1};")
	}
	return b.String()
}

func TestScriptErrorRendering(t *testing.T) {
	t.Parallel()
	long := minifiedLine()
	errs := []*jsruntime.ScriptError{
		{File: "w.js", Line: 2, Column: 12, Text: "Expected \";\" but found \"x\"", Source: "const a = 1 x;"},
		{File: "w.js", Line: 3, Column: 2, Text: "tab", Source: "\t\tfoo(;"},
		{File: "w.js", Text: "no position"},
		{File: "shim.mjs", Line: 1, Column: 7500, Text: "in the middle of a minified line", Source: long},
		{File: "shim.mjs", Line: 1, Column: 10, Text: "near the start of a minified line", Source: long},
		{File: "shim.mjs", Line: 1, Column: len(long) - 5, Text: "near the end of a minified line", Source: long},
		{File: "u.js", Line: 1, Column: len("é") * 100, Text: "after multi-byte characters", Source: strings.Repeat("é", 200)},
	}
	var b strings.Builder
	for _, e := range errs {
		b.WriteString(e.Error() + "\n\n")
	}
	path := filepath.Join("testdata", "script_error.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("rendering differs from %s (run with -update and review the diff):\n%s", path, b.String())
	}
}

// TestSyntaxErrorInMinifiedLineShowsAWindow bundles a 15 KB line with a
// syntax error in its middle: the message shows the code around the
// column, not the whole line.
func TestSyntaxErrorInMinifiedLineShowsAWindow(t *testing.T) {
	t.Parallel()
	long := minifiedLine()
	mid := strings.Index(long[7000:], ";") + 7000
	src := long[:mid] + " return return " + long[mid:] + "\n"
	path := filepath.Join(t.TempDir(), "shim.mjs")
	writeFile(t, path, src)
	_, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: path})
	var se *jsruntime.ScriptError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a *ScriptError", err)
	}
	msg := err.Error()
	lines := strings.Split(msg, "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 lines (position, source, caret), got:\n%s", msg)
	}
	for _, l := range lines[1:] {
		if n := utf8.RuneCountInString(l); n > 100 {
			t.Errorf("line of %d characters:\n%s", n, l)
		}
	}
	if !strings.Contains(lines[1], "…") || !strings.HasSuffix(lines[1], "…") || !strings.Contains(lines[1], "return return") {
		t.Errorf("source line is not a window around the error:\n%s", msg)
	}
	caret := strings.Index(lines[2], "^")
	if got := string([]rune(lines[1])[utf8.RuneCountInString(lines[2][:caret]):][:6]); got != "return" {
		t.Errorf("caret points at %q, want the second return:\n%s", got, msg)
	}
}
