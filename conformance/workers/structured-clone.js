// Conformance worker: structuredClone(). /values clones one value of each
// kind V8 clones and describes the copy (prototype, slots, own enumerable
// properties, <refN> for an object met before); /errors names what each
// value that cannot be cloned throws; /transfer checks the options and the
// transfer list. A line per probe.

function describe(v, seen = new Map()) {
  if (typeof v === "bigint") return v + "n";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (v === null || typeof v !== "object") return String(v);
  if (seen.has(v)) return "<ref" + seen.get(v) + ">";
  seen.set(v, seen.size);
  const proto = Object.getPrototypeOf(v);
  let s = (proto === null ? "null" : proto.constructor.name) + " " + Object.prototype.toString.call(v);
  if (v instanceof Error) s += ` name=${JSON.stringify(v.name)} message=${JSON.stringify(v.message)} stack=${JSON.stringify(String(v.stack).split("\n")[0])}` + ("cause" in v ? " cause=" + describe(v.cause, seen) : "");
  if (v instanceof Date) s += " " + v.getTime();
  if (v instanceof RegExp) s += " " + v.source + " " + v.flags;
  if (v instanceof Map) s += " {" + [...v].map(([a, b]) => describe(a, seen) + "=>" + describe(b, seen)).join(", ") + "}";
  if (v instanceof Set) s += " {" + [...v].map((a) => describe(a, seen)).join(", ") + "}";
  if (v instanceof ArrayBuffer) s += " [" + new Uint8Array(v) + "]";
  if (ArrayBuffer.isView(v)) s += " off=" + v.byteOffset + " len=" + v.byteLength + " buf=" + describe(v.buffer, seen);
  if (Array.isArray(v)) s += " length=" + v.length;
  if (v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof BigInt) s += " value=" + describe(v.valueOf());
  const keys = Object.keys(v).filter((k) => !ArrayBuffer.isView(v) && !(v instanceof String && /^\d+$/.test(k)));
  if (keys.length) s += " {" + keys.map((k) => k + ": " + describe(v[k], seen)).join(", ") + "}";
  return s;
}

// attempt runs a probe. An error's message is cut at its first line: a
// function's source in it is as each runtime's bundle laid it out.
function attempt(out, label, fn) {
  try {
    out.push(`${label}: ${fn()}`);
  } catch (e) {
    out.push(`${label}: throws ${e.constructor.name} ${e.name}: ${String(e.message).split("\n")[0]}`);
  }
}

function withStack(e) {
  e.stack = e.name + ": fixed";
  return e;
}

const values = {
  "numbers": () => [0, -0, 1, -1, 2 ** 30, 2 ** 31, 0.5, NaN, Infinity, -Infinity],
  "bigints": () => [0n, -1n, 2n ** 64n, -(2n ** 65n) + 3n],
  "strings": () => ["", "ascii", "caf\u00e9", "\u20ac", "\ud83d\ude00", "\ud800"],
  "primitives": () => [undefined, null, true, false],
  "object": () => ({ b: 1, 2: "two", 1: "one", a: { nested: [1, 2] }, 4294967295: "not an index" }),
  "non-enumerable and symbol keys": () => Object.defineProperty({ a: 1, [Symbol("s")]: 2 }, "h", { value: 3 }),
  "getter": () => ({ get g() { return 42; } }),
  "class instance": () => new (class Point { constructor() { this.x = 1; } })(),
  "null prototype": () => Object.assign(Object.create(null), { x: 1 }),
  "__proto__ key": () => JSON.parse('{"__proto__": {"x": 1}}'),
  "holey array": () => [1, , 3],
  "array with properties": () => Object.assign([1, 2], { x: "y" }),
  "sparse array": () => { const a = []; a[2 ** 31] = 1; return a; },
  "array subclass": () => { class A extends Array {} return A.from([1, 2]); },
  "dates": () => [new Date(1700000000000), new Date(NaN)],
  "regexps": () => [/ab+c/gi, new RegExp("a/b"), /x/msuy],
  "map and set": () => [new Map([[1, "a"], ["b", { c: 2 }]]), new Set([1, "a", 1])],
  "map subclass": () => { class M extends Map { constructor() { super(); this.x = 1; } } return new M([[1, 2]]); },
  "wrappers": () => [new String("abc"), new Number(3), new Boolean(false), Object(5n)],
  "buffers and views": () => { const b = new Uint8Array([1, 2, 3, 4]).buffer; return [b, new Uint8Array(b, 1, 2), new Int16Array(b, 2, 1), new DataView(b, 1, 3), new Float64Array([1.5]), new BigInt64Array([-1n])]; },
  "errors": () => [new Error("boom"), new TypeError("bad"), new RangeError("r", { cause: 5 }), new AggregateError([1], "agg"), new EvalError(), new URIError("u")].map(withStack),
  "error with properties": () => Object.assign(withStack(new Error("m")), { code: 7, extra: { x: 1 } }),
  "error with another name": () => { const e = withStack(new Error("m")); e.name = "Custom"; return e; },
  "error subclass": () => withStack(new (class MyError extends Error {})("m")),
  "DOMException": () => { const d = new DOMException("m", "AbortError"); const c = structuredClone(d); return `${c.constructor.name} ${c.name} ${c.message} ${c.code} ${c.stack === d.stack}`; },
  "Blob": () => new Blob(["xy"], { type: "text/plain" }),
  "shared and cyclic": () => { const o = { a: [] }; o.a.push(o, o.a); o.m = new Map([[o, o.a]]); o.s = new Set([o]); return o; },
};

const uncloneable = {
  "function": () => () => {},
  "named function": () => function foo() { return 1; },
  "method": () => ({ f() {} }),
  "class": () => class A { m() {} },
  "native function": () => Math.max,
  "symbol": () => Symbol("s"),
  "nested function": () => [1, { a: () => 1 }],
  "WeakMap": () => new WeakMap(),
  "WeakSet": () => new WeakSet(),
  "WeakRef": () => new WeakRef({}),
  "Promise": () => Promise.resolve(1),
  "Proxy": () => new Proxy({}, {}),
  "Proxy of an array": () => new Proxy([], {}),
  "generator": () => (function* () {})(),
  "iterator": () => new Map().entries(),
  "Symbol object": () => Object(Symbol("s")),
  "arguments": () => (function () { return arguments; })(1),
  "globalThis": () => globalThis,
  "getter that throws": () => ({ get g() { throw new RangeError("inner"); } }),
  "detached buffer": () => { const b = new ArrayBuffer(4); structuredClone(b, { transfer: [b] }); return b; },
  "ReadableStream": () => new ReadableStream(),
  "URL": () => new URL("https://example.com/"),
  "TextEncoder": () => new TextEncoder(),
  "Event": () => new Event("x"),
  "AbortSignal": () => new AbortController().signal,
  "WebSocketPair": () => new WebSocketPair(),
  "WebAssembly.Memory": () => new WebAssembly.Memory({ initial: 1 }),
  "error that refers to itself": () => { const e = new Error("m"); e.self = e; return e; },
  "error message not a string": () => { const e = new Error("m"); Object.defineProperty(e, "message", { value: 5 }); return e; },
};

const transfers = {
  "length and name": () => structuredClone.length + " " + structuredClone.name,
  "no arguments": () => structuredClone(),
  "transfer a buffer": () => { const b = new Uint8Array([1, 2, 3]).buffer; const u = new Uint8Array(b); const c = structuredClone(b, { transfer: [b] }); return `${b.byteLength} ${u.length} ${c.byteLength} [${new Uint8Array(c)}]`; },
  "transfer a view's buffer": () => { const b = new ArrayBuffer(3); const u = new Uint8Array(b); const c = structuredClone(u, { transfer: [u] }); return `${b.byteLength} ${c.constructor.name} ${c.byteLength}`; },
  "transfer a buffer twice": () => { const b = new ArrayBuffer(3); const c = structuredClone([b, b], { transfer: [b, b] }); return `${b.byteLength} ${c[0] === c[1]} ${c[0].byteLength}`; },
  "transfer a buffer not in the value": () => { const b = new ArrayBuffer(3); return `${structuredClone(1, { transfer: [b] })} ${b.byteLength}`; },
  "getter during transfer": () => { const b = new ArrayBuffer(3); let seen; structuredClone({ get g() { seen = b.byteLength; return 1; } }, { transfer: [b] }); return `${seen} ${b.byteLength}`; },
  "failed clone keeps the buffer": () => { const b = new ArrayBuffer(3); try { structuredClone([b, () => 1], { transfer: [b] }); } catch (e) { return `${e.name} ${b.byteLength}`; } },
  "transfer a string": () => structuredClone(1, { transfer: ["x"] }),
  "transfer not an array": () => structuredClone(1, { transfer: new Set() }),
  "transfer null": () => structuredClone(1, { transfer: null }),
  "options null": () => structuredClone(1, null),
  "options a number": () => structuredClone(1, 5),
  "transfer getter throws": () => structuredClone(1, { get transfer() { throw new RangeError("g"); } }),
  "2000 nested objects": () => { let o = {}; for (let i = 0; i < 2000; i++) o = { o }; structuredClone(o); return "ok"; },
  "10000 nested objects": () => { let o = {}; for (let i = 0; i < 10000; i++) o = { o }; return structuredClone(o); },
};

export default {
  fetch(request) {
    const out = [];
    const path = new URL(request.url).pathname;
    if (path === "/values") {
      for (const [label, make] of Object.entries(values)) attempt(out, label, () => { const v = make(); return typeof v === "string" ? v : describe(structuredClone(v)); });
    } else if (path === "/errors") {
      for (const [label, make] of Object.entries(uncloneable)) attempt(out, label, () => describe(structuredClone(make())));
    } else if (path === "/transfer") {
      for (const [label, run] of Object.entries(transfers)) attempt(out, label, () => String(run()));
    }
    return new Response(out.join("\n"));
  },
};
