package bindings_test

import (
	"strings"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
	"workerhost/jsruntime/jsruntimetest"
)

// fetchCase is one outbound fetch test. The script sees the server of
// newFetchServer as the global base, and closed, an http URL where nothing
// listens.
type fetchCase struct{ name, js string }

// runFetchCases runs each case against its own loopback server.
func runFetchCases(t *testing.T, cases []fetchCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			base := newFetchServer(t)
			r := bindingstest.NewRuntime(t, bindings.Options{})
			r.Set("base", base)
			r.Set("closed", closedURL(t))
			r.Run("fetch_test.js", "(async () => {"+tc.js+"})()")
		})
	}
}

func TestFetchRequestsAndResponses(t *testing.T) {
	t.Parallel()
	runFetchCases(t, []fetchCase{
		{"GET with headers", `
			const r = await fetch(base + "/echo?status=201", { headers: { "X-Test": "hello" } });
			assertEq([r.status, r.statusText, r.ok, r.redirected, r.url].join("|"), "201|Created|true|false|" + base + "/echo?status=201", "response");
			assertEq(r.headers.get("x-reply") + " " + r.headers.get("content-type"), "yes application/json", "headers");
			assertThrows(() => r.headers.set("x-reply", "no"), "TypeError", "Can't modify immutable headers.");
			const got = await r.json();
			assertEq([got.method, got.url, got.headers["X-Test"], got.body].join("|"), "GET|/echo?status=201|hello|", "what the server saw");
		`},
		{"error statuses resolve", `
			const r = await fetch(base + "/echo?status=404");
			assertEq([r.status, r.statusText, r.ok].join("|"), "404|Not Found|false", "404");
			const s = await fetch(base + "/echo?status=503");
			assertEq([s.status, s.statusText, s.ok].join("|"), "503|Service Unavailable|false", "503");
		`},
		{"status text from the wire", `
			const r = await fetch(base + "/custom-status");
			assertEq([r.status, r.statusText, r.ok, await r.text()].join("|"), "299|Custom Reason|true|ok", "response");
		`},
		{"POST bodies are sent", `
			const post = async (body, init) => (await fetch(base + "/echo", { method: "POST", body, ...init })).json();
			const text = await post("hello");
			assertEq([text.method, text.body, text.headers["Content-Type"]].join("|"), "POST|hello|text/plain;charset=UTF-8", "string");
			assertEq((await post(new Uint8Array([104, 105]))).body, "hi", "Uint8Array");
			const form = await post(new URLSearchParams({ a: "1 2" }));
			assertEq(form.body + " " + form.headers["Content-Type"], "a=1+2 application/x-www-form-urlencoded;charset=UTF-8", "URLSearchParams");
			const stream = new ReadableStream({ start(c) { c.enqueue(new Uint8Array([115, 116])); c.enqueue(new Uint8Array([114])); c.close(); } });
			assertEq((await post(stream)).body, "str", "ReadableStream");
			assertEq((await post("typed", { headers: { "content-type": "x/y" } })).headers["Content-Type"], "x/y", "own content-type kept");
			const put = await (await fetch(base + "/echo", { method: "put", body: "p" })).json();
			assertEq(put.method + " " + put.body, "PUT p", "put, upper-cased");
			const req = new Request(base + "/echo", { method: "POST", body: "from a Request", headers: { "X-Test": "r" } });
			const viaRequest = await (await fetch(req)).json();
			assertEq([viaRequest.method, viaRequest.body, viaRequest.headers["X-Test"]].join("|"), "POST|from a Request|r", "a Request");
		`},
		{"HEAD has a null body", `
			const r = await fetch(base + "/echo", { method: "HEAD" });
			assertEq([r.status, r.body, await r.text()].join("|"), "200||", "HEAD");
			assertEq(r.body, null, "null body");
		`},
		{"body is streamed", `
			const r = await fetch(base + "/stream");
			const reader = r.body.getReader();
			const decoder = new TextDecoder();
			let got = "";
			while (got.length < "first".length) {
				const { value, done } = await reader.read();
				assertEq(done, false, "ended before the first chunk");
				assertEq(value instanceof Uint8Array, true, "chunks are bytes");
				got += decoder.decode(value, { stream: true });
			}
			assertEq(got, "first", "read before the server finished");
			await fetch(base + "/release");
			for (;;) {
				const { value, done } = await reader.read();
				if (done) break;
				got += decoder.decode(value, { stream: true });
			}
			assertEq(got, "firstsecond", "the whole body");
		`},
		{"body cancelled unread", `
			const r = await fetch(base + "/stream");
			await r.body.cancel();
			const unread = await fetch(base + "/stream");
			assertEq(unread.status, 200, "a body never read is released when the runtime stops");
		`},
	})
}

func TestFetchRedirects(t *testing.T) {
	t.Parallel()
	runFetchCases(t, []fetchCase{
		{"follow", `
			const r = await fetch(base + "/redirect?n=3");
			assertEq([r.status, r.redirected, r.url].join("|"), "200|true|" + base + "/echo", "response");
			assertEq((await r.json()).method, "GET", "method");
		`},
		{"303 turns POST into GET, 307 keeps it", `
			const see = await (await fetch(base + "/redirect?n=1&code=303", { method: "POST", body: "x" })).json();
			assertEq(see.method + " [" + see.body + "]", "GET []", "303");
			const temp = await (await fetch(base + "/redirect?n=1&code=307", { method: "POST", body: "x" })).json();
			assertEq(temp.method + " [" + temp.body + "]", "POST [x]", "307");
		`},
		{"manual", `
			const r = await fetch(base + "/redirect?n=2", { redirect: "manual" });
			assertEq([r.status, r.redirected, r.url, r.headers.get("location")].join("|"), "302|false|" + base + "/redirect?n=2|/redirect?n=1&code=302", "response");
		`},
		{"error", `
			await assertRejects(fetch(base + "/redirect?n=1", { redirect: "error" }), "TypeError",
				'Invalid redirect value, must be one of "follow" or "manual" ("error" won\'t be implemented since it does not make sense at the edge; use "manual" and check the response status code).');
		`},
		{"no Location header", `
			const r = await fetch(base + "/nolocation");
			assertEq([r.status, r.redirected, await r.text()].join("|"), "302|false|no location", "returned as is");
		`},
		{"twenty redirects", `
			const r = await fetch(base + "/redirect?n=20");
			assertEq(r.status + " " + r.redirected, "200 true", "followed, as workerd follows 20");
		`},
		// workerd fails the 21st redirect with a TypeError listing every
		// URL requested (http.c++, handleHttpRedirectResponse).
		{"too many redirects", `
			await assertRejects(fetch(base + "/redirect?n=21"), "TypeError", /^Too many redirects\.http:\/\/127\.0\.0\.1:\d+\/redirect\?n=21, /);
			await assertRejects(fetch(base + "/loop"), "TypeError", /^Too many redirects\./);
		`},
	})
}

func TestFetchFailures(t *testing.T) {
	t.Parallel()
	runFetchCases(t, []fetchCase{
		{"connection refused", `
			await assertRejects(fetch(closed), "Error", "Network connection lost.");
		`},
		{"not http", `
			await assertRejects(fetch("ftp://example.com/x"), "TypeError", "Fetch API cannot load: ftp://example.com/x");
			await assertRejects(fetch("file:///etc/hostname"), "TypeError", "Fetch API cannot load: file:///etc/hostname");
		`},
		{"bad arguments reject", `
			const p = fetch("not a url");
			assertEq(p instanceof Promise, true, "a promise, not a throw");
			await assertRejects(p, "TypeError");
			await assertRejects(fetch(base + "/echo", { method: "GET", body: "x" }), "TypeError", "Request with a GET or HEAD method cannot have a body.");
			await assertRejects(fetch(base + "/echo", { signal: {} }), "TypeError", "Failed to construct 'Request': member signal is not of type AbortSignal.");
		`},
	})
}

func TestFetchAbort(t *testing.T) {
	t.Parallel()
	runFetchCases(t, []fetchCase{
		{"already aborted", `
			const reason = new RangeError("before");
			assertEq(await assertRejects(fetch(base + "/hang", { signal: AbortSignal.abort(reason) }), "RangeError", "before"), reason, "the signal's reason");
		`},
		{"aborted in flight", `
			const c = new AbortController();
			const p = fetch(base + "/hang", { signal: c.signal });
			await fetch(base + "/echo"); // one round trip: /hang is under way
			c.abort();
			const e = await assertRejects(p, "DOMException", "The operation was aborted");
			assertEq(e, c.signal.reason, "the signal's reason");
			assertEq(e.name, "AbortError", "name");
		`},
		{"aborted with a reason", `
			const c = new AbortController();
			const p = fetch(base + "/hang", { signal: c.signal });
			setTimeout(() => c.abort(new RangeError("stop")), 5);
			await assertRejects(p, "RangeError", "stop");
		`},
		{"a Request's signal", `
			const c = new AbortController();
			const p = fetch(new Request(base + "/hang", { signal: c.signal }));
			c.abort("as a string");
			let caught;
			try { await p; } catch (e) { caught = e; }
			assertEq(caught, "as a string", "the reason as given");
		`},
		{"AbortSignal.timeout", `
			const e = await assertRejects(fetch(base + "/hang", { signal: AbortSignal.timeout(20) }), "DOMException", "The operation was aborted due to timeout");
			assertEq(e.name, "TimeoutError", "name");
		`},
		{"AbortSignal.any", `
			const c = new AbortController();
			const p = fetch(base + "/hang", { signal: AbortSignal.any([new AbortController().signal, c.signal]) });
			c.abort(new RangeError("first"));
			await assertRejects(p, "RangeError", "first");
		`},
		{"abort after the response", `
			const c = new AbortController();
			const r = await fetch(base + "/echo", { signal: c.signal });
			assertEq((await r.json()).method, "GET", "body read");
			c.abort();
			assertEq(c.signal.aborted, true, "aborting later changes nothing else");
		`},
	})
}

// TestFetchLogsWhyTheConnectionFailed checks that the script sees workerd's
// "Network connection lost." while the log keeps the real cause.
func TestFetchLogsWhyTheConnectionFailed(t *testing.T) {
	t.Parallel()
	var log jsruntimetest.Buffer
	r := bindingstest.NewRuntime(t, bindings.Options{Log: &log})
	closed := closedURL(t)
	r.Set("closed", closed)
	r.Run("fetch_log_test.js", `(async () => {
		await assertRejects(fetch(closed), "Error", "Network connection lost.");
	})()`)
	want := "[workerhost:warn] fetch GET " + closed + " failed: "
	if got := log.String(); !strings.Contains(got, want) || !strings.Contains(got, "connection refused") {
		t.Errorf("log lacks %q and the cause:\n%s", want, got)
	}
}
