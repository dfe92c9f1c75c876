package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestMessageChannel(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "message_channel_test.js", `(async () => {
		const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
		const c = new MessageChannel();
		assertEq(JSON.stringify([String(c), String(c.port1), c.port1 instanceof EventTarget, c.port1 === c.port1, c.port1.onmessage]), '["[object MessageChannel]","[object MessagePort]",true,true,null]', "shape");
		assertThrows(() => new MessagePort(), "TypeError", "Illegal constructor");

		const order = [];
		const d = { a: [1, 2] };
		c.port2.onmessage = (e) => order.push([e.constructor.name, JSON.stringify(e.data), e.data === d, e.target === c.port2]);
		c.port1.postMessage(d);
		d.a = 0;
		Promise.resolve().then(() => order.push("microtask"));
		order.push("sync");
		await tick();
		assertEq(JSON.stringify(order), '["sync",["MessageEvent","{\\"a\\":[1,2]}",false,true],"microtask"]', "cloned, delivered in a microtask");

		const back = [];
		c.port1.addEventListener("message", (e) => back.push(e.data));
		c.port2.postMessage("b");
		await tick();
		assertEq(back.join(), "b", "the other way, to a listener");

		const held = new MessageChannel();
		const got = [];
		held.port1.postMessage(1);
		await tick();
		held.port2.onmessage = (e) => got.push(e.data);
		await tick();
		assertEq(got.join(), "1", "held until a handler is set");

		const closed = new MessageChannel();
		closed.port2.onmessage = (e) => got.push("closed " + e.data);
		closed.port1.close();
		closed.port1.postMessage("x");
		await tick();
		assertEq(got.join(), "1", "a closed port sends nothing");

		assertThrows(() => c.port1.postMessage(() => 1), "DOMException", "() => 1 could not be cloned.");
		const buf = new ArrayBuffer(8);
		assertThrows(() => c.port1.postMessage(buf, [buf]), "Error", "Transfer list is not supported");
		assertThrows(() => c.port1.postMessage(buf, { transfer: [buf] }), "Error", "Transfer list is not supported");
	})()`)
}
