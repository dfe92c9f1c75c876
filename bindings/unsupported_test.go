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
		assertThrows(() => req.formData(), "TypeError", missing("request.formData()"));
		assertThrows(() => new Response("a").formData(), "TypeError", missing("response.formData()"));
		assertThrows(() => crypto.subtle.sign("HMAC", null, new Uint8Array(1)), "TypeError", missing("crypto.subtle.sign()"));
		assertThrows(() => crypto.subtle.importKey("raw", new Uint8Array(4), "HMAC", false, ["sign"]), "TypeError", missing("crypto.subtle.importKey()"));
		assertEq(typeof caches + " " + Object.prototype.toString.call(caches), "object [object CacheStorage]", "caches");
		assertThrows(() => caches.default, "TypeError", missing("caches.default"));
		assertThrows(() => caches.open("mine"), "TypeError", missing("caches.open()"));
		for (const name of ["HTMLRewriter", "FormData"]) {
			assertEq(typeof globalThis[name], "function", "typeof " + name);
			assertThrows(() => new globalThis[name](), "TypeError", missing(name));
		}
		// What workerhost has is not replaced by a stub.
		assertEq(typeof crypto.subtle.digest, "function", "digest");
		assertEq(req.text() instanceof Promise, true, "text()");
	`)
}
