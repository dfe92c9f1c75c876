package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestCaches(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "cache_test.js", `(async () => {
		const c = caches.default;
		assertEq(c === caches.default && String(c) === "[object Cache]" && String(caches) === "[object CacheStorage]", true, "shape");
		assertThrows(() => new Cache(), "TypeError", "Illegal constructor");
		assertEq(await c.match("https://x.test/a"), undefined, "a miss");
		await c.put("https://x.test/a", new Response("hello", { headers: { "cache-control": "max-age=60", etag: '"v1"' } }));
		const hit = await c.match("https://x.test/a");
		assertEq([hit.status, await hit.text(), hit.headers.get("cf-cache-status")].join(), "200,hello,HIT", "a hit");
		assertEq((await c.match(new Request("https://x.test/a", { headers: { "if-none-match": '"v1"' } }))).status, 304, "If-None-Match");
		const part = await c.match(new Request("https://x.test/a", { headers: { range: "bytes=1-3" } }));
		assertEq([part.status, await part.text(), part.headers.get("content-range")].join(), "206,ell,bytes 1-3/5", "Range");
		assertEq(await c.match(new Request("https://x.test/a", { method: "POST" })), undefined, "a POST misses");
		assertEq((await c.match(new Request("https://x.test/a", { method: "POST" }), { ignoreMethod: true })).status, 200, "ignoreMethod");
		const other = await caches.open("other");
		assertEq(await other.match("https://x.test/a"), undefined, "caches are separate");
		assertEq(other !== await caches.open("other"), true, "open gives a new object");
		await c.put("https://x.test/b", new Response("b", { headers: { "cache-control": "no-store" } }));
		assertEq(await c.match("https://x.test/b"), undefined, "no-store is not stored");
		assertEq(await c.delete("https://x.test/a"), true, "delete");
		assertEq(await c.delete("https://x.test/a"), false, "delete again");

		await assertRejects(c.put(new Request("https://x.test/", { method: "POST" }), new Response("x")), "TypeError", "Cannot cache response to non-GET request.");
		await assertRejects(c.put("https://x.test/", new Response("x", { status: 206 })), "TypeError", "Cannot cache response to a range request (206 Partial Content).");
		await assertRejects(c.put("https://x.test/", new Response("x", { headers: { vary: "Accept, *" } })), "TypeError", "Cannot cache response with 'Vary: *' header.");
		await assertRejects(c.put("https://x.test/", "x"), "TypeError", "Failed to execute 'put' on 'Cache': parameter 2 is not of type 'Response'.");
		await assertRejects(c.put(), "TypeError", "Failed to execute 'put' on 'Cache': parameter 1 is not of type 'Request or string'.");
		const used = new Response("x");
		await used.text();
		await assertRejects(c.put("https://x.test/", used), "TypeError", "Body has already been used. It can only be used once. Use tee() first if you need to read it twice.");
		await assertRejects(caches.open("x".repeat(1024)), "TypeError", "Cache name is too long.");
		assertThrows(() => c.keys(), "Error", "Failed to execute 'keys' on 'Cache': the method is not implemented.");
		assertThrows(() => caches.has("x"), "Error", "Failed to execute 'has' on 'CacheStorage': the method is not implemented.");

		const streamed = new Response(new Response("streamed").body, { headers: { "cache-control": "max-age=60" } });
		await c.put("https://x.test/s", streamed);
		assertEq(await (await c.match("https://x.test/s")).text(), "streamed", "a stream body");
	})()`)
}
