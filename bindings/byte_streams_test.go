package bindings_test

import (
	"fmt"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
	"workerhost/internal/config"
)

func TestByteStreamBYOBRead(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "byte_streams_test.js", `(async () => {
		let n = 0;
		const rs = new ReadableStream({ type: "bytes", pull(c) {
			n++;
			if (n === 1) { c.byobRequest.view.set([1, 2]); c.byobRequest.respond(2); }
			else if (n === 2) c.enqueue(new Uint8Array([3, 4, 5]));
			else c.close();
		} });
		const r = rs.getReader({ mode: "byob" });
		assertEq(Object.prototype.toString.call(r), "[object ReadableStreamBYOBReader]", "a BYOB reader");
		const view = new Uint8Array(4);
		let res = await r.read(view);
		assertEq(view.buffer.detached, true, "the view's buffer is taken");
		assertEq(Array.from(res.value).join(), "1,2", "respond(2)");
		res = await r.read(new Uint8Array(res.value.buffer), { min: 3 });
		assertEq(Array.from(res.value).join(), "3,4,5", "enqueue into a pending read");
		res = await r.read(new Uint8Array(2));
		assertEq(res.done + " " + res.value.byteLength, "true 0", "the end");
		await r.read(new Uint8Array(0)).then(() => { throw new Error("zero-length view read"); }, (e) => {
			assertEq(e.message, 'You must call read() on a "byob" reader with a positive-sized TypedArray object.', "zero-length view");
		});
	})()`)
}

func TestBodyStreamBYOBRead(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "byte_streams_body_test.js", `(async () => {
		const r = new Response("hello world").body.getReader({ mode: "byob" });
		const first = await r.readAtLeast(3, new Uint8Array(5));
		assertEq(new TextDecoder().decode(first.value), "hello", "readAtLeast fills what it can");
		const rest = await r.read(new Uint16Array(8));
		assertEq(rest.value.constructor.name + " " + rest.value.byteLength, "Uint8Array 6", "a body's BYOB read gives a Uint8Array");
		const pending = r.read(new Uint8Array(1));
		let threw = "";
		try { r.releaseLock(); } catch (e) { threw = e.message; }
		assertEq(threw, "Cannot call releaseLock() on a reader with outstanding read promises.", "releaseLock with a read pending");
		assertEq((await pending).done, true, "then the end");
	})()`)
}

func TestQueuingStrategySize(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "queuing_strategy_size_test.js", `(async () => {
		let desired;
		new ReadableStream({ start(c) { c.enqueue("abc"); c.enqueue("de"); desired = c.desiredSize; } },
			{ highWaterMark: 10, size: (chunk) => chunk.length });
		assertEq(desired, 5, "size() counts");
		const s = new ReadableStream({ start(c) { c.enqueue(1); } }, { size() { throw new Error("size failed"); } });
		await s.getReader().read().then(() => { throw new Error("read a chunk"); }, (e) => assertEq(e.message, "size failed", "size() errors the stream"));
	})()`)
}

func TestBodyStreamBYOBEndBeforeReturnView(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		date, want string
	}{
		{"2024-05-12", "true undefined"},
		{"2024-05-13", "true [object Uint8Array]"},
	} {
		compat, err := config.NewCompat(tc.date, nil)
		if err != nil {
			t.Fatal(err)
		}
		bindingstest.Run(t, bindings.Options{Compat: compat}, "byte_streams_end_test.js", fmt.Sprintf(`(async () => {
			const r = new Response("x").body.getReader({ mode: "byob" });
			await r.read(new Uint8Array(4));
			const end = await r.read(new Uint8Array(4));
			assertEq(end.done + " " + (end.value === undefined ? "undefined" : Object.prototype.toString.call(end.value)), %q, "the end of a body");
		})()`, tc.want))
	}
}
