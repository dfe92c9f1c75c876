package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestCustomEvent(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "custom_event_test.js", `
		const e = new CustomEvent("x", { detail: { a: 1 }, bubbles: true });
		assertEq(JSON.stringify([e.type, e.detail, e.bubbles, new CustomEvent("y").detail, e instanceof Event, String(e)]), '["x",{"a":1},true,null,true,"[object CustomEvent]"]', "CustomEvent");
		assertThrows(() => new CustomEvent(), "TypeError", "Failed to construct 'CustomEvent': constructor parameter 1 is not of type 'string'.");
		const et = new EventTarget();
		let got;
		et.addEventListener("x", (ev) => { got = ev.detail; });
		et.dispatchEvent(new CustomEvent("x", { detail: 7 }));
		assertEq(got, 7, "detail reaches the listener");
	`)
}

func TestReportError(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "report_error_test.js", `
		const seen = [];
		const listener = (ev) => seen.push([ev.constructor.name, ev.message, ev.error, ev.cancelable, ev.lineno > 0]);
		addEventListener("error", listener);
		const err = new Error("boom");
		assertEq(reportError(err), undefined, "returns undefined");
		reportError("plain");
		removeEventListener("error", listener);
		reportError(new Error("nobody listens"));
		assertEq(seen.length, 2, "one event each");
		assertEq(JSON.stringify(seen[0].slice(0, 2).concat(seen[0].slice(3))), '["ErrorEvent","Uncaught Error: boom",false,true]', "event");
		assertEq(seen[0][2], err, "error");
		assertEq(seen[1][1], "Uncaught plain", "a string");
		assertThrows(() => reportError(), "TypeError", "Failed to execute 'reportError' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'Value'.");
	`)
}
