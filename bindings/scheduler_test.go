package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestSchedulerWait(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "scheduler_test.js", `(async () => {
		assertEq(String(scheduler), "[object Scheduler]", "toStringTag");
		assertEq(typeof globalThis.Scheduler, "undefined", "Scheduler is not a global");
		const start = Date.now();
		const p = scheduler.wait(20);
		assertEq(p instanceof Promise, true, "a promise");
		assertEq(await p, undefined, "resolves to undefined");
		assertEq(Date.now() - start >= 19, true, "waited");
		assertEq(await scheduler.wait("x"), undefined, "NaN waits 0");
		assertThrows(() => scheduler.wait(), "TypeError", "Failed to execute 'wait' on 'Scheduler': parameter 1 is not of type 'number'.");
		const ac = new AbortController();
		const aborted = scheduler.wait(10000, { signal: ac.signal });
		ac.abort();
		await assertRejects(aborted, "DOMException");
		await assertRejects(scheduler.wait(1, { signal: AbortSignal.abort(new RangeError("r")) }), "RangeError", "r");
	})()`)
}

func TestSetImmediate(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "immediate_test.js", `(async () => {
		const order = [];
		const h = setImmediate((a, b) => order.push("immediate" + a + b), 1, 2);
		setTimeout(() => order.push("timeout"), 0);
		Promise.resolve().then(() => order.push("microtask"));
		const cleared = setImmediate(() => order.push("cleared"));
		clearImmediate(cleared);
		assertEq(cleared.hasRef(), false, "a cleared immediate");
		assertEq(String(h), "[object Immediate]", "toStringTag");
		await new Promise((resolve) => setTimeout(resolve, 10));
		assertEq(order.join(), "microtask,immediate12,timeout", "order");
		assertEq(clearImmediate(undefined), undefined, "clearImmediate(undefined)");
		clearImmediate(h);
		assertThrows(() => setImmediate("x"), "TypeError", "Failed to execute 'setImmediate' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'function'.");
		assertThrows(() => clearImmediate(5), "TypeError", "Failed to execute 'clearImmediate' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'Immediate'.");
	})()`)
}
