package bindings_test

import (
	"strings"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestConsoleFormatsLikeWorkerd(t *testing.T) {
	t.Parallel()
	out := bindingstest.Run(t, bindings.Options{}, "console_test.js", `
		console.log("hello", 1, { a: 1, b: [1, 2] }, new Map([[1, 2]]));
		console.log("%s is %d years", "Bob", 42, "extra");
		console.log(null, undefined, true, "s", ["x", 'y\'s'], new Set(["a"]));
		console.log({ nested: { deeper: { deepest: { gone: 1 } } } });
		console.log(new Response("x", { status: 201 }).status, new Headers({ A: "b" }).get("a"));
		const o = {}; o.self = o; console.log(o);
		console.log(new Uint8Array([1, 2]), function named() {}, class K {});
		console.error(new Error("boom").message);
		console.log(new Headers({ B: "2", a: "1" }), new URL("http://h/p?q=1"));
	`)
	want := []string{
		"hello 1 { a: 1, b: [ 1, 2 ] } Map(1) { 1 => 2 }",
		"Bob is 42 years extra",
		`null undefined true s [ 'x', "y's" ] Set(1) { 'a' }`,
		"{ nested: { deeper: { deepest: [Object] } } }",
		"201 b",
		"{ self: [Circular *1] }",
		"Uint8Array(2) [ 1, 2 ] [Function: named] [class K]",
		"boom",
		"Headers(2) { 'a' => '1', 'b' => '2' } URL { href: 'http://h/p?q=1' }",
	}
	if got := strings.Split(strings.TrimRight(out, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("console output:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestConsoleGroupsCountersTimersAndTables(t *testing.T) {
	t.Parallel()
	out := bindingstest.Run(t, bindings.Options{}, "console_extras_test.js", `
		console.group("outer");
		console.log("one\ntwo");
		console.groupCollapsed();
		console.info("deeper");
		console.groupEnd();
		console.groupEnd();
		console.groupEnd();
		console.log("back");
		console.count(); console.count(); console.count("x"); console.countReset("x"); console.count("x");
		console.countReset("nope");
		console.time("t"); console.time("t"); console.timeLog("t", "so far", 1); console.timeEnd("t"); console.timeEnd("t");
		console.dir({ a: [1] });
		console.table([{ a: 1, b: "x" }, { b: "yy", c: true }, 7]);
		console.table({ r: { c: 1, d: 2 } }, ["d"]);
		console.table("not tabular");
		function where() { console.trace("here", 1); }
		where();
		console.clear(); console.profile(); console.profileEnd(); console.timeStamp();
		console.log(Object.prototype.toString.call(console), console.context() === console);
	`)
	want := []string{
		"outer",
		"  one",
		"  two",
		"    deeper",
		"back",
		"default: 1",
		"default: 2",
		"x: 1",
		"x: 1",
		"Count for 'nope' does not exist",
		"Warning: Label 't' already exists for console.time()",
		"t: #ms so far 1",
		"t: #ms",
		"Warning: No such label 't' for console.timeEnd()",
		"{ a: [ 1 ] }",
		"┌─────────┬───┬──────┬──────┬────────┐",
		"│ (index) │ a │ b    │ c    │ Values │",
		"├─────────┼───┼──────┼──────┼────────┤",
		"│ 0       │ 1 │ 'x'  │      │        │",
		"│ 1       │   │ 'yy' │ true │        │",
		"│ 2       │   │      │      │ 7      │",
		"└─────────┴───┴──────┴──────┴────────┘",
		"┌─────────┬───┐",
		"│ (index) │ d │",
		"├─────────┼───┤",
		"│ r       │ 2 │",
		"└─────────┴───┘",
		"not tabular",
		"Trace: here 1",
		"    at where (console_extras_test.js:17:35)",
		"    at console_extras_test.js:18:8",
		"[object console] true",
	}
	got := strings.Split(strings.TrimRight(out, "\n"), "\n")
	for i, line := range got {
		if i < len(want) && strings.Contains(want[i], "#ms") {
			if ms := strings.Fields(line); len(ms) > 1 && strings.HasSuffix(ms[1], "ms") {
				got[i] = strings.Replace(line, ms[1], "#ms", 1)
			}
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("console output:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
