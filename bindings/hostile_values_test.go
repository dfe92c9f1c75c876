package bindings_test

import (
	"strings"
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// hostileValues builds every kind of JS value a script can pass to an API:
// each typed array kind, detached buffers, proxies (revoked too), objects
// whose getters throw, symbols, BigInt, -0, cyclic objects.
const hostileValues = `
function hostileValues() {
  const values = {};
  for (const T of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
                   Float32Array, Float64Array, BigInt64Array, BigUint64Array]) {
    values[T.name] = new T(3);
    values[T.name + " view"] = new T(new ArrayBuffer(64), 8, 2);
  }
  values.ArrayBuffer = new ArrayBuffer(4);
  values["empty ArrayBuffer"] = new ArrayBuffer(0);
  values.DataView = new DataView(new ArrayBuffer(4), 1, 2);
  const detached = new ArrayBuffer(8);
  const viewOfDetached = new Uint8Array(detached);
  structuredClone(detached, { transfer: [detached] });
  values["detached ArrayBuffer"] = detached;
  values["view of a detached buffer"] = viewOfDetached;
  const lying = new Uint8Array(4);
  Object.defineProperty(lying, "byteLength", { get() { return 1 << 30; } });
  Object.defineProperty(lying, "byteOffset", { get() { return -5; } });
  Object.defineProperty(lying, "length", { get() { return 1 << 30; } });
  values["typed array with lying getters"] = lying;
  values.proxy = new Proxy({}, {});
  values["proxy of an array"] = new Proxy([1, 2], {});
  values["proxy of a typed array"] = new Proxy(new Uint8Array(2), {});
  values["throwing proxy"] = new Proxy({}, { get() { throw new Error("trap"); }, has() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); }, getOwnPropertyDescriptor() { throw new Error("trap"); } });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  values["revoked proxy"] = revoked;
  values["getter that throws"] = { get body() { throw new Error("getter"); }, get headers() { throw new Error("getter"); }, get method() { throw new Error("getter"); }, get status() { throw new Error("getter"); }, get length() { throw new Error("getter"); }, get [Symbol.iterator]() { throw new Error("getter"); } };
  values["toString that throws"] = { toString() { throw new Error("toString"); }, valueOf() { throw new Error("valueOf"); } };
  values["iterator that throws"] = { [Symbol.iterator]() { throw new Error("iterator"); } };
  values["iterator of junk"] = { *[Symbol.iterator]() { yield 1; yield [Symbol()]; yield null; } };
  values.symbol = Symbol("s");
  values.bigint = 10n;
  values["negative zero"] = -0;
  values.NaN = NaN;
  values.Infinity = Infinity;
  values.null = null;
  values.undefined = undefined;
  values.string = "x\uD800y";
  values.function = function f() {};
  values.class = class C {};
  const cyclic = { a: 1 };
  cyclic.self = cyclic;
  cyclic.list = [cyclic];
  values.cyclic = cyclic;
  values["null prototype"] = Object.create(null);
  values["deep"] = JSON.parse("[".repeat(2000) + "]".repeat(2000));
  values.date = new Date(NaN);
  values.regexp = /x/g;
  values.map = new Map([[cyclic, cyclic]]);
  values.set = new Set([cyclic]);
  values.promise = Promise.resolve(1);
  values.error = Object.assign(new Error("e"), { stack: undefined });
  values.headers = new Headers({ a: "b" });
  values["inherits from Headers"] = Object.create(new Headers());
  values.request = new Request("http://x/");
  values.response = new Response("r");
  values.blob = new Blob(["b"]);
  values.stream = new ReadableStream();
  return values;
}
`

// TestHostileValuesNeverCrash feeds every hostile value to console.log, the
// Response and Request constructors (as body and as init), WebSocket send(),
// the Headers methods and structuredClone. Each call may return or throw a JS error, as in
// workerd; none may panic in Go, which the harness reports as an internal
// error.
func TestHostileValuesNeverCrash(t *testing.T) {
	t.Parallel()
	out := bindingstest.Run(t, bindings.Options{}, "hostile_values_test.js", hostileValues+`
		const [a, b] = new WebSocketPair();
		a.accept(); b.accept();
		const calls = {
			"console.log": (v) => console.log(v),
			"console.log nested": (v) => console.log({ v }, [v]),
			"new Response(v)": (v) => new Response(v),
			"new Response(body, v)": (v) => new Response("x", v),
			"new Request(v)": (v) => new Request(v),
			"new Request(url, v)": (v) => new Request("http://x/", v),
			"send": (v) => a.send(v),
			"close": (v) => b.close(1000, v),
			"new Headers(v)": (v) => new Headers(v),
			"append": (v) => new Headers().append(v, v),
			"set": (v) => new Headers().set("a", v),
			"get": (v) => new Headers({ a: "b" }).get(v),
			"has": (v) => new Headers().has(v),
			"delete": (v) => new Headers().delete(v),
			"new Blob([v])": (v) => new Blob([v]),
			"TextDecoder": (v) => new TextDecoder().decode(v),
			"TextEncoder": (v) => new TextEncoder().encode(v),
			"btoa": (v) => btoa(v),
			"getRandomValues": (v) => crypto.getRandomValues(v),
			"digest": (v) => crypto.subtle.digest("SHA-256", v).catch(() => {}),
			"URL": (v) => new URL(v),
			"structuredClone": (v) => structuredClone(v),
			"structuredClone options": (v) => structuredClone(1, v),
			"structuredClone transfer": (v) => structuredClone(v, { transfer: [v] }),
		};
		const values = hostileValues();
		let n = 0;
		const failures = [];
		for (const [callName, call] of Object.entries(calls)) {
			for (const [valueName, v] of Object.entries(values)) {
				try {
					call(v);
				} catch (e) {
					if (!(e instanceof Error) && !(e instanceof DOMException)) {
						failures.push(callName + "(" + valueName + ") threw a non-error");
					} else if (String(e.message).includes("internal error")) {
						failures.push(callName + "(" + valueName + "): " + e.message);
					}
				}
				n++;
			}
		}
		for (const f of failures) console.log("FAILURE " + f);
		console.log("calls made: " + n);
	`)
	if !strings.Contains(out, "calls made: ") {
		t.Fatalf("the loop did not finish:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "FAILURE ") || strings.HasPrefix(line, "[workerhost:error] internal error") {
			t.Error(line)
		}
	}
}
