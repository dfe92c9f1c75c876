package jsruntime_test

import (
	"strings"
	"testing"

	"workerhost/jsruntime"
)

// TestErrorStackIsV8s checks a constructed error's stack is V8's, with the
// positions of the user's source file (the bundle's source map applied)
// and 1-based columns, as error reporters parse it.
func TestErrorStackIsV8s(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, dir+"/w.js", `import { make } from "./lib.js";
function outer() {
  return make();
}
export default { fetch() { return outer().stack; } };
`)
	writeFile(t, dir+"/lib.js", "// a line before\nexport function make() {\n  return new TypeError(\"bad\");\n}\n")
	s, err := jsruntime.Bundle(jsruntime.BundleOptions{Entry: dir + "/w.js"})
	if err != nil {
		t.Fatal(err)
	}
	got := callFetch(t, s, "")
	want := "TypeError: bad\n    at make (" + dir + "/lib.js:3:10)\n    at outer (" + dir + "/w.js:3:"
	if !strings.HasPrefix(got, want) || !strings.Contains(got, "\n    at fetch ("+dir+"/w.js:5:") {
		t.Errorf("stack = %q, want it to start %q and end at fetch (w.js:5:…)", got, want)
	}
}

// TestCaptureStackTrace checks Error.captureStackTrace, its fn argument
// and Error.stackTraceLimit.
func TestCaptureStackTrace(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"frames below fn", `(function () {
			function a() { var o = {}; b(o); return o.stack; }
			function b(o) { c(o); }
			function c(o) { Error.captureStackTrace(o, c); }
			return a().split("\n").slice(0, 3).map(function (l) { return l.replace(/ \(.*/, ""); }).join("|");
		})()`, "Error|    at b|    at a"},
		{"header from name and message", `(function () { var o = { name: "N", message: "m" }; Error.captureStackTrace(o); return o.stack.split("\n")[0]; })()`, "N: m"},
		{"limit", `(function () { Error.stackTraceLimit = 1; try { return new Error("x").stack.split("\n").length; } finally { Error.stackTraceLimit = 10; } })()`, "2"},
		{"not an object", `(function () { try { Error.captureStackTrace(1); } catch (e) { return e.name + ": " + e.message; } })()`, "TypeError: invalid_argument"},
		{"constructors stay linked", `[Object.getPrototypeOf(RangeError) === Error, RangeError.prototype.constructor === RangeError, Error.prototype.constructor === Error, typeof Error.isError].join()`, "true,true,true,function"},
		{"engine errors are instances", `(function () { try { null.x; } catch (e) { return (e instanceof TypeError) + " " + (e.constructor === TypeError); } })()`, "true true"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			vm, _ := run(t, "var result = String("+tc.js+");")
			if got := vm.Get("result").String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
