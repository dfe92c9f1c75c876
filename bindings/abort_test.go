package bindings_test

import (
	"testing"
	"testing/synctest"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
	"workerhost/internal/config"
)

// The default reasons' names, messages and codes are workerd's (see
// abort.go).
func TestAbortSignal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, js string }{
		{"abort without reason", `
			const c = new AbortController();
			const s = c.signal;
			assertEq(s.aborted, false, "aborted before");
			assertEq(s.reason, undefined, "reason before");
			s.throwIfAborted();
			c.abort();
			assertEq(s.aborted, true, "aborted");
			const r = s.reason;
			assertEq(r instanceof DOMException && r instanceof Error, true, "reason is a DOMException");
			assertEq([r.name, r.message, r.code].join("|"), "AbortError|The operation was aborted|20", "default reason");
			assertEq(assertThrows(() => s.throwIfAborted(), "DOMException", "The operation was aborted"), r, "throwIfAborted throws the reason");
			assertEq(c.signal, s, "one signal per controller");
		`},
		{"abort with reason", `
			const c = new AbortController();
			const reason = new RangeError("stop");
			c.abort(reason);
			assertEq(c.signal.reason, reason, "reason kept as given");
			assertEq(assertThrows(() => c.signal.throwIfAborted(), "RangeError", "stop"), reason, "throwIfAborted");
			const d = new AbortController();
			d.abort("plain string");
			let caught;
			try { d.signal.throwIfAborted(); } catch (e) { caught = e; }
			assertEq(caught, "plain string", "a non-Error reason is thrown as is");
			const u = new AbortController();
			u.abort(undefined);
			assertEq(u.signal.reason.name, "AbortError", "undefined means the default reason");
		`},
		{"abort event fires once", `
			const c = new AbortController();
			const s = c.signal;
			assertEq(s.onabort, null, "onabort before");
			const seen = [];
			s.addEventListener("abort", (e) => {
				seen.push("listener");
				assertEq([e.type, e.target === s, e.isTrusted, s.aborted, s.reason].join(), "abort,true,true,true,first", "event and state in listener");
			});
			const handler = (e) => seen.push("onabort " + e.type);
			s.onabort = handler;
			assertEq(s.onabort, handler, "onabort getter");
			c.abort("first");
			c.abort("second");
			assertEq(seen.join("|"), "listener|onabort abort", "fired once");
			assertEq(s.reason, "first", "the first reason stays");
		`},
		{"AbortSignal.abort", `
			const s = AbortSignal.abort();
			assertEq(s instanceof AbortSignal && s instanceof EventTarget, true, "an AbortSignal");
			assertEq(s.aborted, true, "aborted");
			assertEq(s.reason.name + ": " + s.reason.message, "AbortError: The operation was aborted", "default reason");
			assertEq(AbortSignal.abort(42).reason, 42, "given reason");
			assertEq(AbortSignal.abort() === AbortSignal.abort(), false, "a new signal each call");
		`},
		{"AbortSignal.any", `
			const a = new AbortController(), b = new AbortController();
			const any = AbortSignal.any([a.signal, b.signal]);
			assertEq(any.aborted, false, "not aborted yet");
			let fired = 0;
			any.addEventListener("abort", () => fired++);
			b.abort("from b");
			assertEq([any.aborted, any.reason, fired].join(), "true,from b,1", "follows b");
			a.abort("from a");
			assertEq([any.reason, fired].join(), "from b,1", "only the first abort counts");

			const pre = AbortSignal.abort();
			const early = AbortSignal.any([new AbortController().signal, pre]);
			assertEq(early.aborted, true, "aborted at once by an aborted source");
			assertEq(early.reason, pre.reason, "the source's reason, the same object");
			assertEq(AbortSignal.any([]).aborted, false, "no sources");
			const nested = new AbortController();
			const outer = AbortSignal.any([AbortSignal.any([nested.signal])]);
			nested.abort("deep");
			assertEq(outer.reason, "deep", "nested any");
			assertThrows(() => AbortSignal.any([{}]), "TypeError", "Failed to execute 'any' on 'AbortSignal': parameter 1 is not a sequence of AbortSignal.");
		`},
		{"construction and brand checks", `
			assertThrows(() => new AbortSignal(), "TypeError", "Illegal constructor");
			assertThrows(() => AbortController(), "TypeError", "Failed to construct 'AbortController': Please use the 'new' operator, this object constructor cannot be called as a function.");
			const aborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted").get;
			assertEq(assertThrows(() => aborted.call({}), "TypeError").message.startsWith("Illegal invocation"), true, "aborted getter brand check");
			assertEq(assertThrows(() => AbortController.prototype.abort.call({}), "TypeError").message.startsWith("Illegal invocation"), true, "abort brand check");
			assertEq(Object.prototype.toString.call(new AbortController().signal), "[object AbortSignal]", "toStringTag");
		`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bindingstest.Run(t, bindings.Options{}, "abort_test.js", tc.js)
		})
	}
}

// TestAbortSignalTimeout runs in a synctest bubble, so the minute passes at
// once and Date.now shows exactly when the signal fired. The bubble's clock
// starts in 2000, so the compatibility date is settled outside it.
func TestAbortSignalTimeout(t *testing.T) {
	t.Parallel()
	compat, err := config.NewCompat("", nil)
	if err != nil {
		t.Fatal(err)
	}
	synctest.Test(t, func(t *testing.T) {
		bindingstest.Run(t, bindings.Options{Compat: compat}, "timeout_test.js", `(async () => {
			const start = Date.now();
			const s = AbortSignal.timeout(60000);
			assertEq(s.aborted, false, "not aborted before the time");
			let early = false;
			setTimeout(() => { early = s.aborted; }, 59999);
			const reason = await new Promise((resolve) => s.addEventListener("abort", () => resolve(s.reason)));
			assertEq(early, false, "still running 1 ms before");
			assertEq(Date.now() - start, 60000, "fired after the time");
			assertEq(reason instanceof DOMException, true, "DOMException");
			assertEq([reason.name, reason.message, reason.code].join("|"), "TimeoutError|The operation was aborted due to timeout|23", "reason");
			assertThrows(() => s.throwIfAborted(), "DOMException", "The operation was aborted due to timeout");
		})()`)
	})
}
