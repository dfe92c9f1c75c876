// node:stream beyond the basics: paused mode ('readable', read(n),
// read(0), unshift, setEncoding across multi-byte splits), push's return
// value, cork/uncork and _writev, default encodings, writableNeedDrain,
// the errors, and the helpers isReadable, isErrored, isDisturbed and
// getDefaultHighWaterMark. Each route is one probe.
import * as S from "node:stream";
const { Readable, Writable, PassThrough } = S;
const tick = () => new Promise((res) => setTimeout(res, 5));
const collect = (r) => new Promise((res) => {
  const got = [];
  r.on("data", (c) => got.push(typeof c + ":" + String(c)));
  r.on("end", () => res(got.join(",")));
  r.on("error", (e) => res("error " + e.message));
});
const probes = {
  async readn(log) {
    const r = new Readable({ read() {} });
    r.push("abcdef");
    r.push("gh");
    log("len", r.readableLength, "flowing", r.readableFlowing);
    log("read3", String(r.read(3)), r.readableLength);
    log("read0", r.read(0), r.readableLength);
    log("read()", String(r.read()), r.readableLength);
    log("empty", r.read());
    r.push(null);
    log("after end", r.read(), r.readableEnded);
    r.on("end", () => log("end"));
    r.read();
    await tick();
    log("ended", r.readableEnded, r.destroyed);
  },
  async readable(log) {
    const r = new Readable({ read() {} });
    r.on("readable", () => {
      let c;
      const parts = [];
      while ((c = r.read()) !== null) parts.push(String(c));
      log("readable", parts.join("|"), r.readableFlowing);
    });
    r.on("end", () => log("end"));
    r.push("x");
    log("sync");
    await tick();
    r.push("y");
    r.push("z");
    await tick();
    r.push(null);
    await tick();
  },
  async readnTooBig(log) {
    const r = new Readable({ read() {} });
    r.push("ab");
    log("read5", r.read(5), r.readableLength);
    r.push(null);
    log("read5 after end", String(r.read(5)));
  },
  async pushReturn(log) {
    const r = new Readable({ highWaterMark: 4, read() {} });
    log("push", r.push("ab"), r.push("cd"), r.push("e"), r.readableLength);
    const o = new Readable({ objectMode: true, highWaterMark: 2, read() {} });
    log("object push", o.push(1), o.push(2), o.push(3), o.readableLength, o.readableHighWaterMark);
    log("object read", o.read(), o.read(5), o.readableLength);
  },
  async unshift(log) {
    const r = new Readable({ read() {} });
    r.push("bc");
    r.unshift("a");
    log("unshift", String(r.read()));
  },
  async multibyte(log) {
    const r = new Readable({ read() {} });
    r.setEncoding("utf8");
    const euro = Buffer.from("€");
    r.push(euro.subarray(0, 1));
    r.push(euro.subarray(1));
    r.push(Buffer.from("x"));
    r.push(null);
    const got = [];
    for await (const c of r) got.push(JSON.stringify(c));
    log("chunks", got.join(","));
  },
  async pauseResume(log) {
    const r = new Readable({ read() {} });
    r.on("pause", () => log("pause event"));
    r.on("resume", () => log("resume event"));
    r.on("data", (c) => log("data", String(c)));
    log("flowing", r.readableFlowing);
    r.pause();
    log("paused", r.isPaused(), r.readableFlowing);
    r.push("a");
    await tick();
    log("before resume");
    r.resume();
    await tick();
  },
  async cork(log) {
    const calls = [];
    const w = new Writable({
      write(c, e, cb) { calls.push("write " + c); cb(); },
      writev(chunks, cb) { calls.push("writev " + chunks.map((x) => String(x.chunk) + ":" + x.encoding).join(",")); cb(); },
    });
    w.write("a");
    w.cork();
    log("corked", w.writableCorked);
    w.write("b");
    w.write("c");
    log("len", w.writableLength);
    w.uncork();
    log("uncorked", w.writableCorked);
    await tick();
    w.cork(); w.cork();
    w.write("d");
    w.uncork();
    log("still", w.writableCorked);
    w.uncork();
    await tick();
    log(calls.join(";"));
  },
  async corkNoWritev(log) {
    const calls = [];
    const w = new Writable({ write(c, e, cb) { calls.push(String(c)); cb(); } });
    w.cork();
    w.write("a"); w.write("b");
    w.end("c");
    w.on("finish", () => log("finish", calls.join(",")));
    await tick();
  },
  async encodings(log) {
    const got = [];
    const w = new Writable({ decodeStrings: false, write(c, e, cb) { got.push(typeof c + ":" + e); cb(); } });
    w.write("a");
    w.write("b", "hex");
    w.setDefaultEncoding("base64");
    w.write("c");
    w.write(Buffer.from("d"));
    await tick();
    log(got.join(","));
    const g2 = [];
    const w2 = new Writable({ defaultEncoding: "hex", write(c, e, cb) { g2.push(String(c) + ":" + e); cb(); } });
    w2.write("6869");
    await tick();
    log(g2.join(","));
    try { w2.setDefaultEncoding("nope"); } catch (e) { log("bad enc", e.name, e.code, e.message); }
  },
  async needDrain(log) {
    const w = new Writable({ highWaterMark: 2, write(c, e, cb) { setTimeout(cb, 1); } });
    log("need", w.writableNeedDrain, w.write("abc"), w.writableNeedDrain);
    await new Promise((res) => w.once("drain", res));
    log("drained", w.writableNeedDrain);
  },
  async errors(log) {
    const w = new Writable({ write(c, e, cb) { cb(); } });
    try { w.write(1); } catch (e) { log("int", e.name, e.code, e.message); }
    try { w.write(null); } catch (e) { log("null", e.name, e.code, e.message); }
    const d = new Writable({ write(c, e, cb) { cb(); } });
    d.on("error", (e) => log("error event", e.code));
    d.destroy();
    d.write("x", (err) => log("destroyed write", err.name, err.code, err.message));
    await tick();
    const m = new Writable({ write(c, e, cb) { cb(); try { cb(); } catch (err) { log("multi", err.name, err.code, err.message); } } });
    m.on("error", (e) => log("multi event", e.code, e.message));
    m.write("x");
    await tick();
    log("multi state", m.destroyed, m.errored && m.errored.code);
  },
  async helpers(log) {
    const r = new Readable({ read() {} });
    log("isReadable", S.isReadable(r), "isErrored", S.isErrored(r), "isDisturbed", S.isDisturbed(r));
    r.push("a");
    r.read();
    log("disturbed", S.isDisturbed(r), r.readableDidRead);
    r.on("error", () => {});
    r.destroy(new Error("x"));
    log("after destroy", S.isReadable(r), S.isErrored(r), r.errored && r.errored.message, r.destroyed);
    await tick();
    log("closed", r.closed, r.readableAborted);
    log("hwm", S.getDefaultHighWaterMark(false), S.getDefaultHighWaterMark(true));
    log("types", typeof S.addAbortSignal, typeof S.compose, typeof S.duplexPair, typeof Readable.prototype.map, typeof Readable.prototype.asIndexedPairs, typeof Readable.toWeb, typeof Writable.fromWeb, typeof S.Duplex.from);
  },
  async writeCallbacks(log) {
    const w = new Writable({ write(c, e, cb) { log("_write", String(c)); cb(); }, final(cb) { log("final"); cb(); } });
    w.on("prefinish", () => log("prefinish"));
    w.on("finish", () => log("finish"));
    w.on("close", () => log("close"));
    w.write("a", () => log("cb a"));
    log("after write");
    w.end("b", () => log("end cb"));
    log("after end", w.writableEnded, w.writableFinished);
    await tick();
  },
  async pipeMulti(log) {
    const r = new Readable({ read() {} });
    const a = new PassThrough(), b = new PassThrough();
    r.pipe(a); r.pipe(b);
    const ga = [], gb = [];
    a.on("data", (c) => ga.push(String(c)));
    b.on("data", (c) => gb.push(String(c)));
    r.push("1"); r.push("2");
    await tick();
    r.unpipe(b);
    r.push("3"); r.push(null);
    await tick();
    log("a", ga.join(","), "b", gb.join(","), "b ended", b.writableEnded, "a ended", a.writableEnded);
  },
  async operators(log) {
    const from = () => Readable.from([1, 2, 3, 4]);
    log("map", (await from().map((x) => x * 2).toArray()).join(","));
    log("filter", (await from().filter(async (x) => x % 2 === 0).toArray()).join(","));
    const seen = [];
    log("forEach", await from().forEach((x) => { seen.push(x); }), seen.join(","));
    log("some", await from().some((x) => x > 3), "every", await from().every((x) => x > 3));
    log("find", await from().find((x) => x > 2));
    log("flatMap", (await from().flatMap((x) => [x, x]).toArray()).join(","));
    log("drop", (await from().drop(2).toArray()).join(","), "take", (await from().take(2).toArray()).join(","));
    log("reduce", await from().reduce((a, x) => a + x, 10), await from().reduce((a, x) => a + x));
    log("pairs", JSON.stringify(await from().asIndexedPairs().toArray()));
    try { await Readable.from([]).reduce((a, x) => a + x); } catch (e) { log("reduce empty", e.name, e.code, e.message); }
    try { from().map(1); } catch (e) { log("map bad", e.name, e.code, e.message); }
    log("concurrency", (await from().map(async (x) => { await tick(); return x; }, { concurrency: 2 }).toArray()).join(","));
  },
  async iterBreak(log) {
    const r = Readable.from(["a", "b", "c"]);
    for await (const c of r) { log("got", c); break; }
    log("destroyed", r.destroyed);
    const r2 = new Readable({ read() {} });
    r2.push("x"); r2.push("y");
    const it = r2.iterator({ destroyOnReturn: false });
    for await (const c of it) { log("got2", String(c)); break; }
    log("destroyed2", r2.destroyed);
  },
  async destroyOrder(log) {
    const r = new Readable({ read() {}, destroy(err, cb) { log("_destroy", err && err.message); cb(err); } });
    r.on("error", (e) => log("error", e.message));
    r.on("close", () => log("close", r.closed));
    r.destroy(new Error("boom"), (e) => log("destroy cb", e && e.message));
    log("sync", r.destroyed, r.errored && r.errored.message, r.closed);
    r.destroy(new Error("again"));
    await tick();
    const q = new Readable({ emitClose: false, read() {} });
    q.on("close", () => log("no close expected"));
    q.destroy();
    await tick();
    const a = new Writable({ autoDestroy: false, write(c, e, cb) { cb(new Error("wfail")); } });
    a.on("error", (e) => log("auto off error", e.message, a.destroyed));
    a.write("x", (e) => log("write cb", e && e.message));
    await tick();
  },
  async transform(log) {
    const t = new S.Transform({
      transform(c, e, cb) { this.push(String(c) + "1"); cb(null, String(c) + "2"); },
      flush(cb) { this.push("f1"); cb(null, "f2"); },
    });
    const got = [];
    t.on("data", (c) => got.push(String(c)));
    t.on("end", () => log("end", got.join(",")));
    t.on("finish", () => log("finish"));
    t.write("a");
    t.end("b");
    await tick();
    const bad = new S.Transform({ transform(c, e, cb) { cb(new Error("tfail")); } });
    bad.on("error", (e) => log("error", e.message));
    bad.write("x");
    await tick();
    const om = new S.Transform({ objectMode: true, transform(c, e, cb) { cb(null, { v: c }); } });
    om.end(5);
    log("object", JSON.stringify(await om.toArray()));
  },
  async duplex(log) {
    const d = new S.Duplex({ allowHalfOpen: false, read() {}, write(c, e, cb) { cb(); } });
    d.on("finish", () => log("finish"));
    d.on("end", () => log("end"));
    d.on("close", () => log("close"));
    d.resume();
    d.push(null);
    await tick();
    log("writableEnded", d.writableEnded, d.allowHalfOpen);
    const d2 = new S.Duplex({ read() {}, write(c, e, cb) { cb(); } });
    d2.resume(); d2.push(null);
    await tick();
    log("half open", d2.writable, d2.destroyed);
    d2.end();
    await tick();
    log("after end", d2.destroyed);
  },
  async pipelineGen(log) {
    const out = [];
    await new Promise((res) => S.pipeline(
      Readable.from(["a", "b"]),
      async function* (src) { for await (const c of src) yield String(c).toUpperCase(); },
      new Writable({ write(c, e, cb) { out.push(String(c)); cb(); } }),
      (err, val) => { log("done", err, val, out.join(",")); res(); }));
    const v = await S.promises.pipeline(Readable.from([1, 2, 3]), async (src) => { let n = 0; for await (const x of src) n += x; return n; });
    log("value", v);
    const ac = new AbortController();
    const p = S.promises.pipeline(new Readable({ read() {} }), new PassThrough(), { signal: ac.signal });
    ac.abort();
    try { await p; } catch (e) { log("aborted", e.name, e.code, e.message); }
    try { S.pipeline(new PassThrough(), () => {}); } catch (e) { log("one", e.name, e.code, e.message); }
  },
  async finishedOpts(log) {
    const r = new Readable({ read() {} });
    const stop = S.finished(r, (err) => log("never", err));
    stop();
    const r2 = new Readable({ read() {} });
    S.finished(r2, (err) => log("premature", err && err.code, err && err.message));
    r2.destroy();
    await tick();
    const d = new PassThrough();
    S.finished(d, { readable: false }, (err) => log("write side", err));
    d.end("x");
    await tick();
    const w = new Writable({ write(c, e, cb) { cb(); } });
    w.end();
    await tick();
    S.finished(w, (err) => log("already", err));
    await tick();
  },
  async abortSignal(log) {
    const ac = new AbortController();
    const r = S.addAbortSignal(ac.signal, new Readable({ read() {} }));
    r.on("error", (e) => log("error", e.name, e.code, e.message));
    ac.abort();
    await tick();
    log("destroyed", r.destroyed);
  },
  async fromBackpressure(log) {
    let pulled = 0;
    function* gen() { for (let i = 0; i < 100; i++) { pulled++; yield i; } }
    const r = Readable.from(gen());
    await tick();
    log("pulled", pulled, r.readableLength, r.readableHighWaterMark, r.readableObjectMode);
    const s = Readable.from("whole");
    log("string", JSON.stringify(await s.toArray()));
  },
  async compose(log) {
    const c = S.compose(new S.Transform({ transform(ch, e, cb) { cb(null, String(ch) + "!"); } }), new S.Transform({ transform(ch, e, cb) { cb(null, String(ch).toUpperCase()); } }));
    log("compose", c instanceof S.Duplex, c.readable, c.writable);
    c.end("hi");
    log("out", await collect(c));
    try { S.compose(async function* (src) { for await (const x of src) yield x; }); } catch (e) { log("generator", e.name, e.code, e.message); }
  },
  async duplexPair(log) {
    const [a, b] = S.duplexPair();
    b.on("data", (c) => log("b got", String(c)));
    a.on("data", (c) => log("a got", String(c)));
    a.write("to b");
    b.write("to a");
    await tick();
    log("types", a instanceof S.Duplex);
  },
  async web(log) {
    const rs = Readable.toWeb(Readable.from(["a", "b"]));
    const reader = rs.getReader();
    const parts = [];
    for (;;) { const { value, done } = await reader.read(); if (done) break; parts.push(typeof value + ":" + String(value)); }
    log("toWeb", rs instanceof ReadableStream, parts.join(","));
    const r = Readable.fromWeb(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode("xy")); c.close(); } }));
    const got = [];
    for await (const c of r) got.push(Buffer.isBuffer(c) + ":" + String(c));
    log("fromWeb", got.join(","));
    const chunks = [];
    const ws = Writable.toWeb(new Writable({ write(c, e, cb) { chunks.push(String(c)); cb(); } }));
    const w = ws.getWriter();
    await w.write(new TextEncoder().encode("q"));
    await w.close();
    log("Writable.toWeb", ws instanceof WritableStream, chunks.join(","));
    const sink = [];
    const nw = Writable.fromWeb(new WritableStream({ write(c) { sink.push(String(c)); } }));
    nw.write("z");
    await new Promise((res) => nw.end(res));
    log("Writable.fromWeb", sink.join(","));
    const pt = new PassThrough();
    const { readable, writable } = S.Duplex.toWeb(pt);
    const ww = writable.getWriter();
    ww.write(new TextEncoder().encode("dw"));
    ww.close();
    const rr = readable.getReader();
    const first = await rr.read();
    log("Duplex.toWeb", first.value instanceof Uint8Array, new TextDecoder().decode(first.value));
    const ts = new TransformStream();
    const dd = S.Duplex.fromWeb(ts);
    dd.end("fw");
    log("Duplex.fromWeb", dd instanceof S.Duplex, await collect(dd));
  },
  async duplexFrom(log) {
    try { S.Duplex.from(async function* (src) { for await (const c of src) yield c; }); } catch (e) { log("fn", e.name, e.code, e.message); }
    const r = S.Duplex.from(Readable.from(["p"]));
    log("readable", r instanceof S.Readable, await collect(r));
    try { log("string", await collect(S.Duplex.from("text"))); } catch (e) { log("string", e.name, e.code, e.message); }
    try { const p = S.Duplex.from(Promise.resolve("later")); log("promise", p.readable, p.writable); } catch (e) { log("promise", e.name, e.code, e.message); }
    try { const w = S.Duplex.from({ readable: Readable.from(["r"]), writable: new Writable({ write(c, e, cb) { log("pair wrote", String(c)); cb(); } }) }); w.write("w"); log("pair", await collect(w)); } catch (e) { log("pair", e.name, e.code, e.message); }
  },
  async pipeBackpressure(log) {
    let n = 0;
    const r = new Readable({ highWaterMark: 2, read() { n++; this.push(String(n)); if (n === 6) this.push(null); } });
    const events = [];
    const w = new Writable({ highWaterMark: 3, write(c, e, cb) { events.push("w" + c); setTimeout(cb, 1); } });
    w.on("pipe", (src) => events.push("pipe " + (src === r)));
    r.on("pause", () => events.push("pause"));
    w.on("drain", () => events.push("drain"));
    r.pipe(w);
    await new Promise((res) => w.on("finish", res));
    log(events.join(","));
  },
  async encodingRead(log) {
    const r = new Readable({ read() {} });
    r.setEncoding("utf8");
    r.push(Buffer.from([0xe2, 0x82]));
    log("partial", r.readableLength, JSON.stringify(r.read()));
    r.push(Buffer.from([0xac, 0x41, 0x42]));
    log("read2", JSON.stringify(r.read(2)), r.readableLength, r.readableEncoding);
    r.push(Buffer.from([0xe2]));
    r.push(null);
    log("end", JSON.stringify(r.read()));
    const b = new Readable({ encoding: "base64", read() {} });
    b.push("ab"); b.push("c"); b.push(null);
    log("base64", JSON.stringify(await b.toArray()));
  },
  async pushErrors(log) {
    const r = new Readable({ read() {} });
    r.on("error", (e) => log("error", e.name, e.code, e.message));
    r.push(null);
    r.push("late");
    await tick();
    const u = new Readable({ read() {} });
    u.on("error", (e) => log("unshift error", e.code, e.message));
    u.push(null);
    u.resume();
    await tick();
    u.unshift("x");
    await tick();
    const bad = new Readable({ read() {} });
    bad.on("error", (e) => log("bad chunk", e.name, e.code, e.message));
    bad.push(5);
    await tick();
    const nr = new Readable();
    nr.on("error", (e) => log("no _read", e.name, e.code, e.message));
    nr.read();
    await tick();
  },
  async zeroHwm(log) {
    const r = new Readable({ highWaterMark: 0, read() {} });
    log("push", r.push("a"), r.readableLength);
    const o = new Readable({ objectMode: true, read() {} });
    log("falsy", o.push(0), o.push(""), o.push(false), o.readableLength);
    const got = [];
    o.push(null);
    for await (const x of o) got.push(JSON.stringify(x));
    log("values", got.join(","));
  },
  async autoDestroyOff(log) {
    const r = new Readable({ autoDestroy: false, read() {} });
    r.on("end", () => log("end"));
    r.on("close", () => log("close"));
    r.resume();
    r.push(null);
    await tick();
    log("destroyed", r.destroyed, r.readableEnded);
    const w = new Writable({ autoDestroy: false, write(c, e, cb) { cb(); } });
    w.end();
    await tick();
    log("w destroyed", w.destroyed, w.writableFinished, w.closed);
    w.end((err) => log("end again", err && err.code, err && err.message));
    await tick();
  },
  async wrap(log) {
    const old = new (S.Stream)();
    old.pause = () => log("old pause");
    old.resume = () => log("old resume");
    const r = new Readable().wrap(old);
    const got = [];
    r.on("data", (c) => got.push(String(c)));
    r.on("end", () => log("end", got.join(",")));
    old.emit("data", Buffer.from("a"));
    old.emit("data", Buffer.from("b"));
    old.emit("end");
    await tick();
    log("types", typeof S.Duplex.toWeb, typeof S.Duplex.fromWeb, typeof S.Readable.prototype.compose, typeof S.Readable.prototype.readableErrored);
  },
  async writevMixed(log) {
    const calls = [];
    const w = new Writable({ decodeStrings: false, writev(chunks, cb) { calls.push(chunks.length + ":" + chunks.allBuffers + ":" + chunks.map((c) => typeof c.chunk + "/" + c.encoding).join("|")); cb(); } });
    w.cork();
    w.write("a");
    w.write(Buffer.from("b"));
    w.write("c", "latin1");
    process.nextTick(() => w.uncork());
    await tick();
    log(calls.join(";"));
  },
  async eventOrder(log) {
    const r = Readable.from(["a"]);
    const p = new PassThrough();
    const w = new Writable({ write(c, e, cb) { log("write", String(c)); cb(); } });
    for (const [name, s] of [["r", r], ["p", p], ["w", w]]) {
      for (const ev of ["end", "finish", "close", "unpipe"]) s.on(ev, () => log(name, ev));
    }
    r.pipe(p).pipe(w);
    await new Promise((res) => w.on("close", res));
    await tick();
  },
  async writeErrors(log) {
    const w = new Writable({ write(c, e, cb) { setTimeout(() => cb(new Error("async fail")), 1); } });
    w.on("error", (e) => log("error", e.message, w.errored && w.errored.message, w.writable));
    w.on("close", () => log("close"));
    w.write("a", (e) => log("cb a", e && e.message));
    w.write("b", (e) => log("cb b", e && e.code));
    w.end((e) => log("end cb", e && e.message));
    await tick(); await tick();
    const d = new Writable({ write(c, e, cb) { setTimeout(cb, 1); } });
    d.write("1", (e) => log("d1", e && e.code));
    d.write("2", (e) => log("d2", e && e.code));
    d.destroy();
    await tick(); await tick();
    const n = new Writable({ write(c, e, cb) { if (String(c) === "s") cb(); else setTimeout(cb, 1); } });
    n.write("s", (...a) => log("sync cb", a.length, a[0]));
    n.write("t", (...a) => log("async cb", a.length, a[0]));
    await tick();
  },
  async readableLoop(log) {
    const r = new Readable({ read() {} });
    r.on("readable", () => {
      let c;
      while ((c = r.read(3)) !== null) log("chunk", String(c));
      log("left", r.readableLength);
    });
    r.push("abcdefg");
    await tick();
    r.push(null);
    await tick();
    log("ended", r.readableEnded);
  },
  async fromValues(log) {
    const got = [];
    for await (const v of Readable.from([Promise.resolve(1), 2])) got.push(v);
    log("promises", got.join(","));
    const r = Readable.from([1, null, 3]);
    r.on("error", (e) => log("null", e.name, e.code, e.message));
    r.resume();
    await tick();
    try { Readable.from(5); } catch (e) { log("not iterable", e.name, e.code, e.message); }
  },
  async transformForms(log) {
    const t = new S.Transform({ transform(c, e, cb) { this.push(c); this.push(c); cb(); } });
    t.end("x");
    log("twice", await collect(t));
    const a = new S.Transform({ async transform(c, e, cb) { await tick(); cb(null, String(c) + "!"); } });
    a.write("q"); a.end();
    log("async", await collect(a));
    const none = new S.Transform({ transform(c, e, cb) { cb(); } });
    none.end("dropped");
    log("none", await collect(none));
    const f = new S.Transform({ transform(c, e, cb) { cb(null, c); }, flush(cb) { cb(new Error("flush fail")); } });
    f.end("z");
    log("flush", await collect(f));
  },
  async iterErrors(log) {
    const r = new Readable({ read() {} });
    r.push("a");
    const it = r[Symbol.asyncIterator]();
    log("first", String((await it.next()).value));
    r.destroy(new Error("mid"));
    try { await it.next(); } catch (e) { log("then", e.message); }
    log("after", JSON.stringify(await it.next()));
    const e2 = new Readable({ read() {} });
    e2.destroy();
    try { for await (const c of e2) log("never", c); log("clean end"); } catch (e) { log("destroyed iter", e.code, e.message); }
  },
  async construct(log) {
    const r = new Readable({
      construct(cb) { log("construct"); setTimeout(() => { log("constructed"); cb(); }, 1); },
      read() { log("read"); this.push("c"); this.push(null); },
    });
    r.on("data", (c) => log("data", String(c)));
    log("sync");
    await new Promise((res) => r.on("close", res));
    const w = new Writable({
      construct(cb) { setTimeout(cb, 1); },
      write(c, e, cb) { log("write", String(c)); cb(); },
      final(cb) { log("final"); cb(); },
    });
    log("write returns", w.write("x"), w.writableLength);
    w.end();
    await new Promise((res) => w.on("finish", res));
    const f = new Writable({ construct(cb) { cb(new Error("nope")); }, write(c, e, cb) { cb(); } });
    f.on("error", (e) => log("construct error", e.message, f.destroyed));
    await tick();
  },
  async misc(log) {
    log("members", typeof S.isWritable, typeof S.Readable.isDisturbed, S.default === S.Stream, S.Stream === S.Stream.Stream, typeof S._isUint8Array, typeof S._uint8ArrayToBuffer, typeof S.destroy, typeof S.Readable.fromWeb);
    log("keys", Object.keys(S).sort().join(","));
    try { new Readable({ highWaterMark: -1 }); } catch (e) { log("hwm", e.name, e.code, e.message); }
    try { new Readable({ highWaterMark: "x" }); } catch (e) { log("hwm str", e.name, e.code, e.message); }
    const d = new S.Duplex({ read() {}, write(c, e, cb) { cb(); } });
    d.on("close", () => log("duplex close", d.readable, d.writable, d.destroyed));
    d.destroy();
    d.end((err) => log("end after destroy", err && err.code, err && err.message));
    await tick();
    const r = Readable.from(Buffer.from("buf"));
    log("from buffer", await collect(r));
    const w = new Writable({ objectMode: true, highWaterMark: 2, write(c, e, cb) { setTimeout(cb, 1); } });
    log("object writes", w.write({}), w.write({}), w.writableLength);
  },
  async legacy(log) {
    function Old(opts) { S.Readable.call(this, opts); this.n = 0; }
    Object.setPrototypeOf(Old.prototype, S.Readable.prototype);
    Object.setPrototypeOf(Old, S.Readable);
    Old.prototype._read = function () { this.push(this.n < 2 ? String(this.n++) : null); };
    log("old", await collect(new Old()));
    function OldT() { S.Transform.call(this); }
    Object.setPrototypeOf(OldT.prototype, S.Transform.prototype);
    OldT.prototype._transform = function (c, e, cb) { cb(null, String(c) + "t"); };
    const t = new OldT();
    t.end("a");
    log("oldT", await collect(t), t instanceof S.Writable, t instanceof S.Stream);
    const r = S.Readable({ read() {} });
    const w = S.Writable({ write(c, e, cb) { cb(); } });
    log("no new", r instanceof S.Readable, w instanceof S.Writable, typeof S.Stream.prototype.pipe);
    function OldW() { S.Writable.call(this); }
    Object.setPrototypeOf(OldW.prototype, S.Writable.prototype);
    OldW.prototype._write = function (c, e, cb) { log("oldW", String(c)); cb(); };
    new OldW().end("w");
    await tick();
    log("names", S.Readable.name, S.Writable.name, S.Duplex.name, S.Transform.name, S.PassThrough.name, S.Stream.name, S.Readable.length, typeof S.Readable.prototype.constructor);
  },
  async modesMixed(log) {
    const r = new Readable({ read() {} });
    r.on("readable", () => log("readable", r.readableLength));
    r.on("data", (c) => log("data", String(c)));
    log("flowing", r.readableFlowing);
    r.push("a");
    await tick();
    r.removeAllListeners("readable");
    await tick();
    log("after removal", r.readableFlowing);
    r.resume();
    await tick();
    log("resumed", r.readableFlowing, r.readableLength);
    r.push("b");
    await tick();
  },
  async fromPull(log) {
    let pulled = 0;
    let cleaned = false;
    function* gen() { try { for (let i = 0; i < 10; i++) { pulled++; yield i; } } finally { cleaned = true; } }
    const r = Readable.from(gen());
    log("first", r.read(), pulled);
    await tick();
    log("after tick", pulled, r.readableLength);
    log("read", r.read(), pulled);
    await tick();
    log("pulled", pulled);
    r.destroy();
    await tick();
    log("cleaned", cleaned);
  },
  async transformSides(log) {
    const t = new S.Transform({ readableObjectMode: true, readableHighWaterMark: 3, writableHighWaterMark: 5, transform(c, e, cb) { cb(null, c.length); } });
    log("sides", t.readableObjectMode, t.writableObjectMode, t.readableHighWaterMark, t.writableHighWaterMark);
    t.write("abc");
    log("value", t.read());
    const pt = new PassThrough({ highWaterMark: 2 });
    log("pt", pt.write("abc"), pt.write("d"), pt.readableLength, pt.writableLength);
  },
  async pipelineErrors(log) {
    const src = new Readable({ read() {} });
    const mid = new PassThrough();
    const dst = new Writable({ write(c, e, cb) { cb(new Error("dst fail")); } });
    const order = [];
    for (const [n, s] of [["src", src], ["mid", mid], ["dst", dst]]) s.on("close", () => order.push(n + " close"));
    const ret = S.pipeline(src, mid, dst, (err) => order.push("cb " + err.message));
    log("returns last", ret === dst);
    src.push("x");
    await tick(); await tick();
    log(order.join(","), src.destroyed, mid.destroyed, src.errored && src.errored.message);
    const s2 = Readable.from(["a"]);
    const keep = new PassThrough();
    await new Promise((res) => S.pipeline(s2, keep, { end: false }, (err) => { log("end false", err, keep.writableEnded); res(); }));
  },
  async finishedMore(log) {
    const w = new Writable({ write(c, e, cb) { cb(new Error("wf")); } });
    w.on("error", () => {});
    S.finished(w, (err) => log("error", err && err.message));
    w.write("x");
    await tick();
    const r = new Readable({ read() {} });
    r.on("error", () => {});
    S.finished(r, { error: false }, (err) => log("error false", err && err.code));
    r.destroy(new Error("ignored"));
    await tick();
    const ended = new PassThrough();
    ended.end();
    ended.resume();
    await tick();
    S.finished(ended, (err) => log("already closed", err && err.code));
    await tick();
    const ret = new Writable({ write(c, e, cb) { cb(); } });
    ret.end();
    log("write after end returns", ret.write("x", () => {}) instanceof Error);
    ret.on("error", (e) => log("waf event", e.code));
    await tick();
  },
  async defaultHwm(log) {
    S.setDefaultHighWaterMark(false, 100);
    const r = new Readable({ read() {} });
    const w = new Writable({ write(c, e, cb) { cb(); } });
    log("after set", r.readableHighWaterMark, w.writableHighWaterMark, S.getDefaultHighWaterMark(false));
    S.setDefaultHighWaterMark(false, 65536);
    try { S.setDefaultHighWaterMark(false, -1); } catch (e) { log("bad", e.name, e.code, e.message); }
    const d = new S.Duplex({ readableObjectMode: true, read() {}, write(c, e, cb) { cb(); } });
    log("duplex", d.readableHighWaterMark, d.writableHighWaterMark);
  },
  async volume(log) {
    const items = Array.from({ length: 2000 }, (_, i) => i);
    let drains = 0, sum = 0, last = -1, ordered = true;
    const t = new S.Transform({ objectMode: true, transform(x, e, cb) { if (x % 3) cb(null, x * 2); else cb(); } });
    const w = new Writable({ objectMode: true, highWaterMark: 4, write(x, e, cb) { if (x <= last) ordered = false; last = x; sum += x; Promise.resolve().then(() => cb()); } });
    w.on("drain", () => drains++);
    await S.promises.pipeline(Readable.from(items), t, w);
    log("sum", sum, "ordered", ordered, "drains>0", drains > 0);
    const big = new Readable({ read() {} });
    for (let i = 0; i < 100; i++) big.push(Buffer.alloc(1000, 97));
    big.push(null);
    let bytes = 0, chunks = 0;
    for await (const c of big) { bytes += c.length; chunks++; }
    log("bytes", bytes, "chunks", chunks);
  },
  async misc2(log) {
    const { once } = await import("node:events");
    const r = Readable.from(["a"]);
    r.resume();
    await once(r, "end");
    log("once end", r.readableEnded);
    const w = new Writable({ write(c, e, cb) { cb(); } });
    w.end("x");
    await S.promises.finished(w);
    log("promises.finished", w.writableFinished);
    const h = new Readable({ read() {} });
    h.setEncoding("hex");
    h.push("hi");
    h.unshift("00", "hex");
    log("hex unshift", h.read());
    const o = new Readable({ objectMode: true, read() {} });
    o.push("a"); o.push("b");
    o.unshift("z");
    log("object unshift", o.read(), o.read(), o.readableLength);
    const rr = new Readable({ read() {} });
    rr.push("abc");
    rr.pause();
    log("paused read", String(rr.read(1)), rr.isPaused(), rr.readableFlowing);
  },
};
export default { async fetch(req) {
  const name = new URL(req.url).pathname.slice(1);
  const out = [];
  const log = (...a) => out.push(a.map(String).join(" "));
  try { await probes[name](log); } catch (e) { log("threw", e && e.name, e && e.code, e && e.message); }
  return new Response(out.join("\n"));
}};
