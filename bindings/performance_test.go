package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// performance.now() is workerd's clock: Date.now()'s whole milliseconds,
// with timeOrigin 0 (see performance.go).
func TestPerformance(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "performance_test.js", `(async () => {
		const before = Date.now();
		const a = performance.now();
		const after = Date.now();
		assertEq(Number.isInteger(a), true, "whole milliseconds");
		assertEq(before <= a && a <= after, true, "Date.now()'s clock");
		assertEq(performance.timeOrigin, 0, "timeOrigin");
		await new Promise((resolve) => setTimeout(resolve, 20));
		assertEq(performance.now() - a >= 20, true, "advances with time");
		assertEq(JSON.stringify(performance), '{"timeOrigin":0}', "toJSON");
		assertEq(performance instanceof Performance && performance instanceof EventTarget, true, "an EventTarget");
		assertEq(String(performance), "[object Performance]", "toStringTag");
		assertThrows(() => new Performance(), "TypeError", "Illegal constructor");
		const now = performance.now;
		assertEq(assertThrows(() => now(), "TypeError").message.startsWith("Illegal invocation"), true, "brand check");
		let got;
		performance.addEventListener("x", (e) => { got = e.type; });
		performance.dispatchEvent(new Event("x"));
		assertEq(got, "x", "listeners");
	})()`)
}
