package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestHeaders(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "headers_test.js", `
		const h = new Headers([["B", "2"], ["a", " 1 "], ["b", "3"], ["Set-Cookie", "x=1"], ["set-cookie", "y=2"]]);
		assertEq(h.get("b"), "2, 3", "combined");
		assertEq(h.get("A"), "1", "trimmed, case-insensitive");
		assertEq(JSON.stringify([...h]), '[["a","1"],["b","2, 3"],["set-cookie","x=1"],["set-cookie","y=2"]]', "sorted iteration");
		assertEq(h.getSetCookie().join(";"), "x=1;y=2", "getSetCookie");
		h.set("b", "4"); h.delete("a");
		assertEq(JSON.stringify([...h.keys()]), '["b","set-cookie","set-cookie"]', "set/delete");
		assertEq(h.has("B"), true, "has");
		assertEq(h.get("missing"), null, "missing");
		assertThrows(() => h.set("bad name", "x"), "TypeError", "Invalid header name.");
		assertEq(new Headers({ "X-A": "1" }).get("x-a"), "1", "record init");
		assertEq(new Headers(new Headers({ c: "d" })).get("c"), "d", "headers init");
	`)
}

func TestRequestAndResponse(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "http_test.js", `(async () => {
		const r = new Response("hello", { status: 201, statusText: "Made", headers: { "X-A": "b" } });
		assertEq([r.status, r.statusText, r.ok, r.headers.get("content-type"), r.webSocket, r.type].join("|"), "201|Made|true|text/plain;charset=UTF-8||default", "response");
		assertEq(await r.text(), "hello", "text");
		assertEq(r.bodyUsed, true, "bodyUsed");
		await assertRejects(r.text(), "TypeError", "Body has already been used. It can only be used once. Use tee() first if you need to read it twice.");
		const j = Response.json({ a: [1] }, { status: 202 });
		assertEq(j.headers.get("content-type"), "application/json", "json type");
		assertEq((await j.json()).a[0], 1, "json body");
		assertThrows(() => new Response(null, { status: 101 }), "RangeError", "Responses may only be constructed with status codes in the range 200 to 599, inclusive.");
		assertThrows(() => new Response("x", { status: 204 }), "TypeError", "Response with null body status (101, 204, 205, or 304) cannot have a body.");
		const pair = new WebSocketPair();
		assertThrows(() => new Response(null, { status: 200, webSocket: pair[0] }), "RangeError", "Responses with a WebSocket must have status code 101.");
		const ws = new Response(null, { status: 101, webSocket: pair[0] });
		assertEq(ws.webSocket, pair[0], "webSocket getter");
		assertThrows(() => ws.clone(), "TypeError", "Cannot clone a response to a WebSocket handshake.");
		assertEq(Response.redirect("http://a/b", 301).headers.get("location"), "http://a/b", "redirect");
		const blob = await new Response(new Uint8Array([104, 105]), { headers: { "content-type": "x/y" } }).blob();
		assertEq(blob.type + " " + (await blob.text()), "x/y hi", "blob body");
		const q = new Request("http://example.com/p?q=1", { method: "post", body: "b", headers: { A: "1" } });
		assertEq([q.method, q.url, q.headers.get("a"), await q.text()].join("|"), "POST|http://example.com/p?q=1|1|b", "request");
		assertThrows(() => new Request("http://x/", { method: "GET", body: "x" }), "TypeError", "Request with a GET or HEAD method cannot have a body.");
		const q2 = new Request(q, { headers: { B: "2" } });
		assertEq(q2.headers.get("b") + q2.url, "2http://example.com/p?q=1", "request from request");
		const form = new Response(new URLSearchParams({ a: "1 2" }));
		assertEq(form.headers.get("content-type") + " " + (await form.text()), "application/x-www-form-urlencoded;charset=UTF-8 a=1+2", "URLSearchParams body");
	})()`)
}

// TestHeadersObjectIdentity checks the Headers object a Request or
// Response makes on first use: the same object each time, and a copy's
// own after clone() or new Request(request).
func TestHeadersObjectIdentity(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "headers_identity_test.js", `
		const req = new Request("https://example.com/", { headers: { "X-A": "1" } });
		assertEq(req.headers === req.headers, true, "request.headers is one object");
		const copy = req.clone();
		assertEq(copy.headers !== req.headers, true, "a clone has its own Headers");
		copy.headers.set("x-a", "2");
		assertEq(req.headers.get("x-a"), "1", "the original's header is unchanged");
		const again = new Request(req);
		assertEq(again.headers !== req.headers && again.headers.get("x-a") === "1", true, "new Request(request) copies");
		const res = Response.json({});
		const cloned = res.clone();
		assertEq(cloned.headers !== res.headers && cloned.headers.get("content-type") === "application/json", true, "a cloned Response has its own Headers");
		res.headers.set("x-b", "3");
		assertEq(res.headers.get("x-b") + "|" + cloned.headers.get("x-b"), "3|null", "set on one, not the other");
	`)
}
