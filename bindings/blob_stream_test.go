package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestBlobStream(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "blob_stream_test.js", `(async () => {
		const s = new Blob(["ab", "c"]).stream();
		assertEq(Object.prototype.toString.call(s), "[object ReadableStream]", "a ReadableStream");
		const { value } = await s.getReader().read();
		assertEq(Object.prototype.toString.call(value) + " " + value.length, "[object Uint8Array] 3", "one Uint8Array chunk");
		assertEq(await new Response(new Blob(["hello"]).stream()).text(), "hello", "as a body");
		assertEq((await new Blob([]).stream().getReader().read()).done, true, "empty blob");
	})()`)
}
