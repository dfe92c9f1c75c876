package bindings_test

import (
	"strings"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// The brand check accepts only the object that owns the hidden state slot.
// What workerd throws for Object.create(instance) and a Proxy is covered by
// the conformance case brand_checks; this covers what only workerhost has,
// the slot itself: scripts can find its symbol, but it cannot be forged onto
// another object, and a Proxy's traps never see it.
func TestBrandCheckNeedsAnOwnSlot(t *testing.T) {
	t.Parallel()
	out := bindingstest.Run(t, bindings.Options{}, "class_test.js", `
		const illegal = "Illegal invocation: function called with incorrect \u0060this\u0060 reference. See https://developers.cloudflare.com/workers/observability/errors/#illegal-invocation-errors for details.";
		const h = new Headers({ a: "1" });
		const [slot] = Object.getOwnPropertySymbols(h);
		const forged = Object.create(Headers.prototype);
		Object.defineProperty(forged, slot, { value: h[slot] });
		assertThrows(() => forged.get("a"), "TypeError", illegal, "copied slot");
		const keys = [];
		const spy = new Proxy(h, {
			get(target, key) { keys.push(String(key)); return Reflect.get(target, key); },
			getOwnPropertyDescriptor(target, key) { keys.push(String(key)); return Reflect.getOwnPropertyDescriptor(target, key); },
		});
		assertThrows(() => Headers.prototype.get.call(spy, "a"), "TypeError", illegal, "proxy");
		assertEq(keys.join(), "", "keys a proxy's traps saw");
		class Twice extends Headers {}
		const t = new Twice({ b: "2" });
		const child = Object.create(t);
		assertEq(t.get("b"), "2", "subclass instance");
		assertThrows(() => child.get("b"), "TypeError", illegal, "object inheriting from a subclass instance");
		console.log(Object.create(h), Object.create(new Response("x")));
	`)
	if want := "Headers {} Response {}"; !strings.Contains(out, want) {
		t.Errorf("console.log of objects inheriting from instances printed %q, want %q", out, want)
	}
}
