package bindings_test

import (
	"github.com/dop251/goja"

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

func TestRequestCFOfIncomingRequests(t *testing.T) {
	t.Parallel()
	r := bindingstest.NewRuntime(t, bindings.Options{})
	r.Set("incoming", func(proto string) *goja.Object {
		return r.Realm().NewIncomingRequest(bindings.IncomingRequest{Method: "GET", URL: "http://x/", Proto: proto})
	})
	r.Run("request_cf_incoming_test.js", `
		const req = incoming("HTTP/1.1");
		const cf = req.cf;
		assertEq(cf, req.cf, "the same object each time");
		assertEq(Object.isFrozen(cf) && Object.isFrozen(cf.tlsClientAuth), true, "frozen");
		assertEq(JSON.stringify([cf.httpProtocol, cf.colo, cf.country, typeof cf.asn]), '["HTTP/1.1","DFW","US","number"]', "fields");
		assertEq(incoming("HTTP/2.0").cf.httpProtocol, "HTTP/2", "protocol");
		assertEq(incoming("").cf, undefined, "none without a protocol");
	`)
}
