package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestBlob(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "blob_test.js", `(async () => {
		const b = new Blob(["héllo", new Uint8Array([32, 119]), new Blob(["or"]), new Uint8Array([0, 108, 100, 0]).subarray(1, 3)], { type: "Text/Plain" });
		assertEq(b.size, 12, "size");
		assertEq(b.type, "text/plain", "type");
		assertEq(await b.text(), "héllo world", "text");
		assertEq(new Uint8Array(await b.arrayBuffer())[0], 104, "arrayBuffer");
		assertEq(await b.slice(-5).text(), "world", "slice(-5)");
		assertEq(await b.slice(0, 1, "x/y").type, "x/y", "slice type");
		assertEq(new Blob([], { type: "a\u00ffb" }).type, "", "non-ASCII type dropped");
		assertEq(Object.prototype.toString.call(b), "[object Blob]", "toStringTag");
		assertEq(b instanceof Blob, true, "instanceof");
		assertThrows(() => Blob(), "TypeError", "Failed to construct 'Blob': Please use the 'new' operator, this object constructor cannot be called as a function.");
		assertEq(assertThrows(() => Blob.prototype.text.call({}), "TypeError").message.startsWith("Illegal invocation: function called with incorrect"), true, "brand check");
		assertEq(Blob.prototype.slice.name, "slice", "method name");
		class MyBlob extends Blob { extra() { return this.size; } }
		assertEq(new MyBlob(["abc"]).extra(), 3, "subclass");
		const e = new DOMException("nope", "InvalidStateError");
		assertEq(e.name + "|" + e.message + "|" + e.code + "|" + (e instanceof Error), "InvalidStateError|nope|11|true", "DOMException");
		assertEq(String(e), "InvalidStateError: nope", "DOMException toString");
		assertEq(self, globalThis, "self");
	})()`)
}
