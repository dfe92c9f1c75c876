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
