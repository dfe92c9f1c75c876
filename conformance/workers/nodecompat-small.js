// The smaller node: modules of nodejs_compat (bindings/node_small.go): each
// module's exports (/shape), and what its functions do, one path per
// module, as "label: result" lines.
import * as os from "node:os";
import * as querystring from "node:querystring";
import * as utilTypes from "node:util/types";
import util from "node:util";
import * as streamWeb from "node:stream/web";
import * as streamPromises from "node:stream/promises";
import * as consumers from "node:stream/consumers";
import * as timersPromises from "node:timers/promises";
import * as dc from "node:diagnostics_channel";
import * as punycode from "node:punycode";
import * as perfHooks from "node:perf_hooks";
import { Readable, PassThrough } from "node:stream";
import { Buffer } from "node:buffer";
import { AsyncLocalStorage } from "node:async_hooks";
import process from "node:process";
import * as processNS from "node:process";
import { EventEmitter } from "node:events";

const modules = {
  os, querystring, "util/types": utilTypes, "stream/web": streamWeb, "stream/promises": streamPromises,
  "stream/consumers": consumers, "timers/promises": timersPromises, diagnostics_channel: dc, punycode, perf_hooks: perfHooks,
  process: processNS,
};

// kind describes an export without values that differ between runtimes.
function kind(v) {
  if (typeof v === "function") return "function/" + v.length;
  if (v === null) return "null";
  if (typeof v === "object") return "object{" + Object.keys(v).join(",") + "}";
  return typeof v + " " + String(v);
}

function caught(fn) {
  try {
    return "returns " + JSON.stringify(fn());
  } catch (e) {
    return "throws " + e.name + " " + e.code + " " + e.message;
  }
}

async function rejected(p) {
  try {
    return "resolves " + JSON.stringify(await p);
  } catch (e) {
    return "rejects " + e.name + " " + e.code + " " + e.message;
  }
}

// processMember describes one of process's own members: its property
// flags, its kind and, for a function whose call neither ends the request
// nor reads a clock, what a call with no arguments gives.
function processMember(k) {
  const d = Object.getOwnPropertyDescriptor(process, k);
  const flags = (d.enumerable ? "e" : "-") + (d.get ? "g" : "") + (d.set ? "s" : "") + ("value" in d ? (d.writable ? "w" : "-") : "") + (d.configurable ? "c" : "-");
  const v = process[k];
  const kindOf = (x) => (x && typeof x === "object" ? (Object.getPrototypeOf(x) === null ? "null-proto" : x.constructor && x.constructor.name) + "{" + Object.keys(x).sort().slice(0, 14).join(",") + "}" : kind(x));
  const noCall = ["exit", "abort", "reallyExit", "kill", "_kill", "execve", "nextTick", "emitWarning", "openStdin", "uptime", "hrtime", "_rawDebug"];
  if (typeof v !== "function" || noCall.includes(k)) return `[${flags}] ${kindOf(v)}`;
  try {
    return `[${flags}] ${kind(v)} -> ${kindOf(v.call(process))}`;
  } catch (e) {
    return `[${flags}] ${kind(v)} throws ${e.name} ${e.code} ${e.message}`;
  }
}

const routes = {
  "/shape": (log) => {
    for (const [name, ns] of Object.entries(modules)) {
      log(name + " named", Object.keys(ns).sort().join(","));
      // stream/web's classes are the globals, whose shapes streams_cases.go covers.
      // process's stdio streams are node:stream's, whose fields /process covers.
      const show = (k) => {
        if (name === "stream/web") return k;
        if (name === "process" && /^std(in|out|err)$/.test(k)) return k + ":stream";
        return k + ":" + kind(ns.default[k]);
      };
      log(name + " default", Object.keys(ns.default).map(show).join(" "));
    }
  },
  "/os": (log) => {
    for (const k of Object.keys(os.default)) if (typeof os[k] === "function") log(k, caught(os[k]));
    log("EOL devNull", JSON.stringify(os.EOL), os.devNull);
    log("constants frozen", Object.isFrozen(os.constants), Object.isFrozen(os.constants.signals));
    log("signals", JSON.stringify(os.constants.signals));
    log("errno", JSON.stringify(os.constants.errno));
    log("priority", JSON.stringify(os.constants.priority), JSON.stringify(os.constants.dlopen), os.constants.UV_UDP_REUSEADDR);
    log("setPriority", caught(() => os.setPriority(0, 5)), caught(() => os.setPriority(1)), caught(() => os.getPriority("x")));
  },
  "/querystring": (log) => {
    const p = (...a) => JSON.stringify(querystring.parse(...a));
    log("parse", p("a=1&b=2&a=3&c&=x&d=&&e=%20f+g"));
    log("parse proto", Object.getPrototypeOf(querystring.parse("a=1")));
    log("parse seps", p("a:1;b:2", ";", ":"), p("a==1", "&", "=="), p("a=1&b=2", "", ""));
    log("parse maxKeys", p("a=1&b=2&c=3", null, null, { maxKeys: 2 }), p("a=1&b=2", null, null, { maxKeys: 0 }));
    log("parse bad escapes", p("a=%zz&b=%E9&c=%C3%A9&d=100%"));
    log("parse custom", p("a=b+c%41", null, null, { decodeURIComponent: (s) => s.toLowerCase() }));
    log("parse non-string", p(5), p(""), p("&"), p("="));
    log("stringify", querystring.stringify({ a: [1, 2], b: "x y", c: true, d: null, e: undefined, f: NaN, g: 5n, h: {}, i: [], "é": "ü~*'()!" }));
    log("stringify seps", querystring.stringify({ a: 1, b: 2 }, ";", ":"), querystring.stringify("x"), querystring.stringify(null));
    log("stringify custom", querystring.stringify({ a: "b c" }, null, null, { encodeURIComponent: (s) => s.toUpperCase() }));
    log("encode decode", querystring.encode === querystring.stringify, querystring.decode === querystring.parse);
    log("escape", querystring.escape("a b&c/é😀"), querystring.escape(5), querystring.escape({ toString: () => "o k" }));
    log("escape lone", caught(() => querystring.escape("\ud800")));
    log("unescape", querystring.unescape("a%20b+c"), querystring.unescape("%zz%41"), querystring.unescape("%E9+x", true));
    log("unescapeBuffer", querystring.unescapeBuffer("a%20b+%ff%zz").toString("hex"), querystring.unescapeBuffer("a+b", true).toString(), Buffer.isBuffer(querystring.unescapeBuffer("")));
  },
  "/util_types": (log) => {
    const values = {
      "async fn": async () => {}, "gen fn": function* () {}, "async gen fn": async function* () {}, "gen obj": (function* () {})(),
      fn: () => {}, ab: new ArrayBuffer(1), args: (function () { return arguments; })(), "new Number": new Number(1),
      "new String": new String("s"), "new Boolean": new Boolean(false), "Object(1n)": Object(1n), "Object(sym)": Object(Symbol()),
      dv: new DataView(new ArrayBuffer(1)), map: new Map(), "map iter": new Map().keys(), set: new Set(), "set iter": new Set().values(),
      "array iter": [].values(), err: new TypeError("x"), "fake err": Object.create(Error.prototype), promise: Promise.resolve(),
      thenable: { then() {} }, proxy: new Proxy({}, {}), wm: new WeakMap(), ws: new WeakSet(), re: /x/, date: new Date(0),
      "fake date": Object.create(Date.prototype), u8: new Uint8Array(1), u8c: new Uint8ClampedArray(1), i16: new Int16Array(1),
      f64: new Float64Array(1), b64: new BigInt64Array(1), buf: Buffer.alloc(1), num: 1, str: "s", nul: null, obj: {},
    };
    for (const [fname, check] of Object.entries(utilTypes.default)) {
      if (fname === "isCryptoKey" || fname === "isKeyObject" || fname === "isFloat16Array") continue;
      log(fname, Object.keys(values).filter((k) => check(values[k])).join(",") || "none");
    }
    log("util.types", util.types === utilTypes.default || JSON.stringify(Object.keys(util.types)) === JSON.stringify(Object.keys(utilTypes.default)));
  },
  "/stream": async (log) => {
    log("web same", streamWeb.ReadableStream === ReadableStream, streamWeb.TransformStream === TransformStream, streamWeb.CompressionStream === CompressionStream);
    log("promises", streamPromises.promises === streamPromises.default, Object.keys(streamPromises.default).join(","));
    const pt = new PassThrough();
    const got = [];
    pt.on("data", (c) => got.push(c.toString()));
    await streamPromises.pipeline(Readable.from(["a", "b"]), pt);
    log("pipeline", got.join(""));
    log("text", await consumers.text(Readable.from(["a", "b"])));
    log("json", JSON.stringify(await consumers.json(new Response('{"x":1}').body)));
    log("buffer", (await consumers.buffer(Readable.from([Buffer.from("hi")]))).toString("hex"));
    const ab = await consumers.arrayBuffer(new Blob(["xyz"]).stream());
    log("arrayBuffer", ab.constructor.name, ab.byteLength);
    const b = await consumers.blob(Readable.from(["q"]));
    log("blob", b.constructor.name, b.size, JSON.stringify(b.type));
    log("not iterable", await rejected(consumers.text(1)));
    log("iterable", await consumers.text((async function* () { yield "x"; yield new Uint8Array([121]); })()));
  },
  "/timers_promises": async (log) => {
    log("setTimeout", await timersPromises.setTimeout(1, "v"));
    log("setImmediate", await timersPromises.setImmediate("w"));
    log("aborted", await rejected(timersPromises.setTimeout(1, "v", { signal: AbortSignal.abort("why") })));
    try {
      await timersPromises.setTimeout(1, "v", { signal: AbortSignal.abort("why") });
    } catch (e) {
      log("abort cause", e.cause, e instanceof Error);
    }
    const ac = new AbortController();
    const later = timersPromises.setTimeout(50, "v", { signal: ac.signal });
    ac.abort();
    log("abort later", await rejected(later));
    log("bad delay", await rejected(timersPromises.setTimeout("x")));
    log("bad options", await rejected(timersPromises.setTimeout(1, 1, "x")));
    log("bad signal", await rejected(timersPromises.setTimeout(1, 1, { signal: 1 })));
    let n = 0;
    for await (const v of timersPromises.setInterval(1, "i")) {
      log("interval", v);
      if (++n === 3) break;
    }
    log("scheduler", Object.getOwnPropertyNames(Object.getPrototypeOf(timersPromises.scheduler)).join(","));
    log("wait yield", await timersPromises.scheduler.wait(1), await timersPromises.scheduler.yield());
    const timers = await import("node:timers");
    log("timers.promises", Object.keys(timers.promises).join(), timers.promises.setTimeout === timersPromises.setTimeout, timers.default.promises === timers.promises);
  },
  "/diagnostics_channel": async (log) => {
    const ch = dc.channel("x");
    log("channel", ch instanceof dc.Channel, ch.name, ch.hasSubscribers, dc.channel("x") === ch);
    const f = (m, name) => log("message", JSON.stringify(m), name);
    log("subscribe", dc.subscribe("x", f), dc.hasSubscribers("x"), ch.hasSubscribers);
    ch.publish({ a: 1 });
    log("unsubscribe", dc.unsubscribe("x", f), ch.hasSubscribers, ch.unsubscribe(f));
    ch.publish({ a: 2 });
    log("bad subscribe", caught(() => ch.subscribe(1)));
    const g = (m) => log("direct", m);
    ch.subscribe(g);
    ch.publish(3);
    log("channel unsubscribe", ch.unsubscribe(g), ch.unsubscribe(g));
    const store = new AsyncLocalStorage();
    const sc = dc.channel("stores");
    sc.bindStore(store, (d) => "T" + d);
    sc.subscribe((m) => log("store message", m, store.getStore()));
    log("runStores", sc.runStores(1, function (a) { return [this.k, a, store.getStore()].join(); }, { k: "this" }, "arg"));
    log("unbindStore", sc.unbindStore(store), sc.unbindStore(store));
    const tc = dc.tracingChannel("t");
    log("tracing", Object.getOwnPropertyNames(Object.getPrototypeOf(tc)).join(","), tc.start === dc.channel("tracing:t:start"), tc.hasSubscribers);
    const seen = [];
    const handlers = { start: (c) => seen.push("start " + c.k), end: (c) => seen.push("end " + c.result), asyncStart: (c) => seen.push("asyncStart " + c.result), asyncEnd: () => seen.push("asyncEnd"), error: (c) => seen.push("error " + c.error.message) };
    tc.subscribe(handlers);
    log("traceSync", tc.traceSync((a) => a * 2, { k: "s" }, null, 21));
    log("traceSync throws", caught(() => tc.traceSync(() => { throw new Error("bad"); }, { k: "e" })));
    log("tracePromise", await tc.tracePromise(async () => "p", { k: "p" }));
    log("events", seen.join("; "));
    log("tracing unsubscribe", tc.unsubscribe(handlers), tc.hasSubscribers);
  },
  "/punycode": (log) => {
    log("encode", punycode.encode("mañana"), punycode.encode("☃-⌘"), punycode.encode("abc"), punycode.encode("ü"));
    log("decode", punycode.decode("maana-pta"), punycode.decode("--dqo34k"), punycode.decode("tda"));
    log("toASCII", punycode.toASCII("mañana.com"), punycode.toASCII("user@☃-⌘.com"), punycode.toASCII("a。b"));
    log("toUnicode", punycode.toUnicode("xn--maana-pta.com"), punycode.toUnicode("XN--MAANA-PTA.com"), punycode.toUnicode("plain.org"));
    log("ucs2", punycode.ucs2.decode("a😀\ud800").join(","), punycode.ucs2.encode([97, 128512]));
    log("bad", caught(() => punycode.decode("ü")), caught(() => punycode.decode("a-!")), caught(() => punycode.decode("99999999")));
    log("version", punycode.version);
  },
  "/process": async (log) => {
    for (const k of Object.getOwnPropertyNames(process).sort()) if (k !== "env") log(k, processMember(k));
    log("tag", process[Symbol.toStringTag], Object.prototype.toString.call(process));
    log("EventEmitter", Object.getPrototypeOf(process) === EventEmitter.prototype, process instanceof EventEmitter, process.constructor.name);
    log("events", Object.keys(process._events).join(","), process._eventsCount, process.eventNames().join(","));
    const f = (v) => log("foo event", v);
    log("on", process.on("foo", f) === process, process.emit("foo", 1), process.listenerCount("foo"));
    process.off("foo", f);
    log("off", process.emit("foo", 2), process.eventNames().join(","));
    log("values", JSON.stringify([process.versions, process.features, process.release, process.argv, process.getgroups(), process.umask()]));
    log("config", Object.isFrozen(process.config), JSON.stringify(process.config).length);
    log("hrtime", process.hrtime().length, typeof process.hrtime.bigint(), caught(() => process.hrtime(1)));
    log("chdir", caught(() => process.chdir("/x")), caught(() => process.chdir("/tmp")), process.cwd(), caught(() => process.chdir("abc")));
    process.chdir("/bundle");
    log("getBuiltinModule", typeof process.getBuiltinModule("node:path"), process.getBuiltinModule("nope"), process.getBuiltinModule(1));
    log("assert", caught(() => process.assert(false, "msg")), caught(() => process.assert(true)));
    log("loadEnvFile", caught(() => process.loadEnvFile("/tmp/x")));
    log("setuid", caught(() => process.setuid(1)));
    log("permission.has", caught(() => process.permission.has("fs.read")));
    log("report", JSON.stringify(process.report.getReport()), caught(() => process.report.writeReport()));
    log("stdio", process.stdout === process.stdout, process.stdout.fd, process.stderr.fd, process.stdin.fd, typeof process.stdout.write, process.stdout.constructor.name, process.stdin.constructor.name);
    log("stdout.write", process.stdout.write("to stdout\n"));
    let warned;
    process.on("warning", (w) => { warned = w; });
    process.emitWarning("hello", "MyWarning", "CODE1");
    await new Promise((res) => setTimeout(res, 5));
    log("warning", warned && warned.name, warned && warned.message, warned && warned.code, warned instanceof Error);
    log("nextTick non-function", caught(() => typeof process.nextTick));
  },
  "/buffer": (log) => {
    const hex = (b) => b.toString("hex");
    const b = () => Buffer.from("0102030405060708", "hex");
    log("fill", hex(Buffer.alloc(5).fill(7)), hex(Buffer.alloc(5).fill("ab")), hex(Buffer.alloc(5).fill("ab", 1)), hex(Buffer.alloc(5).fill(1, 1, 3)));
    log("fill enc", hex(Buffer.alloc(5).fill("6162", "hex")), hex(Buffer.alloc(6).fill("é", 1, "latin1")), hex(Buffer.alloc(4).fill(Buffer.from([9, 8]))), hex(Buffer.alloc(3).fill("")));
    log("fill returns", (() => { const x = Buffer.alloc(2); return x.fill(1) === x; })(), hex(Buffer.alloc(3).fill(257)), hex(Buffer.alloc(3).fill(true)));
    log("fill errors", caught(() => Buffer.alloc(3).fill("zz", "hex")), caught(() => Buffer.alloc(3).fill(1, -1)), caught(() => Buffer.alloc(3).fill(1, 0, 5)), caught(() => Buffer.alloc(3).fill("a", "nope")));
    const h = Buffer.from("abcabcab");
    log("lastIndexOf", h.lastIndexOf("ab"), h.lastIndexOf("ab", 5), h.lastIndexOf("ab", -3), h.lastIndexOf(98), h.lastIndexOf(Buffer.from("ca")), h.lastIndexOf("zz"), h.lastIndexOf(""), h.lastIndexOf("ab", 0));
    log("swap16", hex(b().swap16()), caught(() => Buffer.alloc(3).swap16()));
    log("swap32", hex(b().swap32()), caught(() => Buffer.alloc(6).swap32()));
    log("swap64", hex(b().swap64()), caught(() => Buffer.alloc(4).swap64()));
    const s = Buffer.from("héllo wörld");
    for (const enc of ["ascii", "base64", "base64url", "hex", "latin1", "ucs2", "utf8"]) {
      log(enc + "Slice", caught(() => s[enc + "Slice"](0, s.length)), caught(() => s[enc + "Slice"](1, 5)), caught(() => s[enc + "Slice"]()));
      const w = Buffer.alloc(10);
      log(enc + "Write", caught(() => w[enc + "Write"]("aGk=ff00é", 2)), hex(w), caught(() => w[enc + "Write"]("abcdef", 1, 2)), hex(w), caught(() => w[enc + "Write"]("xyz")), hex(w));
    }
    log("Slice bounds", caught(() => s.utf8Slice(5, 100)), caught(() => s.hexSlice(-1)));
    log("Write errors", caught(() => Buffer.alloc(2).utf8Write("abc", 5)), caught(() => Buffer.alloc(2).utf8Write(5)));
    log("of", hex(Buffer.of(1, 2, 258)), Buffer.of() instanceof Buffer, Buffer.of.length);
    const big = new Uint8Array(16);
    const view = Buffer.from(big.buffer, 4, 8);
    log("offset parent", view.offset, view.parent === big.buffer, Buffer.alloc(1).offset, view.parent instanceof ArrayBuffer);
    log("inspect", Buffer.from([1, 2, 255]).inspect(), Buffer.alloc(60).inspect().length, Buffer.alloc(0).inspect());
    const custom = Buffer.prototype[Symbol.for("nodejs.util.inspect.custom")];
    log("inspect custom", typeof custom, custom === Buffer.prototype.inspect);
    log("util.inspect", util.inspect(Buffer.from("hi")));
  },
  "/console": async (log) => {
    const { Console } = await import("node:console");
    const { Writable } = await import("node:stream");
    const chunks = [];
    const sink = new Writable({ write(chunk, enc, cb) { chunks.push(String(chunk)); cb(); } });
    const c = new Console(sink);
    log("keys", Object.keys(c).sort().join(","));
    c.log("a %d %s", 1, "b");
    c.group("g");
    c.warn({ x: [1] });
    c.groupEnd();
    c.count();
    c.count();
    c.assert(false, "no");
    c.dir("s");
    await new Promise((res) => setTimeout(res, 1));
    log("written", JSON.stringify(chunks));
    log("no stream", caught(() => new Console()), caught(() => new Console({ write() {} })), caught(() => new Console({ write() {} }).log("x")));
  },
  "/exit": () => {
    process.exit(3);
  },
  "/perf_hooks": (log) => {
    log("same", perfHooks.performance === performance, perfHooks.PerformanceEntry === PerformanceEntry, perfHooks.Performance === Performance);
    log("eventLoopUtilization", JSON.stringify(perfHooks.eventLoopUtilization()));
    const f = () => 1;
    log("timerify", perfHooks.timerify(f) === f);
    log("createHistogram", caught(() => perfHooks.createHistogram()));
    log("monitorEventLoopDelay", caught(() => perfHooks.monitorEventLoopDelay()));
    log("constants", JSON.stringify(perfHooks.constants));
  },
};

export default {
  async fetch(request) {
    const out = [];
    const log = (label, ...vals) => out.push(label + ": " + vals.map(String).join(" "));
    const route = routes[new URL(request.url).pathname];
    if (!route) return new Response("no such route", { status: 404 });
    await route(log);
    return new Response(out.join("\n") + "\n");
  },
};
