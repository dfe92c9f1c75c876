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
		const a = performance.now();
		assertEq(Number.isInteger(a), true, "whole milliseconds");
		assertEq(Math.abs(a - Date.now()) <= 1, true, "Date.now()'s clock");
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
