// The remaining small node: modules and exports (bindings/node_path.go,
// bindings/node_alias.go): node:path's win32 form and matchesGlob,
// node:assert's Assert and partialDeepStrictEqual and node:assert/strict,
// node:sys, node:dgram and the _stream_* modules, one path per area, as
// "label: result" lines.
import path from "node:path";
import * as pathNS from "node:path";
import posixDefault from "node:path/posix";
import win32Default from "node:path/win32";
import * as win32NS from "node:path/win32";
import assert from "node:assert";
import * as assertNS from "node:assert";
import assertStrict from "node:assert/strict";
import * as assertStrictNS from "node:assert/strict";
import sys from "node:sys";
import * as sysNS from "node:sys";
import util from "node:util";
import * as utilNS from "node:util";
import dgram from "node:dgram";
import * as dgramNS from "node:dgram";
import { EventEmitter } from "node:events";
import stream from "node:stream";
import duplexDefault, * as duplexNS from "node:_stream_duplex";
import readableDefault, * as readableNS from "node:_stream_readable";
import writableDefault, * as writableNS from "node:_stream_writable";
import transformDefault, * as transformNS from "node:_stream_transform";
import passThroughDefault, * as passThroughNS from "node:_stream_passthrough";
import JSStreamSocket, * as streamWrapNS from "node:_stream_wrap";

function caught(fn) {
  try {
    return JSON.stringify(fn());
  } catch (e) {
    return "throws " + e.name + " " + e.code + " " + e.message;
  }
}

// pathInputs exercise roots (drives, UNC shares, device paths), both
// separators, "." and "..", and trailing separators.
const pathInputs = ["", ".", "..", "a", "\\", "/", "//", "\\\\", "C:", "C:\\", "c:/", "C:a\\b", "C:\\a\\b\\", "C:/a/../..", "\\a\\b",
  "/a/b/c.txt", "a/b/../c/./d", "..\\..\\a", "\\\\server\\share", "\\\\server\\share\\", "\\\\server\\share\\dir\\f.txt",
  "//server/share/x", "\\\\server", "\\\\?\\C:\\x", "\\\\.\\COM1", "a:b", "file.tar.gz", ".bashrc", "a.", "..a", "C:.x", "a\\b\\",
  "a//b\\\\c", "C:\\a\\.", "\\\\s\\sh\\..\\.."];

function pathForm(log, p, name) {
  for (const x of pathInputs) {
    log(name + " " + JSON.stringify(x), ["normalize", "isAbsolute", "dirname", "basename", "extname", "toNamespacedPath"].map((f) => caught(() => p[f](x))).join(" "));
    log("  parse", caught(() => p.parse(x)), "resolve", caught(() => p.resolve(x)), "resolve2", caught(() => p.resolve("C:\\base", x)));
  }
  const pairs = [["C:\\a\\b", "C:\\a\\c\\d"], ["C:\\a", "D:\\b"], ["c:\\A\\b", "C:\\a\\B\\c"], ["\\\\s\\sh\\a", "\\\\s\\sh\\b"], ["/a/b", "/a"], ["a", "b"], ["C:\\", "C:\\x"], ["C:\\x", "C:\\"], ["\\\\s\\sh", "\\\\s\\sh\\x"], ["C:\\foo\\bar", "C:\\foo\\bar"]];
  for (const [a, b] of pairs) log(name + " relative " + JSON.stringify([a, b]), caught(() => p.relative(a, b)));
  const joins = [["a", "b"], ["\\\\", "server", "share"], ["//", "a"], ["/", "/a"], ["\\\\a", "b"], ["", ""], ["C:", "a"], ["C:\\", "..", "b"], ["a", "C:\\b"], ["\\\\\\a", "b"]];
  for (const j of joins) log(name + " join " + JSON.stringify(j), caught(() => p.join(...j)));
  for (const r of [["a", "b"], ["C:\\a", "b", "..\\c"], ["C:\\a", "D:b"], ["\\\\s\\sh\\a", "..\\..\\b"], ["D:", "x"], ["/a", "C:b"]]) log(name + " resolve " + JSON.stringify(r), caught(() => p.resolve(...r)));
  for (const b of [["a.js", ".js"], ["C:\\x\\a.js", ".js"], ["a.js", "a.js"], ["C:a.js", ".js"], ["dir\\a.js\\", ".js"], ["x.js", "s"], ["/a/b.js", "b.js"]]) log(name + " basename " + JSON.stringify(b), caught(() => p.basename(...b)));
  log(name + " format", caught(() => p.format({ root: "C:\\", name: "n", ext: "e" })), caught(() => p.format({ dir: "C:\\a", base: "b" })), caught(() => p.format(null)), caught(() => p.format("x")));
  log(name + " bad", caught(() => p.normalize(1)), caught(() => p.resolve("a", null)), caught(() => p.relative(1, "a")), caught(() => p.basename("a", 1)), caught(() => p.join("a", {})));
}

const globs = [["/a/b/c.js", "/a/**/*.js"], ["/a/c.js", "/a/**/*.js"], ["a/.b/c.js", "a/**/*.js"], ["a/.b.js", "a/*.js"], ["a/.b.js", "a/.*.js"],
  ["a/b.js", "a/*.JS"], ["a/b.js", "a/?.js"], ["a/bb.js", "a/?.js"], ["a/b.js", "a/[abc].js"], ["a/d.js", "a/[!abc].js"], ["a/d.js", "a/[^abc].js"],
  ["a/b.js", "a/{b,c}.js"], ["a/b", "a/b/"], ["a/b/", "a/b"], ["a\\*b", "a\\*b"], ["a*b", "a\\*b"], ["a/b", "a/**"], ["a", "a/**"], ["a/b/c", "**"],
  [".a", "*"], ["a/b", "!a/b"], ["!a", "!a"], ["#a", "#a"], ["a/b/c", "a/*/c"], ["a/b/c", "a/*"], ["a/b", "*/b"], ["/a", "*"], ["a.js", "*.{js,ts}"],
  ["abc", "a{b,x}c"], ["a1", "a[0-9]"], ["a3", "a{1..3}"], ["a/b/c/d", "a/**/d"], ["a/d", "a/**/d"], ["ab", "a+(b)"], ["abbb", "a+(b)"],
  ["a", "@(a|b)"], ["c", "!(a|b)"], ["a", "!(a|b)"], ["a", "a*(x)"], ["ax", "a?(x)"], ["", ""], ["a", ""], ["a/", "a/*"],
  ["C:\\a\\b.js", "C:/a/*.js"], ["C:\\a\\b.js", "c:\\a\\*.js"], ["a\\b", "a/b"], ["a/b", "a\\b"], ["A/b", "a/b"], ["a.b", "a.b"], ["a+b", "a+b"], ["a(b)", "a(b)"]];

// failure describes what an assertion throws: its error's fields, and the
// first line of its message (workerd prints multi-line diffs that
// workerhost shortens).
function failure(fn) {
  try {
    fn();
    return "ok";
  } catch (e) {
    return `throws ${e.name} ${e.code} op=${e.operator} gen=${e.generatedMessage} ${JSON.stringify(String(e.message).split("\n")[0])}`;
  }
}

// partials are [actual, expected] pairs for partialDeepStrictEqual.
const partials = [[{ a: 1, b: 2 }, { a: 1 }], [{ a: 1 }, { a: 1, b: 2 }], [[1, 2, 3], [1, 3]], [[1, 2, 3], [3, 1]], [[1, 1, 2], [1, 1]], [[1, 2, 3], [2, 3]],
  [new Set([1, 2]), new Set([2])], [new Set([{ a: 1, b: 2 }]), new Set([{ a: 1 }])], [new Set([{ a: 1 }]), new Set([{ a: 1 }])], [new Map([[1, 2], [3, 4]]), new Map([[3, 4]])],
  [new Map([["k", { a: 1, b: 2 }]]), new Map([["k", { a: 1 }]])], [{ a: { b: 1, c: 2 } }, { a: { b: 1 } }], [1, 1], [1, "1"], [NaN, NaN], [[1, [2, 3]], [[2]]],
  [new Date(0), new Date(0)], [new Date(0), new Date(1)], [{ a: [1, 2, 3] }, { a: [2] }], [new Uint8Array([1, 2]), new Uint8Array([1])], ["ab", "a"],
  [{ a: undefined }, {}], [{}, { a: undefined }], [[{ a: 1, b: 2 }], [{ a: 1 }]], [{ a: 1 }, Object.create(null)], [[1, 2], { 0: 1 }], [/a/g, /a/g], [/a/g, /a/]];

// described gives what a value is without what differs between runtimes.
function described(v) {
  if (v && typeof v === "object") return (v.constructor && v.constructor.name) + "{" + Object.keys(v).join(",") + "}";
  return JSON.stringify(v);
}

// streamAliases are the _stream_* modules: their default and namespace,
// node:stream's class, and the named exports workerd lists for them.
const streamAliases = [
  ["_stream_duplex", duplexDefault, duplexNS, "Duplex", ["from", "fromWeb", "toWeb"]],
  ["_stream_readable", readableDefault, readableNS, "Readable", ["ReadableState", "fromWeb", "toWeb", "wrap"]],
  ["_stream_writable", writableDefault, writableNS, "Writable", ["WritableState", "fromWeb", "toWeb"]],
  ["_stream_transform", transformDefault, transformNS, "Transform", []],
  ["_stream_passthrough", passThroughDefault, passThroughNS, "PassThrough", []],
];

const routes = {
  "/path_shape": (log) => {
    log("path keys", Object.keys(path).join(","));
    log("path named", Object.keys(pathNS).sort().join(","));
    log("win32 keys", Object.keys(win32Default).join(","));
    log("win32 named", Object.keys(win32NS).sort().join(","));
    log("links", path.win32 === win32Default, path.posix === path, posixDefault === path, win32Default.posix === path, win32Default.win32 === win32Default, win32NS.default === win32Default);
    log("win32 sep", win32Default.sep, win32Default.delimiter, path.matchesGlob.name, path.matchesGlob.length, win32Default.matchesGlob.length);
  },
  "/win32": (log) => pathForm(log, path.win32, "win32"),
  "/posix": (log) => pathForm(log, path.posix, "posix"),
  "/glob": (log) => {
    for (const [p, pat] of globs) log(JSON.stringify(p) + " " + JSON.stringify(pat), caught(() => path.matchesGlob(p, pat)), caught(() => path.win32.matchesGlob(p, pat)));
    log("bad", caught(() => path.matchesGlob("x", 1)), caught(() => path.matchesGlob(1, "x")), caught(() => path.win32.matchesGlob(null, "x")));
  },
  "/assert": (log) => {
    log("keys", Object.keys(assert).join(","));
    log("named", Object.keys(assertNS).sort().join(","));
    log("strict keys", Object.keys(assert.strict).join(","));
    log("strict module named", Object.keys(assertStrictNS).sort().join(","));
    log("strict module", assertStrict === assert, assertStrict === assert.strict, assertStrictNS.default === assert, assertStrictNS.strictEqual === assert.strictEqual);
    log("strict", assert.strict === assert, assert.strict.strict === assert.strict, assert.strict.name, assert.strict.length, assert.length, failure(() => assert.strict(0)), failure(() => assert.strict(1)));
    for (const k of ["equal", "notEqual", "deepEqual", "notDeepEqual"]) {
      log("legacy " + k, typeof assert[k], assert[k].name, assert[k].length, assert.strict[k] === assert[{ equal: "strictEqual", notEqual: "notStrictEqual", deepEqual: "deepStrictEqual", notDeepEqual: "notDeepStrictEqual" }[k]]);
    }
    log("legacy calls", failure(() => assert.equal(1, "1")), failure(() => assert.notEqual(1, 1)), failure(() => assert.deepEqual({ a: 1 }, { a: "1" })), failure(() => assert.notDeepEqual({ a: 1 }, { a: 1 })));
    log("strict calls", failure(() => assert.strict.equal(1, "1")), failure(() => assert.strict.notDeepEqual([1], [1])));
    log("partialDeepStrictEqual", assert.partialDeepStrictEqual.name, assert.partialDeepStrictEqual.length, failure(() => assert.partialDeepStrictEqual({ a: 1 }, { a: 2 }, "mine")));
    for (const [a, b] of partials) log("partial " + caught(() => [a, b]), failure(() => assert.partialDeepStrictEqual(a, b)));
  },
  "/sys": (log) => {
    log("default", sys === util);
    log("named", Object.keys(sysNS).sort().join(",") === Object.keys(utilNS).sort().join(","), Object.keys(sysNS).filter((k) => k !== "default" && sysNS[k] !== utilNS[k]).join(",") || "all same");
  },
  "/dgram": (log) => {
    log("keys", Object.keys(dgram).join(","), Object.keys(dgramNS).sort().join(","));
    log("functions", dgram.createSocket.name, dgram.createSocket.length, dgram.Socket.name, dgram.Socket.length);
    log("createSocket", caught(() => described(dgram.createSocket("udp4"))), caught(() => described(dgram.createSocket({ type: "udp6" }))), caught(() => described(dgram.createSocket("bad"))),
      caught(() => dgram.createSocket()), caught(() => dgram.createSocket(null)), caught(() => dgram.createSocket(1)), caught(() => dgram.createSocket("udp4", 1)));
    log("new Socket", caught(() => described(new dgram.Socket("udp4"))), caught(() => new dgram.Socket()));
    const s = dgram.createSocket("udp4", () => {});
    log("instance", s instanceof EventEmitter, s instanceof dgram.Socket, s.constructor === dgram.Socket, s.listenerCount("message"), s.domain);
    for (const k of Object.getOwnPropertyNames(dgram.Socket.prototype)) {
      if (k === "constructor") continue;
      log("  " + k + "/" + dgram.Socket.prototype[k].length, caught(() => { const v = s[k](1, 2, 3); return v === s ? "the socket" : v; }));
    }
  },
  "/dgram_events": async (log) => {
    const s = dgram.createSocket("udp4");
    const seen = [];
    for (const e of ["listening", "close", "error", "connect", "message"]) s.on(e, () => seen.push(e));
    s.bind(0, () => seen.push("bind callback"));
    s.send("x", 1234, "127.0.0.1", () => seen.push("send callback"));
    s.close(() => seen.push("close callback"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    log("events", seen.join(",") || "none");
  },
  "/stream_alias": (log) => {
    for (const [name, def, ns, className, statics] of streamAliases) {
      const C = stream[className];
      log(name, def === C, ns.default === C, ns[className] === C, typeof C, statics.map((k) => k + "=" + (ns[k] === C[k])).join(","));
    }
    log("Readable.from", typeof readableNS.from);
  },
  "/stream_wrap": async (log) => {
    const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
    log("module", Object.keys(streamWrapNS).sort().join(","), JSStreamSocket.name, JSStreamSocket.length, JSStreamSocket.prototype instanceof stream.Duplex);
    log("prototype", ["isClosing", "readStart", "readStop", "doShutdown", "doClose"].map((k) => k + "=" + typeof JSStreamSocket.prototype[k]).join(","));
    log("bad", caught(() => new JSStreamSocket({})), caught(() => new JSStreamSocket()));
    const inner = new stream.PassThrough();
    const s = new JSStreamSocket(inner);
    log("fields", s.stream === inner, typeof s._handle, s.connecting, s.readable, s.writable, s instanceof stream.Duplex, s.allowHalfOpen);
    log("methods", s.isClosing(), s.readStart(), s.readStop());
    const seen = [];
    s.on("data", (c) => seen.push("data " + c));
    s.on("end", () => seen.push("end"));
    s.on("close", () => seen.push("close"));
    s.write("hello", (e) => seen.push("write callback " + (e == null ? "without error" : e)));
    await tick();
    inner.write("from inner");
    await tick();
    log("written", seen.join(","));
    inner.end();
    await tick();
    log("inner ended", seen.join(","), s.destroyed);
    const i2 = new stream.PassThrough(), s2 = new JSStreamSocket(i2), seen2 = [];
    i2.on("finish", () => seen2.push("inner finish"));
    s2.end("bye");
    await tick();
    log("end", seen2.join(","), i2.readableLength);
    const i3 = new stream.PassThrough(), s3 = new JSStreamSocket(i3), seen3 = [];
    s3.on("error", (e) => seen3.push("error " + e.message));
    s3.on("close", () => seen3.push("close"));
    i3.destroy(new Error("boom"));
    await tick();
    log("inner error", seen3.join(","), s3.destroyed);
  },
  "/Assert": (log) => {
    const { Assert } = assert;
    log("class", typeof Assert, Assert.name, Assert.length, Object.keys(Assert).join(","), caught(() => Assert()));
    log("prototype", Object.getOwnPropertyNames(Assert.prototype).sort().join(","));
    log("prototype shares", ["strictEqual", "deepStrictEqual", "notStrictEqual", "notDeepStrictEqual", "partialDeepStrictEqual", "match", "doesNotMatch", "throws", "rejects", "doesNotThrow", "doesNotReject", "ifError", "fail"].filter((k) => Assert.prototype[k] !== assert[k]).join(",") || "all", Assert.prototype.ok === assert.ok, Assert.prototype.equal === assert.equal);
    const s = new Assert(), l = new Assert({ strict: false, diff: "full" });
    log("strict instance", Object.keys(s).join(","), s.equal === assert.strictEqual, s.deepEqual === assert.deepStrictEqual, s.AssertionError === assert.AssertionError);
    log("loose instance", Object.keys(l).join(","), l.equal === Assert.prototype.equal);
    log("strict instance calls", failure(() => s.equal(1, "1")), failure(() => s.ok(0)), failure(() => s.strictEqual(1, 2, "m")), failure(() => s.fail("x")), failure(() => s.throws(() => {})), failure(() => s.partialDeepStrictEqual({ a: 1 }, { b: 1 })));
    log("loose equal", failure(() => l.equal(1, "1")), failure(() => l.equal(null, undefined)), failure(() => l.equal(NaN, NaN)), failure(() => l.equal(1, 2)), failure(() => l.equal("a", "b", "mine")));
    log("loose notEqual", failure(() => l.notEqual(1, "1")), failure(() => l.notEqual(1, 2)));
    log("loose deepEqual", failure(() => l.deepEqual({ a: 1 }, { a: "1" })), failure(() => l.deepEqual([1], ["1"])), failure(() => l.deepEqual({ a: 1 }, { a: 2 })), failure(() => l.deepEqual(new Date(0), new Date(0))), failure(() => l.deepEqual(Object.create(null), {})));
    log("loose notDeepEqual", failure(() => l.notDeepEqual({ a: 1 }, { a: "1" })), failure(() => l.notDeepEqual({ a: 1 }, { a: 2 })));
    log("options", caught(() => Object.keys(new Assert(1))), caught(() => new Assert({ diff: "x" })), caught(() => Object.keys(new Assert({ strict: 1 }))), caught(() => Object.keys(new Assert(null))));
  },
};

export default {
  async fetch(request) {
    const route = routes[new URL(request.url).pathname];
    if (!route) return new Response("no such route", { status: 404 });
    const lines = [];
    await route((...parts) => lines.push(parts.join(": ")));
    return new Response(lines.join("\n") + "\n");
  },
};
