// The runtime's surface, for the surface case (surface_cases.go): which
// globals exist, which members each global's constructor, prototype or object
// has, and how a set of behaviour probes answer. The client posts the names
// it expects (testdata/surface_names.json, taken from workerd with GET
// /names) and the worker prints one line per name, so a missing name reads
// as "missing" and a name workerd lacks is listed as "unlisted".

function kind(v) {
  if (v === null) return "null";
  return typeof v;
}

function keyName(k) {
  return typeof k === "symbol" ? "[" + k.description + "]" : k;
}

// internal reports whether k is an engine's own symbol (workerd's
// "cloudflare:internal-class", Node's "kCapture"), not part of the surface:
// only well-known symbols and Node's public ones count.
function internal(k) {
  return typeof k === "symbol" && !/^(Symbol|nodejs)\./.test(k.description);
}

function ownMembers(o) {
  const out = {};
  for (const k of Reflect.ownKeys(o)) {
    if (internal(k)) continue;
    const d = Object.getOwnPropertyDescriptor(o, k);
    out[keyName(k)] = d.get || d.set ? "accessor" : kind(d.value);
  }
  return out;
}

function globalNames() {
  const keys = new Map();
  for (let o = globalThis; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const k of Reflect.ownKeys(o)) if (!internal(k) && !keys.has(keyName(k))) keys.set(keyName(k), k);
  }
  return keys;
}

// surface maps "global X", "X.m", "X.prototype.m" and "X.__proto__.m" (the
// members an object global inherits from its own class) to their kinds.
function surface() {
  const out = {};
  for (const [name, k] of globalNames()) {
    let v;
    try { v = globalThis[k]; } catch (e) { out["global " + name] = "throws " + e.name; continue; }
    out["global " + name] = kind(v);
    if (name === "globalThis" || name === "self" || name === "global") continue;
    if (typeof v === "function") {
      for (const [m, t] of Object.entries(ownMembers(v))) out[name + "." + m] = t;
      if (v.prototype && typeof v.prototype === "object") {
        for (const [m, t] of Object.entries(ownMembers(v.prototype))) out[name + ".prototype." + m] = t;
      }
    } else if (v && typeof v === "object") {
      for (const [m, t] of Object.entries(ownMembers(v))) out[name + "." + m] = t;
      const p = Object.getPrototypeOf(v);
      if (p && p !== Object.prototype) {
        for (const [m, t] of Object.entries(ownMembers(p))) out[name + ".__proto__." + m] = t;
      }
    }
  }
  return out;
}

function show(v) {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") return "function " + v.name;
  if (v && typeof v === "object") {
    try { return JSON.stringify(v); } catch (e) { return Object.prototype.toString.call(v); }
  }
  return String(v);
}

// probes are behaviours libraries rely on, each a function whose answer (or
// error) is printed.
const probes = {
  "URL userinfo": () => new URL("https://test@test/").href,
  "URL origin with port": () => new URL("http://foo:21/").origin,
  "URL with spaces": () => new URL("  http://example.com/a b  ").href,
  "URL backslashes": () => new URL("http:\\\\example.com\\a\\b").href,
  "URL.name": () => URL.name,
  "URL toStringTag": () => Object.prototype.toString.call(new URL("http://a/")),
  "URL.canParse": () => typeof URL.canParse === "function" && URL.canParse("nope"),
  "URLSearchParams toStringTag": () => Object.prototype.toString.call(new URLSearchParams("a=1")),
  "navigator.userAgent": () => navigator.userAgent,
  "navigator.language": () => navigator.language,
  "Headers.getAll": () => new Headers([["set-cookie", "a=1"], ["set-cookie", "b=2"]]).getAll("set-cookie"),
  "Headers.getSetCookie": () => new Headers([["set-cookie", "a=1"], ["set-cookie", "b=2"]]).getSetCookie(),
  "toLocaleDateString en-GB": () => new Date(Date.UTC(2024, 0, 31, 12)).toLocaleDateString("en-GB", { timeZone: "UTC" }),
  "toLocaleDateString en-US": () => new Date(Date.UTC(2024, 0, 31, 12)).toLocaleDateString("en-US", { timeZone: "UTC" }),
  "toLocaleString number de-DE": () => (1234567.891).toLocaleString("de-DE"),
  "toLocaleString number en-US": () => (1234567.891).toLocaleString("en-US"),
  "localeCompare sensitivity base": () => "a".localeCompare("A", undefined, { sensitivity: "base" }),
  "localeCompare numeric": () => "a10".localeCompare("a9", undefined, { numeric: true }),
  "Intl.NumberFormat currency": () => new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(1234.5),
  "Intl.DateTimeFormat": () => new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeZone: "UTC" }).format(new Date(0)),
  "Promise.withResolvers": () => typeof Promise.withResolvers().resolve,
  "Object.groupBy": () => Object.groupBy([1, 2, 3], (x) => (x % 2 ? "odd" : "even")),
  "Array.fromAsync": () => typeof Array.fromAsync,
  "iterator helpers": () => [1, 2, 3].values().map((x) => x * 2).toArray(),
  "ArrayBuffer.transfer": () => new ArrayBuffer(8).transfer(4).byteLength,
  "Set.union": () => [...new Set([1]).union(new Set([2]))],
  "structuredClone Map": () => structuredClone(new Map([[1, 2]])).get(1),
  "Error.captureStackTrace": () => typeof Error.captureStackTrace,
  "Error.stackTraceLimit": () => Error.stackTraceLimit,
  "stack line shape": () => {
    function probeFrame() { return new Error("x").stack.split("\n").slice(0, 2); }
    return probeFrame().map((l) => l.replace(/\(.*\)$/, "(FILE)"));
  },
  "performance.timeOrigin": () => typeof performance.timeOrigin,
  "scheduler.wait": () => typeof scheduler.wait,
  "setImmediate": () => typeof setImmediate,
  "reportError": () => typeof reportError,
  "CustomEvent detail": () => new CustomEvent("x", { detail: 7 }).detail,
  "MessageChannel": () => typeof new MessageChannel().port1.postMessage,
  "crypto.subtle methods": () => Object.getOwnPropertyNames(Object.getPrototypeOf(crypto.subtle)).sort(),
  "CryptoKey": () => typeof CryptoKey,
  "FormData": () => typeof FormData,
  "TransformStream": () => typeof TransformStream,
  "CompressionStream": () => typeof CompressionStream,
  "ReadableStream.from": () => typeof ReadableStream.from,
  "Blob.stream": () => typeof new Blob(["a"]).stream,
  "TextEncoderStream": () => typeof TextEncoderStream,
  "URLPattern": () => typeof URLPattern,
  "HTMLRewriter": () => typeof HTMLRewriter,
  "caches.default": () => typeof caches.default,
  "Buffer": () => typeof Buffer,
  "process.env": () => typeof process.env,
};

function runProbes() {
  const lines = [];
  for (const [name, f] of Object.entries(probes)) {
    let answer;
    try { answer = show(f()); } catch (e) { answer = "throws " + (e && e.name) + ": " + (e && e.message); }
    lines.push(name + ": " + answer);
  }
  return lines.join("\n") + "\n";
}

async function check(request) {
  const expected = await request.json();
  const got = surface();
  const lines = [];
  for (const name of expected) lines.push(name + ": " + (name in got ? got[name] : "missing"));
  const want = new Set(expected);
  const unlisted = Object.keys(got).filter((n) => !want.has(n)).sort();
  lines.push("unlisted: " + (unlisted.length ? unlisted.join(", ") : "none"));
  return lines.join("\n") + "\n";
}

export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/names") return new Response(JSON.stringify(Object.keys(surface()).sort(), null, 0).replace(/","/g, "\",\n\""));
    if (path === "/check") return new Response(await check(request));
    if (path === "/probes") return new Response(runProbes());
    return new Response("not found", { status: 404 });
  },
};
