package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestHeadersGetAll(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "headers_getall_test.js", `
		const h = new Headers();
		h.append("Set-Cookie", "a=1");
		h.append("set-cookie", "b=2, c=3");
		assertEq(JSON.stringify([h.getAll("SET-COOKIE"), h.getSetCookie(), h.get("set-cookie")]), '[["a=1","b=2, c=3"],["a=1","b=2, c=3"],"a=1, b=2, c=3"]', "getAll");
		assertEq(JSON.stringify(new Headers().getAll("Set-Cookie")), "[]", "none");
		assertThrows(() => new Headers({ a: "1" }).getAll("a"), "TypeError", 'getAll() can only be used with the header name "Set-Cookie".');
		assertThrows(() => new Headers().getAll(), "TypeError", "Failed to execute 'getAll' on 'Headers': parameter 1 is not of type 'string'.");
	`)
}
