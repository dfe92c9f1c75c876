package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// TestUnsupportedAPIsSayWhatIsMissing checks that each well-known API that
// workerhost lacks exists as in workerd (typeof, the global's class) and
// throws a TypeError naming it when used.
func TestUnsupportedAPIsSayWhatIsMissing(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "unsupported_test.js", `
		const missing = (what) => what + " is not supported by workerhost yet";
		const req = new Request("https://example.com/", { method: "POST", body: "a=1" });
		assertThrows(() => new Blob(["a"]).stream(), "TypeError", missing("blob.stream()"));
		assertThrows(() => new Response("a").body.pipeTo(null), "TypeError", missing("readableStream.pipeTo()"));
		for (const name of ["TransformStream", "WritableStream"]) {
			assertEq(typeof globalThis[name], "function", "typeof " + name);
			assertThrows(() => new globalThis[name](), "TypeError", missing(name));
		}
		// What workerhost has is not replaced by a stub.
		assertEq(typeof crypto.subtle.digest, "function", "digest");
		assertEq(req.text() instanceof Promise, true, "text()");
	`)
}
