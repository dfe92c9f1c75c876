package jsruntime_test

import (
	"testing"

	"workerhost/jsruntime"
)

// TestSandboxRefusesCodeFromStrings checks each way to compile a string;
// the conformance cases sandbox_* compare the same with workerd.
func TestSandboxRefusesCodeFromStrings(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, js string }{
		{"direct eval", `eval("1+1")`},
		{"indirect eval", `(0, eval)("1+1")`},
		{"globalThis.eval", `globalThis.eval("1+1")`},
		{"new Function", `new Function("return 1")`},
		{"Function", `Function("return 1")`},
		{"constructor of a function", `(function () {}).constructor("return 1")`},
		{"AsyncFunction", `Object.getPrototypeOf(async function () {}).constructor("return 1")`},
		{"GeneratorFunction", `Object.getPrototypeOf(function* () {}).constructor("yield 1")`},
		{"subclass", `class F extends Function {}; new F("return 1")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			vm, _ := run(t, `var got; try { `+tc.js+`; got = "no error"; } catch (e) { got = (e instanceof EvalError) + " " + e.name + ": " + e.message; }`)
			want := "true EvalError: " + jsruntime.ErrCodeGeneration
			if got := vm.Get("got").String(); got != want {
				t.Errorf("%s: got %q, want %q", tc.js, got, want)
			}
		})
	}
}

// TestSandboxKeepsFunctionsWorking checks what must not change.
func TestSandboxKeepsFunctionsWorking(t *testing.T) {
	t.Parallel()
	vm, _ := run(t, `
		var f = function (a) { return this.x + a; };
		var got = [
			f instanceof Function, typeof Function, f.constructor === Function,
			Function.prototype.constructor === Function, f.call({x: 1}, 2), f.bind({x: 2})(2),
			typeof Function(), Function()(), eval(), String(Function), String(eval),
			(async function () {}) instanceof Function,
		].join(",");`)
	want := "true,function,true,true,3,4,function,,,function Function() { [native code] },function eval() { [native code] },true"
	if got := vm.Get("got").String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
