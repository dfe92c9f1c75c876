package bindings_test

import (
	"testing"

	"workerhost/bindings"
	"workerhost/bindings/bindingstest"
)

// The error names and messages are workerd's (see crypto.go).
func TestCryptoRandom(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, js string }{
		{"getRandomValues fills and returns its argument", `
			const a = new Uint8Array(64);
			assertEq(crypto.getRandomValues(a), a, "same array");
			assertEq(a.some((x) => x !== 0), true, "filled");
			for (const T of [Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array]) {
				const v = new T(8);
				assertEq(crypto.getRandomValues(v), v, T.name);
			}
			const whole = new Uint8Array(16);
			crypto.getRandomValues(whole.subarray(4, 8));
			assertEq(whole.slice(0, 4).every((x) => x === 0) && whole.slice(8).every((x) => x === 0), true, "only the view's bytes");
			assertEq(whole.slice(4, 8).some((x) => x !== 0), true, "the view's bytes");
			assertEq(crypto.getRandomValues(new Uint8Array(0)).length, 0, "empty");
		`},
		{"getRandomValues quota", `
			crypto.getRandomValues(new Uint8Array(65536));
			const e = assertThrows(() => crypto.getRandomValues(new Uint8Array(65537)), "DOMException", "getRandomValues() only accepts buffers of size <= 64K but provided 65537 bytes.");
			assertEq(e.name + " " + e.code, "QuotaExceededError 22", "name and code");
			assertThrows(() => crypto.getRandomValues(new Uint32Array(16385)), "DOMException", "getRandomValues() only accepts buffers of size <= 64K but provided 65540 bytes.");
		`},
		{"getRandomValues wants an integer view", `
			const mismatch = "ArrayBufferView argument to getRandomValues() must be an integer-typed view.";
			for (const v of [new Float32Array(4), new Float64Array(4), new DataView(new ArrayBuffer(4))]) {
				const e = assertThrows(() => crypto.getRandomValues(v), "DOMException", mismatch, Object.prototype.toString.call(v));
				assertEq(e.name + " " + e.code, "TypeMismatchError 17", "name and code");
			}
			const notView = "Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.";
			assertThrows(() => crypto.getRandomValues(new ArrayBuffer(4)), "TypeError", notView);
			assertThrows(() => crypto.getRandomValues([1, 2]), "TypeError", notView);
			assertThrows(() => crypto.getRandomValues(), "TypeError", notView);
		`},
		{"getRandomValues ignores a view's own properties, as workerd", `
			const long = new Uint8Array(4);
			Object.defineProperty(long, "byteLength", { value: 1000 });
			assertEq(crypto.getRandomValues(long), long, "byteLength");
			const moved = new Uint8Array(4);
			Object.defineProperty(moved, "byteOffset", { value: 1e9 });
			crypto.getRandomValues(moved);
			const empty = new Uint8Array(4);
			Object.defineProperty(empty, "buffer", { value: new ArrayBuffer(0) });
			crypto.getRandomValues(empty);
			const asFloat = new Uint8Array(4);
			Object.defineProperty(asFloat, "constructor", { value: Float32Array });
			crypto.getRandomValues(asFloat);
			const asInt = new Float32Array(4);
			Object.defineProperty(asInt, "constructor", { value: Uint8Array });
			assertThrows(() => crypto.getRandomValues(asInt), "DOMException", "ArrayBufferView argument to getRandomValues() must be an integer-typed view.");
		`},
		{"randomUUID", `
			const seen = new Set();
			for (let i = 0; i < 100; i++) {
				const id = crypto.randomUUID();
				assertEq(id.length, 36, "length");
				assertMatch(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, "version 4, variant 10");
				seen.add(id);
			}
			assertEq(seen.size, 100, "all different");
		`},
		{"the crypto objects", `
			assertEq(crypto instanceof Crypto, true, "crypto is a Crypto");
			assertEq(crypto.subtle instanceof SubtleCrypto, true, "subtle is a SubtleCrypto");
			assertEq(crypto.subtle, crypto.subtle, "one SubtleCrypto");
			assertThrows(() => new Crypto(), "TypeError", "Illegal constructor");
			assertThrows(() => new SubtleCrypto(), "TypeError", "Illegal constructor");
			const e = assertThrows(() => crypto.getRandomValues.call({}, new Uint8Array(1)), "TypeError");
			assertEq(e.message.startsWith("Illegal invocation"), true, "getRandomValues brand check");
			const r = assertThrows(() => Crypto.prototype.randomUUID.call({}), "TypeError");
			assertEq(r.message.startsWith("Illegal invocation"), true, "randomUUID brand check");
		`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bindingstest.Run(t, bindings.Options{}, "crypto_test.js", tc.js)
		})
	}
}

// digestVectors are the digests of "abc" (FIPS 180 and RFC 1321 examples)
// and of the empty string.
const digestVectors = `
	const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");
	const abc = new TextEncoder().encode("abc");
	const vectors = {
		"SHA-1": "a9993e364706816aba3e25717850c26c9cd0d89d",
		"SHA-256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		"SHA-384": "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
		"SHA-512": "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
		"MD5": "900150983cd24fb0d6963f7d28e17f72",
	};
`

func TestCryptoDigest(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, js string }{
		{"known vectors, algorithm as a string", `(async () => {
			for (const [alg, want] of Object.entries(vectors)) {
				const got = await crypto.subtle.digest(alg, abc);
				assertEq(Object.prototype.toString.call(got), "[object ArrayBuffer]", alg + " result type");
				assertEq(hex(got), want, alg);
			}
		})()`},
		{"known vectors, algorithm as {name}", `(async () => {
			for (const [alg, want] of Object.entries(vectors)) {
				assertEq(hex(await crypto.subtle.digest({ name: alg }, abc)), want, alg);
			}
		})()`},
		{"names are case-insensitive", `(async () => {
			assertEq(hex(await crypto.subtle.digest("sha-256", abc)), vectors["SHA-256"], "sha-256");
			assertEq(hex(await crypto.subtle.digest({ name: "md5" }, abc)), vectors.MD5, "md5");
		})()`},
		{"every BufferSource", `(async () => {
			const want = vectors["SHA-256"];
			assertEq(hex(await crypto.subtle.digest("SHA-256", abc.buffer)), want, "ArrayBuffer");
			assertEq(hex(await crypto.subtle.digest("SHA-256", new Uint8Array([0, 97, 98, 99, 0]).subarray(1, 4))), want, "offset view");
			assertEq(hex(await crypto.subtle.digest("SHA-256", new DataView(abc.buffer))), want, "DataView");
			assertEq(hex(await crypto.subtle.digest("SHA-256", new Uint8Array(0))), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "empty");
		})()`},
		{"errors reject", `(async () => {
			const unknown = crypto.subtle.digest("SHA-3", abc);
			assertEq(unknown instanceof Promise, true, "a promise, not a throw");
			const e = await assertRejects(unknown, "DOMException", "Unrecognized or unimplemented digest algorithm requested.");
			assertEq(e.name, "NotSupportedError", "name");
			await assertRejects(crypto.subtle.digest({ name: "SHA-3" }, abc), "DOMException", "Unrecognized or unimplemented digest algorithm requested.");
			await assertRejects(crypto.subtle.digest("SHA-256", "abc"), "TypeError", "Failed to execute 'digest' on 'SubtleCrypto': parameter 2 is not of type 'BufferSource'.");
			await assertRejects(crypto.subtle.digest("SHA-256"), "TypeError", "Failed to execute 'digest' on 'SubtleCrypto': parameter 2 is not of type 'BufferSource'.");
		})()`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bindingstest.Run(t, bindings.Options{}, "digest_test.js", digestVectors+tc.js)
		})
	}
}
