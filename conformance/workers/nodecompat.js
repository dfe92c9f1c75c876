// Node.js compatibility (nodejs_compat): what a worker observes of the
// node: modules workerhost provides, one path per module, as "label:
// result" lines.
import { Buffer } from "node:buffer";
import { EventEmitter, once } from "node:events";
import events from "node:events";
import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import path from "node:path";
import util from "node:util";
import process from "node:process";
import * as nodeCrypto from "node:crypto";
import * as timers from "node:timers";
import { StringDecoder } from "node:string_decoder";
import assert from "node:assert";
import * as nodeURL from "node:url";

const routes = {
  "/buffer": (log) => {
    const b = Buffer.from("héllo wörld");
    log("length", b.length);
    for (const enc of ["hex", "base64", "base64url", "latin1", "ascii", "utf16le", "utf8", "binary", "UTF-8"]) log(enc, b.toString(enc));
    log("from base64", Buffer.from("aGk/Pz8+", "base64").toString());
    log("from base64url", Buffer.from("aGk_Pz8-", "base64url").toString());
    log("from hex", Buffer.from("68c3a9", "hex").toString());
    log("from latin1", Buffer.from("hé", "latin1").toString("hex"));
    log("from utf16le", Buffer.from("hé", "utf16le").toString("hex"));
    log("concat", Buffer.concat([Buffer.from("ab"), Buffer.from([99, 100])]).toString());
    log("alloc", Buffer.alloc(4, "ab").toString());
    log("isBuffer", Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(2)));
    log("byteLength", Buffer.byteLength("héllo"), Buffer.byteLength("aGk=", "base64"));
    log("compare", Buffer.compare(Buffer.from("a"), Buffer.from("b")), Buffer.from("b").compare(Buffer.from("a")));
    log("equals", Buffer.from("x").equals(Buffer.from("x")));
    log("slice", b.slice(1, 3).toString("hex"), b.subarray(-5).toString());
    log("indexOf", b.indexOf("l"), b.indexOf("wör"), b.includes("zz"));
    log("toJSON", JSON.stringify(Buffer.from([1, 2])));
    log("readUInt32BE", Buffer.from([1, 2, 3, 4]).readUInt32BE(0));
    log("isEncoding", Buffer.isEncoding("UTF8"), Buffer.isEncoding("nope"));
    try { b.toString("nope"); } catch (e) { log("unknown encoding", e.name, e.code, e.message); }
    log("global", typeof globalThis.Buffer, globalThis.Buffer === Buffer, Buffer.name);
  },
  "/events": async (log) => {
    const e = new EventEmitter();
    e.on("x", (v) => log("on", v));
    e.prependListener("x", (v) => log("prepend", v));
    e.once("x", (v) => log("once", v));
    log("emit", e.emit("x", 1));
    log("emit", e.emit("x", 2));
    log("emit none", e.emit("y"));
    log("count", e.listenerCount("x"), e.eventNames().join(","));
    const f = () => log("removed ran");
    e.on("z", f); e.off("z", f); e.emit("z");
    try { e.emit("error", new Error("boom")); } catch (err) { log("error", err.message); }
    try { e.emit("error", "text"); } catch (err) { log("error", err.code, err.message); }
    try { e.on("x", 1); } catch (err) { log("bad listener", err.name, err.code); }
    setTimeout(() => e.emit("later", 7, 8), 1);
    log("once()", JSON.stringify(await once(e, "later")));
    log("default", events === EventEmitter, typeof events.once, EventEmitter.defaultMaxListeners);
    class Sub extends EventEmitter {}
    const s = new Sub();
    s.on("a", function () { log("this", this === s); });
    s.emit("a");
  },
  "/async_hooks": async (log) => {
    const als = new AsyncLocalStorage();
    const other = new AsyncLocalStorage();
    log("outside", als.getStore());
    const r = await als.run("S1", async () => {
      log("sync", als.getStore());
      await null;
      log("after await", als.getStore());
      await new Promise((res) => setTimeout(() => { log("timeout", als.getStore()); res(); }, 1));
      await new Promise((res) => queueMicrotask(() => { log("microtask", als.getStore()); res(); }));
      await Promise.resolve().then(() => log("then", als.getStore()));
      other.run("O", () => log("two stores", als.getStore(), other.getStore()));
      als.run("S2", () => log("nested", als.getStore()));
      log("after nested", als.getStore());
      als.exit(() => log("exit", als.getStore()));
      const snap = AsyncLocalStorage.snapshot();
      const res = new AsyncResource("X");
      return [snap, res];
    });
    log("after run", als.getStore());
    log("snapshot", r[0](() => als.getStore()));
    log("resource", r[1].runInAsyncScope(() => als.getStore()));
    log("run returns", als.run(1, () => "value"));
    try { als.run(1, () => { throw new Error("thrown"); }); } catch (e) { log("run throws", e.message, als.getStore()); }
  },
  "/path": (log) => {
    log("join", path.join("/a/b", "../c", "d.txt"), path.join("a", "", "b/"), path.join(""));
    log("resolve", path.resolve("x"), path.resolve("/a", "b", "../c"), path.resolve());
    log("normalize", path.normalize("a//b/../c/"), path.normalize("/../x"), path.normalize("./"));
    log("basename", path.basename("/a/b.js", ".js"), path.basename("/a/b/"), path.basename("b.js", "b.js"));
    log("dirname", path.dirname("/a/b/c"), path.dirname("a"), path.dirname("/a"), path.dirname("a/b/"));
    log("extname", path.extname("f.tar.gz"), path.extname(".bashrc"), path.extname("a."), path.extname("a"));
    log("relative", path.relative("/a/b", "/a/c/d"), path.relative("/a", "/a"));
    log("isAbsolute", path.isAbsolute("/x"), path.isAbsolute("x"));
    log("parse", JSON.stringify(path.parse("/home/u/f.txt")), JSON.stringify(path.parse("f")));
    log("format", path.format({ dir: "/a", base: "b.txt" }), path.format({ root: "/", name: "n", ext: ".e" }));
    log("sep", path.sep, path.delimiter, path.posix === path);
    try { path.join(1); } catch (e) { log("bad arg", e.name, e.code); }
  },
  "/util": async (log) => {
    log("format", util.format("%s %d %i %j %%", "s", 4.5, 4.5, { a: 1 }));
    log("format extra", util.format("a", 1, { b: [2] }));
    log("inspect", util.inspect({ a: [1, { b: 2 }], s: "x" }));
    log("inspect map", util.inspect(new Map([[1, "two"]])));
    log("inspect str", util.inspect("it's"));
    const p = util.promisify((a, cb) => setTimeout(() => cb(null, a * 2), 1));
    log("promisify", await p(21));
    const bad = util.promisify((cb) => cb(new Error("nope")));
    try { await bad(); } catch (e) { log("promisify rejects", e.message); }
    function A() {}
    function B() {}
    util.inherits(B, A);
    log("inherits", new B() instanceof A, B.super_ === A);
    log("types", util.types.isPromise(Promise.resolve()), util.types.isDate(new Date()), util.types.isRegExp(/x/), util.types.isUint8Array(new Uint8Array()));
    log("isArray", util.isArray([]));
  },
  "/crypto": (log) => {
    const c = nodeCrypto;
    log("sha256", c.createHash("sha256").update("abc").digest("hex"));
    log("md5 chunks", c.createHash("md5").update("a").update(Buffer.from("bc")).digest("base64"));
    log("sha1 buffer", c.createHash("sha1").update("abc").digest().constructor.name);
    log("sha512 base64url", c.createHash("sha512").update("").digest("base64url"));
    log("upper case", c.createHash("SHA256").update("a", "utf8").digest("hex"));
    log("input encoding", c.createHash("sha256").update("aGk=", "base64").digest("hex"));
    log("hmac", c.createHmac("sha256", "key").update("msg").digest("hex"));
    log("hash()", c.hash("sha1", "abc"));
    try { c.createHash("nope"); } catch (e) { log("unknown digest", e.name, e.code, e.message); }
    try { c.createHmac("nope", "k"); } catch (e) { log("unknown hmac", e.name, e.code, e.message); }
    const h = c.createHash("sha256"); h.digest();
    try { h.update("x"); } catch (e) { log("after digest", e.name, e.code, e.message); }
    try { c.createHash("sha256").digest("nope"); } catch (e) { log("bad encoding", e.name, e.code, e.message); }
    log("randomBytes", c.randomBytes(8).length, c.randomBytes(4).constructor.name);
    try { c.randomBytes(-1); } catch (e) { log("randomBytes(-1)", e.name, e.code, e.message); }
    log("randomUUID", typeof c.randomUUID(), c.randomUUID().length);
    log("timingSafeEqual", c.timingSafeEqual(Buffer.from("ab"), Buffer.from("ab")), c.timingSafeEqual(Buffer.from("ab"), Buffer.from("ac")));
    try { c.timingSafeEqual(Buffer.from("ab"), Buffer.from("abc")); } catch (e) { log("unequal lengths", e.name, e.code, e.message); }
    log("pbkdf2Sync", c.pbkdf2Sync("pw", "salt", 1000, 16, "sha256").toString("hex"));
    log("webcrypto", c.webcrypto === globalThis.crypto, c.subtle === crypto.subtle);
    const n = c.randomInt(10);
    log("randomInt", n >= 0 && n < 10 && Number.isInteger(n));
  },
  "/timers": async (log) => {
    log("same", timers.setTimeout === globalThis.setTimeout, timers.clearInterval === globalThis.clearInterval);
    log("promises", typeof timers.promises);
  },
  "/string_decoder": (log) => {
    const q = (...vals) => vals.map((v) => JSON.stringify(v)).join(" ");
    const d = new StringDecoder("utf8");
    const e = Buffer.from("€h");
    log("utf8 split", q(d.write(e.subarray(0, 1)), d.write(e.subarray(1, 2)), d.write(e.subarray(2)), d.end()));
    log("utf8 cut at end", q(d.write(Buffer.from([0xe2, 0x82])), d.end(), d.end(Buffer.from("x"))));
    const b = new StringDecoder("base64");
    log("base64", q(b.write(Buffer.from("ab")), b.write(Buffer.from("c")), b.write(Buffer.from("de")), b.end()));
    const hx = new StringDecoder("hex");
    log("hex", q(hx.write(Buffer.from("ab")), hx.end()));
    const u16 = new StringDecoder("utf16le");
    log("utf16le", q(u16.write(Buffer.from([0x61])), u16.write(Buffer.from([0x00, 0x62])), u16.end()));
    const l = new StringDecoder("latin1");
    log("encodings", q(l.write(Buffer.from([0xe9])), l.encoding, d.encoding, new StringDecoder().encoding, new StringDecoder("UTF-8").encoding, new StringDecoder("binary").encoding));
    try { new StringDecoder("nope"); } catch (err) { log("unknown", err.name, err.code, err.message); }
    log("string", q(d.write("str")));
  },
  "/assert": async (log) => {
    // Only the first line of a message: workerd's diffs of unequal values
    // are not reproduced.
    const report = (label, e) => log(label, e.name, e.code, JSON.stringify(e.message.split("\n")[0]), e.operator, e.generatedMessage, e instanceof assert.AssertionError);
    const t = (label, f) => { try { f(); log(label, "no throw"); } catch (e) { report(label, e); } };
    t("assert(false)", () => assert(false));
    t("custom message", () => assert(0, "custom"));
    t("ok('')", () => assert.ok(""));
    t("equal", () => assert.equal(1, 2));
    t("strictEqual msg", () => assert.strictEqual("a", "b", "msg"));
    t("notStrictEqual", () => assert.notStrictEqual(1, 1));
    t("deepStrictEqual same", () => assert.deepStrictEqual({ a: [1, { b: new Map([[1, 2]]) }] }, { a: [1, { b: new Map([[1, 2]]) }] }));
    t("deepStrictEqual", () => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
    t("deepEqual is strict", () => assert.deepEqual([1], ["1"]));
    t("throws class", () => assert.throws(() => { throw new TypeError("x"); }, TypeError));
    t("throws missing", () => assert.throws(() => {}));
    t("throws regexp", () => assert.throws(() => { throw new Error("abc"); }, /abc/));
    t("throws object", () => assert.throws(() => { throw new Error("abc"); }, { message: "abc" }));
    t("fail", () => assert.fail("boom"));
    t("match", () => assert.match("abc", /x/));
    try { await assert.rejects(Promise.resolve(1)); } catch (e) { report("rejects", e); }
    await assert.rejects(Promise.reject(new Error("r")), /r/);
    log("rejects matched", "ok");
  },
  "/url": (log) => {
    log("fileURLToPath", nodeURL.fileURLToPath("file:///a/b%20c"), nodeURL.fileURLToPath(new URL("file:///x/y")));
    log("pathToFileURL", nodeURL.pathToFileURL("/a/b c#?").href);
    log("classes", nodeURL.URL === URL, nodeURL.URLSearchParams === URLSearchParams);
    log("format", nodeURL.format(new URL("https://a.com/x?y=1#z")));
    log("domainToASCII", nodeURL.domainToASCII("Example.COM"));
    try { nodeURL.fileURLToPath("https://a.com/"); } catch (e) { log("not file", e.name, e.code, e.message); }
    try { nodeURL.fileURLToPath("file:///a%2Fb"); } catch (e) { log("encoded slash", e.name, e.code, e.message); }
  },
  "/process": (log) => {
    log("env", JSON.stringify(process.env));
    log("global", process === globalThis.process, typeof process.nextTick);
    log("version", process.version, process.platform, process.cwd());
    return new Promise((res) => {
      process.nextTick((a, b) => { log("nextTick", a, b); res(); }, 1, 2);
    });
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
