// CompressionStream and DecompressionStream as workerd 1.20261117.1
// answers (asked with the same probes).
(async () => {
  const names = (c) => Object.getOwnPropertyNames(c.prototype).join();
  const parent = (c) => Object.getPrototypeOf(c.prototype).constructor.name;
  assertEq([CompressionStream, DecompressionStream].map((c) => names(c) + ":" + parent(c)).join(" "),
    "constructor:TransformStream constructor:TransformStream", "shapes");
  const formatMsg = "The compression format must be either 'deflate', 'deflate-raw' or 'gzip'.";
  assertThrows(() => new CompressionStream("br"), "TypeError", formatMsg);
  assertThrows(() => new DecompressionStream("GZIP"), "TypeError", formatMsg);
  assertThrows(() => new CompressionStream(), "TypeError",
    "Failed to construct 'CompressionStream': constructor parameter 1 is not of type 'string'.");

  const bytesOf = async (rs) => new Uint8Array(await new Response(rs).arrayBuffer());
  const through = (data, ...ts) => {
    let rs = new Response(data).body;
    for (const t of ts) rs = rs.pipeThrough(t);
    return bytesOf(rs);
  };
  const text = "héllo wörld € 😀 ".repeat(5000);
  for (const f of ["gzip", "deflate", "deflate-raw"]) {
    const z = await through(text, new CompressionStream(f));
    assertEq(z.length < 2000, true, `${f} compresses`);
    const back = await through(z, new DecompressionStream(f));
    assertEq(new TextDecoder().decode(back), text, `${f} round trip`);
  }
  const gz = await through("hello", new CompressionStream("gzip"));
  assertEq(Array.from(gz.slice(0, 10)).join(), "31,139,8,0,0,0,0,0,0,3", "gzip header");

  // A string chunk is UTF-8; other non-bytes are refused.
  const cs = new CompressionStream("gzip");
  const cw = cs.writable.getWriter();
  cw.write("abc");
  cw.close();
  assertEq(new TextDecoder().decode(await through(await bytesOf(cs.readable), new DecompressionStream("gzip"))), "abc", "string chunk");
  const notBytes = "This TransformStream is being used as a byte stream, but received an object of " +
    "non-ArrayBuffer/ArrayBufferView type on its writable side.";
  await assertRejects(new CompressionStream("gzip").writable.getWriter().write(5), "TypeError", notBytes);

  // Bad compressed data.
  const feed = async (f, ...chunks) => {
    const d = new DecompressionStream(f);
    const w = d.writable.getWriter();
    const r = d.readable.getReader();
    const got = [];
    const reading = (async () => { for (;;) { const x = await r.read(); if (x.done) return; got.push(...x.value); } })();
    reading.catch(() => {});
    try {
      for (const c of chunks) await w.write(c);
      await w.close();
      await reading;
      return "ok " + got.length;
    } catch (e) {
      return `${e.constructor.name}: ${e.message}`;
    }
  };
  assertEq(await feed("gzip", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])), "TypeError: Decompression failed.", "bad gzip");
  assertEq(await feed("deflate", new Uint8Array([1, 2, 3, 4])), "TypeError: Decompression failed.", "bad deflate");
  assertEq(await feed("gzip", gz.slice(0, gz.length - 4)),
    "TypeError: Called close() on a decompression stream with incomplete data", "truncated");
  assertEq(await feed("gzip", gz, new Uint8Array([1])), "TypeError: Trailing bytes after end of compressed data", "trailing chunk");
  const tail = new Uint8Array(gz.length + 2);
  tail.set(gz);
  assertEq(await feed("gzip", tail), "TypeError: Trailing bytes after end of compressed data", "trailing bytes");
  const parts = [];
  for (let i = 0; i < gz.length; i++) parts.push(gz.slice(i, i + 1));
  assertEq(await feed("gzip", ...parts), "ok 5", "one byte at a time");
  const abandoned = new DecompressionStream("gzip");
  abandoned.writable.getWriter().write(gz.slice(0, 12)).catch(() => {});
  await abandoned.readable.cancel();
  // Left mid-stream: its decoder ends with the runtime.
  new DecompressionStream("deflate").writable.getWriter().write(new Uint8Array([120])).catch(() => {});
})();
