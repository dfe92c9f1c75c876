package jsruntime_test

import (
	"testing"
)

// TestES2025Builtins checks the built-ins workerhost adds to goja give
// V8's answers (the conformance case language_builtins checks them against
// workerd in full).
func TestES2025Builtins(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, js, want string }{
		{"withResolvers", `(function (r) { return typeof r.resolve + typeof r.reject + (r.promise instanceof Promise); })(Promise.withResolvers())`, "functionfunctiontrue"},
		{"try name/length", `Promise.try.name + "/" + Promise.try.length`, "try/1"},
		{"groupBy", `JSON.stringify(Object.groupBy([1, 2, 3], function (x) { return x % 2 ? "odd" : "even"; }))`, `{"odd":[1,3],"even":[2]}`},
		{"groupBy null prototype", `Object.getPrototypeOf(Object.groupBy([], String))`, "null"},
		{"Map.groupBy", `JSON.stringify([...Map.groupBy([1, 2, 3], function (x) { return x > 1; })])`, `[[false,[1]],[true,[2,3]]]`},
		{"iterator map", `[1, 2, 3].values().map(function (x) { return x * 2; }).toArray().join()`, "2,4,6"},
		{"iterator chain", `Iterator.from({ next: function () { return { value: 1, done: false }; } }).drop(1).take(2).toArray().join()`, "1,1"},
		{"iterator reduce", `new Set([1, 2, 3]).values().reduce(function (a, b) { return a + b; })`, "6"},
		{"iterator flatMap", `[1, 2].values().flatMap(function (x) { return [x, -x]; }).toArray().join()`, "1,-1,2,-2"},
		{"abstract Iterator", `(function () { try { new Iterator(); return "no"; } catch (e) { return e.message; } })()`, "Abstract class Iterator not directly constructable"},
		{"helper tag", `Object.prototype.toString.call([].values().filter(Boolean))`, "[object Iterator Helper]"},
		{"toWellFormed", `"a\ud800b".toWellFormed() === "a\ufffdb" && !"a\ud800".isWellFormed() && "\ud83d\ude00".isWellFormed()`, "true"},
		{"RegExp.escape", `RegExp.escape("a.b*c")`, `\x61\.b\*c`},
		{"transfer", `(function (a) { var b = a.transfer(3); return [a.detached, a.byteLength, Array.from(new Uint8Array(b)).join()].join(" "); })(new Uint8Array([1, 2]).buffer)`, "true 0 1,2,0"},
		{"transfer of detached", `(function (a) { a.transfer(); try { a.transfer(); } catch (e) { return e.name + ": " + e.message; } })(new ArrayBuffer(1))`, "TypeError: Cannot perform ArrayBuffer.prototype.transfer on a detached ArrayBuffer"},
		{"non-enumerable", `Object.keys(Promise).length + Object.keys(Iterator).length + Object.keys(Object.getPrototypeOf([].values())).length`, "0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			vm, _ := run(t, "var result = String((function () { return "+tc.js+"; })());")
			if got := vm.Get("result").String(); got != tc.want {
				t.Errorf("%s = %q, want %q", tc.js, got, tc.want)
			}
		})
	}
}

// TestArrayFromAsync checks Array.fromAsync settles with the awaited
// values.
func TestArrayFromAsync(t *testing.T) {
	t.Parallel()
	vm, _ := run(t, `var result; Array.fromAsync([1, Promise.resolve(2)], function (x) { return x * 10; }).then(function (r) { result = r.join(); });`)
	if got := vm.Get("result").String(); got != "10,20" {
		t.Errorf("Array.fromAsync = %q, want 10,20", got)
	}
}

// TestDisposable checks the symbols of explicit resource management and
// SuppressedError.
func TestDisposable(t *testing.T) {
	t.Parallel()
	vm, _ := run(t, `var e = new SuppressedError(new Error("a"), 2, "m");
var result = [typeof Symbol.dispose, Symbol.asyncDispose.description, e.name, e.message, e.error.message, e.suppressed, e instanceof Error, String(e.stack).split("\n")[0]].join();`)
	if got, want := vm.Get("result").String(), "symbol,Symbol.asyncDispose,SuppressedError,m,a,2,true,SuppressedError: m"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestMathPrecision checks Math.f16round and Math.sumPrecise against the
// values workerd gives.
func TestMathPrecision(t *testing.T) {
	t.Parallel()
	vm, _ := run(t, `var result = [Math.f16round(1.337), Math.f16round(65520), Math.f16round(0.1), Math.sumPrecise([1e20, 0.1, -1e20]), Math.sumPrecise(Array(10).fill(0.1)), Object.is(Math.sumPrecise([]), -0), Math.sumPrecise([1.7976931348623157e308, 1.7976931348623157e308, -1.7976931348623157e308])].join();`)
	if got, want := vm.Get("result").String(), "1.3369140625,Infinity,0.0999755859375,0.1,1,true,1.7976931348623157e+308"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
