package bindings_test

import (
	"strings"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestEventTargetAsWorkerd(t *testing.T) {
	t.Parallel()
	out := bindingstest.Run(t, bindings.Options{}, "events_test.js", `
		const target = new EventTarget();
		const calls = [];
		const once = () => calls.push("once");
		target.addEventListener("x", once, { once: true });
		target.addEventListener("x", (e) => calls.push("fn " + e.type + " " + (e.target === target) + " " + e.isTrusted));
		target.addEventListener("x", { handleEvent(e) { calls.push("object " + (this !== target)); } });
		target.onx = () => calls.push("on-handler first");
		target.dispatchEvent(new Event("x"));
		target.dispatchEvent(new Event("x"));
		assertEq(calls.join("|"), "on-handler first|once|fn x true false|object true|on-handler first|fn x true false|object true", "order");
		assertThrows(() => target.addEventListener("x", () => {}, true), "TypeError", "addEventListener(): useCapture must be false.");
		assertThrows(() => target.addEventListener("x", () => {}, { capture: true }), "TypeError", "addEventListener(): options.capture must be false.");
		assertThrows(() => target.addEventListener("x", () => {}, { passive: true }), "TypeError", "addEventListener(): options.passive must be false.");
		const cancel = new Event("c", { cancelable: true });
		target.addEventListener("c", (e) => e.preventDefault());
		assertEq(target.dispatchEvent(cancel), false, "dispatch returns !defaultPrevented");
		const stop = new EventTarget(); const seen = [];
		stop.addEventListener("s", (e) => { seen.push(1); e.stopImmediatePropagation(); });
		stop.addEventListener("s", () => seen.push(2));
		stop.dispatchEvent(new Event("s"));
		assertEq(seen.join(), "1", "stopImmediatePropagation");
		const thrower = new EventTarget();
		thrower.addEventListener("t", () => { throw new RangeError("from listener"); });
		assertThrows(() => thrower.dispatchEvent(new Event("t")), "RangeError", "from listener");
		const ce = new CloseEvent("close", { code: 4000, reason: "r", wasClean: true });
		assertEq([ce.code, ce.reason, ce.wasClean, ce instanceof Event].join(), "4000,r,true,true", "CloseEvent");
		const me = new MessageEvent("message", { data: "d" });
		assertEq([me.data, me.origin, me.lastEventId, me.ports.length].join(), "d,,,0", "MessageEvent");
		const ee = new ErrorEvent("error", { message: "m", error: 1 });
		assertEq([ee.message, ee.error, ee.lineno].join(), "m,1,0", "ErrorEvent");
		class Custom extends EventTarget { ping() { this.dispatchEvent(new Event("ping")); } }
		const c = new Custom(); let pinged = false; c.addEventListener("ping", () => { pinged = true; }); c.ping();
		assertEq(pinged, true, "subclass");
		addEventListener("g", () => console.log("global listener ran"));
		dispatchEvent(new Event("g"));
		target.addEventListener("async", async () => {});
		target.dispatchEvent(new Event("async"));
	`)
	for _, want := range []string{"global listener ran", "An event handler returned a promise that will be ignored."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
