package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestReadableStream(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "streams_test.js", `(async () => {
		let pulls = 0;
		const s = new ReadableStream({
			start(c) { c.enqueue("a"); },
			pull(c) { pulls++; if (pulls < 3) c.enqueue("p" + pulls); else c.close(); },
		});
		const reader = s.getReader();
		assertEq(s.locked, true, "locked");
		assertThrows(() => s.getReader(), "TypeError", "This ReadableStream is currently locked to a reader.");
		const got = [];
		for (;;) { const { value, done } = await reader.read(); if (done) break; got.push(value); }
		assertEq(got.join(), "a,p1,p2", "chunks in order");
		reader.releaseLock();
		assertEq(s.locked, false, "released");

		const r = new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([104, 105])); c.close(); } }));
		assertEq(await r.text(), "hi", "text() of a stream body");
		await assertRejects(r.text(), "TypeError", "Body has already been used. It can only be used once. Use tee() first if you need to read it twice.");
		await assertRejects(new Response(new ReadableStream({ start(c) { c.enqueue("not bytes"); c.close(); } })).text(), "TypeError", "This ReadableStream did not return bytes.");

		const body = new Response("bytes").body;
		assertEq(Object.prototype.toString.call(body), "[object ReadableStream]", "body getter");
		const [a, b] = new Response("tee").body.tee();
		assertEq(await new Response(a).text() + await new Response(b).text(), "teetee", "tee");
		assertEq(new Response(null).body, null, "null body");

		const errored = new ReadableStream({ start(c) { c.error(new RangeError("bad source")); } });
		await assertRejects(errored.getReader().read(), "RangeError", "bad source");

		const it = new Response("iter").body[Symbol.asyncIterator]();
		const first = await it.next();
		assertEq(new TextDecoder().decode(first.value), "iter", "async iterator");
	})()`)
}

func TestCloneTeesAStreamBody(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "clone_test.js", `(async () => {
		const r = new Response(new ReadableStream({ start(c) { c.enqueue(new Uint8Array([111, 107])); c.close(); } }));
		const copy = r.clone();
		assertEq(await copy.text() + " " + await r.text(), "ok ok", "both halves read");
		assertThrows(() => r.clone(), "TypeError", "Body has already been used. It can only be used once. Use tee() first if you need to read it twice.");
	})()`)
}
