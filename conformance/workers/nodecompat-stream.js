// node:stream's basics: Readable.from, push and flowing 'data', Writable,
// Transform in a pipeline, PassThrough, finished, object mode, and a
// pipeline that fails.
import { Readable, Writable, Transform, PassThrough, pipeline, finished } from "node:stream";
import * as S from "node:stream";
export default { async fetch() {
  const out = [];
  const log = (...a) => out.push(a.map(String).join(" "));
  const chunks = [];
  for await (const c of Readable.from(["a", "b", "c"])) chunks.push(c);
  log("from", chunks.join(","));
  const r = new Readable({ read() {} });
  r.on("data", (c) => log("data", c.toString()));
  r.on("end", () => log("end"));
  r.push("x"); r.push("y"); r.push(null);
  log("pushed");
  await new Promise((res) => r.on("close", res));
  log("closed");
  const got = [];
  const w = new Writable({ write(c, e, cb) { got.push(c.toString() + ":" + e); cb(); } });
  w.on("finish", () => log("finish", got.join(",")));
  log("write", w.write("p"), w.write(Buffer.from("q")));
  w.end("r");
  await new Promise((res) => w.on("close", res));
  log("w closed");
  const t = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
  const sink = [];
  await new Promise((res) => pipeline(Readable.from(["m", "n"]), t, new Writable({ write(c, e, cb) { sink.push(c.toString()); cb(); } }), (err) => { log("pipeline", err, sink.join(",")); res(); }));
  const p = new PassThrough();
  p.on("data", (c) => log("pt data", c.toString()));
  p.on("end", () => log("pt end"));
  p.write("1"); p.end("2");
  await new Promise((res) => finished(p, (err) => { log("finished", err); res(); }));
  const om = new Readable({ objectMode: true, read() {} });
  om.push({ a: 1 }); om.push(null);
  for await (const o of om) log("object", JSON.stringify(o));
  const bad = new Readable({ read() { this.destroy(new Error("bad")); } });
  await new Promise((res) => pipeline(bad, new PassThrough(), (err) => { log("pipeline err", err && err.message); res(); }));
  const slow = new Writable({ highWaterMark: 1, write(c, e, cb) { setTimeout(cb, 1); } });
  log("backpressure", slow.write("ab"), slow.writableLength);
  await new Promise((res) => slow.on("drain", () => { log("drain", slow.writableLength); res(); }));
  slow.end();
  await new Promise((res) => slow.on("finish", res));
  await new Promise((res) => slow.write("late", (err) => { log("write after end", err.name, err.code, err.message); res(); }));
  const enc = new Readable({ read() {} });
  enc.setEncoding("hex");
  enc.push("hi"); enc.push(null);
  for await (const c of enc) log("encoded", typeof c, c);
  const failing = new Readable({ read() { this.destroy(new Error("iter")); } });
  try { for await (const c of failing) log("never", c); } catch (err) { log("iterator throws", err.message); }
  const collected = [];
  await S.promises.pipeline(Readable.from(["u", "v"]), new Writable({ objectMode: true, write(c, e, cb) { collected.push(c); cb(); } }));
  log("promises.pipeline", collected.join(","));
  log("instanceof", new PassThrough() instanceof S.Readable, new PassThrough() instanceof S.Duplex, new PassThrough() instanceof S.Transform, typeof S.default);
  log("readable", r.readable, r.readableEnded, r.destroyed, w.writable, w.writableFinished);
  return new Response(out.join("\n"));
}};
