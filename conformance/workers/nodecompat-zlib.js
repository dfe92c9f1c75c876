// node:zlib: round trips through every codec in Sync, callback and stream
// form, options, crc32, constants, and the errors for bad input and bad
// options. Compressed bytes are not printed (Go's deflate differs from
// zlib's), only headers, which workerhost writes as zlib does.
import zlib from "node:zlib";
import * as named from "node:zlib";
import { Buffer } from "node:buffer";

function show(f) {
  try {
    const r = f();
    return "ok " + (Buffer.isBuffer(r) ? "buf:" + r.toString("hex") : String(r));
  } catch (x) {
    return `${x.name} code=${x.code} msg=${x.message}`;
  }
}
function collect(s, chunks) {
  return new Promise((resolve) => {
    const got = [], ev = [];
    s.on("data", (c) => got.push(c));
    s.on("end", () => ev.push("end"));
    s.on("error", (err) => { ev.push(`error ${err.name} code=${err.code} errno=${err.errno} msg=${err.message}`); resolve(ev.join(" ")); });
    s.on("close", () => { ev.push("close"); resolve(ev.join(" ") + " => " + Buffer.concat(got).toString()); });
    for (const c of chunks) s.write(c);
    s.end();
  });
}
const hi = Buffer.from("hello hello hello hello");
const pairs = [["deflate", "inflate"], ["gzip", "gunzip"], ["deflateRaw", "inflateRaw"], ["brotliCompress", "brotliDecompress"], ["gzip", "unzip"], ["deflate", "unzip"]];

async function sync(out) {
  const p = (k, f) => out.push(k + ": " + show(f));
  for (const [c, d] of pairs) p(c + "/" + d, () => zlib[d + "Sync"](zlib[c + "Sync"](hi)).toString());
  for (const level of [-1, 0, 1, 5, 9, "1", NaN, 1.5]) p("level " + level, () => zlib.inflateSync(zlib.deflateSync(hi, { level })).toString());
  p("big", () => zlib.gunzipSync(zlib.gzipSync(Buffer.alloc(200000, "abc"))).length);
  p("string", () => zlib.gunzipSync(zlib.gzipSync("é")).toString());
  p("ArrayBuffer", () => zlib.inflateSync(zlib.deflateSync(new Uint8Array([1, 2, 3]).buffer)).toString("hex"));
  p("Uint16Array", () => zlib.inflateSync(zlib.deflateSync(new Uint16Array([1, 2]))).toString("hex"));
  p("huffman", () => zlib.inflateSync(zlib.deflateSync(hi, { strategy: zlib.constants.Z_HUFFMAN_ONLY })).toString());
  p("dictionary", () => zlib.inflateSync(zlib.deflateSync(hi, { dictionary: Buffer.from("hello") }), { dictionary: Buffer.from("hello") }).toString());
  p("raw dictionary", () => zlib.inflateRawSync(zlib.deflateRawSync(hi, { dictionary: Buffer.from("hello") }), { dictionary: Buffer.from("hello") }).toString());
  p("brotli quality", () => zlib.brotliDecompressSync(zlib.brotliCompressSync(hi, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })).toString());
  p("brotli lgwin", () => zlib.brotliDecompressSync(zlib.brotliCompressSync(hi, { params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 5 } })).toString());
  p("gunzip members", () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync("ab"), zlib.gzipSync("cd")])).toString());
  p("gunzip zero padding", () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync("ab"), Buffer.alloc(3)])).toString());
  p("inflate trailing", () => zlib.inflateSync(Buffer.concat([zlib.deflateSync("ab"), Buffer.from("zz")])).toString());
  p("finishFlush", () => zlib.inflateSync(zlib.deflateSync(Buffer.alloc(100, "a")).subarray(0, 8), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).length >= 0);
  p("inflate windowBits 0", () => zlib.inflateSync(zlib.deflateSync(hi), { windowBits: 0 }).toString());
  p("info", () => { const r = zlib.deflateSync(hi, { info: true }); return Object.keys(r) + " " + r.engine.constructor.name; });
  // headers
  p("gzip header", () => zlib.gzipSync("").subarray(0, 10).toString("hex"));
  p("gzip header level 1", () => zlib.gzipSync("", { level: 1 }).subarray(0, 10).toString("hex"));
  p("gzip header level 9", () => zlib.gzipSync("", { level: 9 }).subarray(0, 10).toString("hex"));
  for (const [k, o] of [["default", {}], ["level 1", { level: 1 }], ["level 3", { level: 3 }], ["level 9", { level: 9 }], ["windowBits 8", { windowBits: 8 }], ["windowBits 12", { windowBits: 12 }]]) {
    p("zlib header " + k, () => zlib.deflateSync("", o).subarray(0, 2).toString("hex"));
  }
  p("zlib trailer", () => zlib.deflateSync(hi).subarray(-4).toString("hex"));
  p("gzip trailer", () => zlib.gzipSync(hi).subarray(-8).toString("hex"));
  // errors
  p("inflate bad", () => zlib.inflateSync(Buffer.from("hello")));
  p("gunzip bad", () => zlib.gunzipSync(Buffer.from("hello")));
  p("inflateRaw bad", () => zlib.inflateRawSync(Buffer.from([0xff, 0xff, 0xff])));
  p("unzip bad", () => zlib.unzipSync(Buffer.from("hello")));
  p("brotli bad", () => zlib.brotliDecompressSync(Buffer.from("hello world")));
  p("brotli truncated", () => zlib.brotliDecompressSync(zlib.brotliCompressSync(hi).subarray(0, 5)));
  p("brotli empty", () => zlib.brotliDecompressSync(Buffer.alloc(0)));
  p("inflate truncated", () => zlib.inflateSync(zlib.deflateSync(hi).subarray(0, 8)));
  p("gunzip truncated", () => zlib.gunzipSync(zlib.gzipSync(hi).subarray(0, 15)));
  p("gunzip empty", () => zlib.gunzipSync(Buffer.alloc(0)));
  p("inflate empty", () => zlib.inflateSync(Buffer.alloc(0)));
  p("gunzip trailing", () => zlib.gunzipSync(Buffer.concat([zlib.gzipSync("ab"), Buffer.from("zz")])));
  p("inflate gzip data", () => zlib.inflateSync(zlib.gzipSync(hi)));
  p("gunzip zlib data", () => zlib.gunzipSync(zlib.deflateSync(hi)));
  p("gzip crc", () => { const b = zlib.gzipSync(hi); b[b.length - 5] ^= 1; return zlib.gunzipSync(b); });
  p("gzip length", () => { const b = zlib.gzipSync(hi); b[b.length - 1] ^= 1; return zlib.gunzipSync(b); });
  p("zlib adler", () => { const b = zlib.deflateSync(hi); b[b.length - 1] ^= 1; return zlib.inflateSync(b); });
  p("dictionary missing", () => zlib.inflateSync(zlib.deflateSync(hi, { dictionary: Buffer.from("hello") })));
  p("dictionary wrong", () => zlib.inflateSync(zlib.deflateSync(hi, { dictionary: Buffer.from("hello") }), { dictionary: Buffer.from("xx") }));
  p("dictionary type", () => zlib.deflateSync(hi, { dictionary: "hello" }));
  p("inflate windowBits 8", () => zlib.inflateSync(zlib.deflateSync(hi), { windowBits: 8 }));
  p("maxOutputLength", () => zlib.inflateSync(zlib.deflateSync(Buffer.alloc(1000)), { maxOutputLength: 10 }));
  p("brotli maxOutputLength", () => zlib.brotliDecompressSync(zlib.brotliCompressSync(Buffer.alloc(1000)), { maxOutputLength: 10 }));
  p("level 10", () => zlib.deflateSync(hi, { level: 10 }));
  p("windowBits 7", () => zlib.deflateSync(hi, { windowBits: 7 }));
  p("gunzip windowBits 7", () => zlib.gunzipSync(zlib.gzipSync(hi), { windowBits: 7 }));
  p("strategy 9", () => zlib.deflateSync(hi, { strategy: 9 }));
  p("memLevel 10", () => zlib.deflateSync(hi, { memLevel: 10 }));
  p("chunkSize 10", () => zlib.deflateSync(hi, { chunkSize: 10 }));
  p("maxOutputLength 0", () => zlib.inflateSync(zlib.deflateSync(hi), { maxOutputLength: 0 }));
  p("flush 99", () => zlib.inflateSync(zlib.deflateSync(hi), { flush: 99 }));
  p("options 5", () => zlib.deflateSync(hi, 5));
  p("brotli params 5", () => zlib.brotliCompressSync(hi, { params: 5 }));
  p("brotli param 9999", () => zlib.brotliCompressSync(hi, { params: { 9999: 1 } }));
  p("input 5", () => zlib.deflateSync(5));
  p("input null", () => zlib.deflateSync(null));
  // crc32
  p("crc32", () => zlib.crc32("hello"));
  p("crc32 value", () => zlib.crc32(Buffer.from("hello"), 5));
  p("crc32 utf8", () => zlib.crc32("é"));
  p("crc32 Uint16Array", () => zlib.crc32(new Uint16Array([1])));
  p("crc32 5", () => zlib.crc32(5));
  p("crc32 value x", () => zlib.crc32("a", "x"));
  p("crc32 value -1", () => zlib.crc32("a", -1));
  p("crc32 value 2**32", () => zlib.crc32("a", 2 ** 32));
  p("crc32 value 1.5", () => zlib.crc32("a", 1.5));
  // callbacks
  p("callback missing", () => zlib.gzip(hi));
  p("callback with options missing", () => zlib.gzip(hi, {}));
  p("callback bad input", () => zlib.gzip(5, () => {}));
  await new Promise((done) => zlib.gunzip(Buffer.from("zz"), (err) => { out.push("callback error: " + show(() => { throw err; })); done(); }));
  await new Promise((done) => {
    let sync = true;
    zlib.gzip(hi, (err, r) => { out.push(`callback: later=${!sync} err=${err} ${zlib.gunzipSync(r)}`); done(); });
    sync = false;
  });
  await new Promise((done) => zlib.deflate(hi, { level: 1 }, (err, r) => { out.push(`callback options: err=${err} ${zlib.inflateSync(r)}`); done(); }));
}

async function streams(out) {
  const p = (k, f) => out.push(k + ": " + show(f));
  for (const [c, d] of pairs) {
    const name = (n) => "create" + n[0].toUpperCase() + n.slice(1);
    const packed = await new Promise((resolve) => {
      const s = zlib[name(c)](); const got = [];
      s.on("data", (b) => got.push(b)); s.on("end", () => resolve(Buffer.concat(got)));
      s.write(hi); s.write("abc"); s.end(hi);
    });
    out.push(`${c}/${d} stream: ${zlib[d + "Sync"](packed)}`);
    out.push(`${d} stream: ` + await collect(zlib[name(d)](), [packed.subarray(0, 5), packed.subarray(5)]));
  }
  out.push("gunzip bad: " + await collect(zlib.createGunzip(), [Buffer.from("hello")]));
  out.push("inflate truncated: " + await collect(zlib.createInflate(), [zlib.deflateSync(hi).subarray(0, 8)]));
  out.push("dictionary missing: " + await collect(zlib.createInflate(), [zlib.deflateSync(hi, { dictionary: Buffer.from("hello") })]));
  const g = zlib.createDeflate();
  p("bytesWritten before", () => g.bytesWritten);
  await new Promise((done) => { g.on("data", () => {}); g.write(hi, () => done()); });
  p("bytesWritten after write", () => g.bytesWritten);
  await new Promise((done) => g.flush(() => done()));
  p("bytesWritten after flush", () => g.bytesWritten);
  await new Promise((done) => { g.end(); g.on("end", done); });
  p("flags", () => typeof g._handle + " " + g._finishFlushFlag + " " + g._defaultFlushFlag);
  const chain = (o) => { const n = []; while ((o = Object.getPrototypeOf(o))) n.push(o.constructor.name); return n.join(">"); };
  p("Gzip chain", () => chain(zlib.createGzip()));
  p("BrotliCompress chain", () => chain(zlib.createBrotliCompress()));
  p("instanceof", () => [zlib.createGzip() instanceof zlib.Gzip, new zlib.Unzip() instanceof zlib.Unzip, typeof zlib.createGzip().params].join());
  p("options 5", () => typeof zlib.createGzip(5));
  p("options level 11", () => zlib.createGzip({ level: 11 }));
}

export default {
  async fetch(request) {
    const out = [];
    const path = new URL(request.url).pathname;
    if (path === "/exports") {
      const keys = Object.keys(zlib).filter((k) => !/zstd/i.test(k) && k !== "default");
      out.push("default: " + keys.sort().map((k) => k + ":" + typeof zlib[k]).join(","));
      out.push("named: " + ["gzipSync", "createGzip", "constants", "crc32", "Gzip", "codes"].map((k) => k + ":" + typeof named[k]).join(","));
      out.push("constants: " + JSON.stringify(Object.fromEntries(Object.entries(zlib.constants).filter(([k]) => !/zstd/i.test(k)))));
      out.push("codes: " + JSON.stringify(zlib.codes) + " frozen=" + Object.isFrozen(zlib.codes));
    } else if (path === "/sync") {
      await sync(out);
    } else {
      await streams(out);
    }
    return new Response(out.join("\n") + "\n");
  },
};
