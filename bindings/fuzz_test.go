package bindings_test

// Fuzz targets for the APIs that take a script's (and so, through a
// worker, a client's) data: Headers, the Request and Response
// constructors' init, and WebSocket send() and close() arguments. Each
// input may be accepted or rejected with a JS error, as in workerd; none
// may reach a Go panic ("internal error") or leave the runtime unusable.
// The seed corpora live in testdata/fuzz/; CI runs each target briefly
// (.ci/run).

import (
	"strings"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// fuzzJS runs src with the fuzz input as the globals a and b, and fails on
// an internal error anywhere in it.
func fuzzJS(t *testing.T, a, b, src string) {
	r := bindingstest.NewRuntime(t, bindings.Options{})
	r.Set("a", a)
	r.Set("b", b)
	err := r.RunErr("fuzz.js", `(async () => {
		const internal = (e) => e && String(e.message).includes("internal error");
		const attempt = async (label, fn) => {
			try { await fn(); } catch (e) { if (internal(e)) throw new Error(label + ": " + e.message); }
		};
		`+src+`
		return "ok";
	})()`)
	if err != nil && strings.Contains(err.Error(), "internal error") {
		t.Fatalf("input %q, %q: %v", a, b, err)
	}
	if strings.Contains(r.Output(), "internal error") {
		t.Fatalf("input %q, %q:\n%s", a, b, r.Output())
	}
}

func FuzzHeaders(f *testing.F) {
	for _, seed := range [][2]string{{"content-type", "text/plain"}, {"", ""}, {"set-cookie", "a=1, b=2"}, {"x\x00y", "\r\n"}, {"ünïcode", "\xff\xfe"}, {"a b", " padded "}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, name, value string) {
		fuzzJS(t, name, value, `
			const h = new Headers();
			await attempt("append", () => h.append(a, b));
			await attempt("set", () => h.set(a, b));
			await attempt("get", () => h.get(a));
			await attempt("has", () => h.has(a));
			await attempt("getSetCookie", () => h.getSetCookie());
			await attempt("entries", () => [...h]);
			await attempt("delete", () => h.delete(a));
			await attempt("init record", () => new Headers({ [a]: b }));
			await attempt("init pairs", () => new Headers([[a, b], [b, a]]));
			await attempt("console", () => console.log(new Headers([[a, b]])));
		`)
	})
}

func FuzzRequestResponseInit(f *testing.F) {
	for _, seed := range [][2]string{
		{`{"status": 200, "statusText": "OK", "headers": {"a": "b"}}`, "body"},
		{`{"status": 101}`, ""},
		{`{"status": 99999, "statusText": "\r\n"}`, "x"},
		{`{"method": "POST", "body": "x", "redirect": "manual"}`, "http://x/"},
		{`{"method": "GET", "body": "x"}`, "/relative"},
		{`{"headers": [["a"]], "cf": null, "signal": 1}`, "data:,x"},
		{`[]`, "\x00"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, initJSON, body string) {
		fuzzJS(t, initJSON, body, `
			let init;
			try { init = JSON.parse(a); } catch { init = a; }
			await attempt("Response", async () => { const r = new Response(b, init); await r.text(); r.clone(); r.headers.get("a"); });
			await attempt("Response null body", () => new Response(null, init));
			await attempt("Response.json", () => Response.json(init, init));
			await attempt("Response.redirect", () => Response.redirect(b, init && init.status));
			await attempt("Request", async () => { const r = new Request(b, init); await r.text(); r.clone(); });
			await attempt("Request url", async () => { const r = new Request("http://example.com/" + b, init); await r.arrayBuffer(); });
			await attempt("Request from Request", () => new Request(new Request("http://x/"), init));
		`)
	})
}

func FuzzWebSocketSendClose(f *testing.F) {
	for _, seed := range [][2]string{{"hello", "1000"}, {"", "1005"}, {strings.Repeat("x", 200), "4999"}, {"\xff\xfe", "999"}, {"bye", "3000.5"}, {"r", "-1"}, {"", "NaN"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, message, code string) {
		fuzzJS(t, message, code, `
			const [c, s] = Object.values(new WebSocketPair());
			s.accept(); c.accept();
			const got = new Promise((resolve) => { c.addEventListener("message", resolve); c.addEventListener("close", resolve); });
			await attempt("send text", () => s.send(a));
			await attempt("send bytes", () => s.send(new TextEncoder().encode(a)));
			await attempt("close", () => s.close(Number(b), a));
			await attempt("close string code", () => c.close(b, a));
			await attempt("send after close", () => s.send(a));
			await got;
		`)
	})
}
