package jsruntime_test

import (
	"testing"

	"github.com/dop251/goja"

	"workerhost/jsruntime"
)

// jsonCases are JSON.stringify calls whose results (or thrown errors) the
// fast JSON.stringify must give exactly as goja's own does.
var jsonCases = []string{
	`1`, `-0`, `1.5`, `1e21`, `-1e-7`, `NaN`, `Infinity`, `2**53`, `"str"`,
	`'q"\\\n\t\b\f\r\u0001\u001f\u007f'`, `"é😀 ü"`, `"\ud800"`, `"a\udc00x"`, `"\ud83d\ude00"`, `"x\ud83dy\ude00"`,
	`true`, `false`, `null`, `undefined`, `Symbol("s")`, `() => 1`,
	`{a: 1, b: [1, "x", null, undefined, () => 1, Symbol()]}`,
	`{u: undefined, f() {}, s: Symbol(), n: null}`,
	`{b: 1, 2: 2, a: 3, 1: 4, "-1": 5}`,
	`[, 1, , ]`, `[]`, `{}`, `[[[[[]]]]]`, `[{}, {a: {}}]`,
	`new Date(0)`, `{d: new Date(0)}`, `[new Date(0)]`,
	`{k: {toJSON(key) { return key + "!"; }}}`, `[{toJSON(key) { return "i" + key; }}]`,
	`{toJSON() { return {toJSON() { return 1; }}; }}`,
	`{toJSON: 5, a: 1}`,
	`Object.create({inherited: 1}, {own: {value: 2, enumerable: true}, hidden: {value: 3}})`,
	`new (class { constructor() { this.x = 1; } get y() { return 2; } })()`,
	`{get x() { return "got"; }}`,
	`{[Symbol("k")]: 1, a: 2}`,
	`new Map([[1, 2]])`, `new Set([1])`, `{m: new Map(), s: new Set([1])}`,
	`new Number(3)`, `new String("s\n")`, `new Boolean(false)`, `[new Number(1), new String("x")]`,
	`new Uint8Array([1, 2])`, `{t: new Float64Array([0.5])}`,
	`new Proxy({a: 1}, {})`, `new Proxy([1, 2], {})`, `{p: new Proxy({b: [1]}, {})}`,
	`new Error("boom")`, `(function () { return arguments; })(1, 2)`, `/re/g`, `{r: /re/}`,
	`1n`, `{a: 1n}`, `[1n]`, `Object(1n)`,
	`(() => { const o = {}; o.self = o; return o; })()`,
	`(() => { const a = []; a.push({a}); return a; })()`,
	`(() => { const o = {}; return [o, o, {o}]; })()`,
	`{a: [1, {b: 2}]}, null, 2`, `{a: [1, {b: 2}]}, null, "--"`, `{a: 1, b: 2}, ["b"]`,
	`{a: 1, b: "x"}, (k, v) => typeof v === "number" ? v * 2 : v`, `{a: 1}, 5`, `{a: 1}, null, 0`,
	`(() => { const a = [1, 2]; a.extra = 3; return a; })()`,
	`(() => { const o = {a: 1}; Object.defineProperty(o, "b", {get() { delete this.c; return 2; }, enumerable: true}); o.c = 3; return o; })()`,
}

// TestFastStringifyMatchesGoja runs every case on workerhost's runtime and
// on a plain goja runtime and compares what each returned or threw.
func TestFastStringifyMatchesGoja(t *testing.T) {
	t.Parallel()
	r := jsruntime.New(jsruntime.Options{})
	defer r.Stop()
	plain := goja.New()
	for _, c := range jsonCases {
		src := `(() => { try { const r = JSON.stringify(` + c + `); return typeof r + ":" + r; } catch (e) { return "threw " + e.name + ": " + e.message; } })()`
		want, err := plain.RunString(src)
		if err != nil {
			t.Fatalf("goja: %s: %v", c, err)
		}
		var got string
		if err := r.RunUntilIdle(func(vm *goja.Runtime) error {
			v, err := vm.RunString(src)
			if err == nil {
				got = v.String()
			}
			return err
		}); err != nil {
			t.Fatalf("workerhost: %s: %v", c, err)
		}
		if got != want.String() {
			t.Errorf("JSON.stringify(%s)\n got %s\nwant %s", c, got, want)
		}
	}
}

func TestFastStringifyLooksBuiltIn(t *testing.T) {
	t.Parallel()
	r := jsruntime.New(jsruntime.Options{})
	defer r.Stop()
	var got string
	if err := r.RunUntilIdle(func(vm *goja.Runtime) error {
		v, err := vm.RunString(`const deep = Array.from({length: 100000}).reduce((a) => [a], []);
			let outcome;
			try { outcome = typeof JSON.stringify(deep); } catch (e) { outcome = e.name + ": " + e.message; }
			[JSON.stringify.name, JSON.stringify.length, Object.keys(JSON).length, outcome].join()`)
		if err == nil {
			got = v.String()
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if want := "stringify,3,0,RangeError: Maximum call stack size exceeded"; got != want {
		t.Errorf("name, length, enumerable keys of JSON, 100,000 levels deep = %s, want %s", got, want)
	}
}
