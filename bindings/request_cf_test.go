package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

func TestRequestCFOfScriptRequests(t *testing.T) {
	t.Parallel()
	bindingstest.Run(t, bindings.Options{}, "request_cf_test.js", `
		assertEq(new Request("http://x/").cf, undefined, "none");
		const cf = { a: 1 };
		assertEq(new Request("http://x/", { cf }).cf.a, 1, "from the init");
	`)
}
