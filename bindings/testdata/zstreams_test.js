// CompressionStream, DecompressionStream, the text streams,
// IdentityTransformStream and FixedLengthStream as workerd 1.20261117.1
// answers (asked with the same probes).
(async () => {
  const names = (c) => Object.getOwnPropertyNames(c.prototype).join();
  const parent = (c) => Object.getPrototypeOf(c.prototype).constructor.name;
  assertEq([CompressionStream, DecompressionStream, IdentityTransformStream, FixedLengthStream, TextEncoderStream, TextDecoderStream]
    .map((c) => names(c) + ":" + parent(c)).join(" "),
  "constructor:TransformStream constructor:TransformStream constructor:TransformStream constructor:IdentityTransformStream " +
    "encoding,constructor:TransformStream encoding,fatal,ignoreBOM,constructor:TransformStream", "shapes");
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

  // Text streams.
  const te = new TextEncoderStream();
  const tw = te.writable.getWriter();
  for (const c of ["\uD83D", "\uDE00a", 5, "", "\uD83D"]) tw.write(c);
  tw.close();
  const encoded = [];
  for (const r = te.readable.getReader(); ;) { const x = await r.read(); if (x.done) break; encoded.push(Array.from(x.value).join(".")); }
  assertEq(encoded.join(" ") + " " + te.encoding, "240.159.152.128.97 53 239.191.189 utf-8", "TextEncoderStream");
  const td = new TextDecoderStream();
  const dw = td.writable.getWriter();
  dw.write(new Uint8Array([0xe2, 0x82]));
  dw.write(new Uint8Array([0xac, 0x41]));
  dw.close();
  const decoded = [];
  for (const r = td.readable.getReader(); ;) { const x = await r.read(); if (x.done) break; decoded.push(x.value); }
  assertEq(JSON.stringify(decoded) + [td.encoding, td.fatal, td.ignoreBOM], '["€A"]utf-8,false,false', "TextDecoderStream");
  const fatal = new TextDecoderStream("utf-8", { fatal: true });
  const fw = fatal.writable.getWriter();
  fw.write(new Uint8Array([0xe2, 0x82]));
  fatal.readable.getReader().read().catch(() => {});
  await assertRejects(fw.close(), "TypeError", "Failed to decode input.");
  const stringIn = new TextDecoderStream();
  stringIn.readable.getReader().read().catch(() => {});
  await assertRejects(stringIn.writable.getWriter().write("abc"), "TypeError",
    "This TransformStream is being used as a byte stream, but received a value that is not a BufferSource.");
  assertThrows(() => new TextDecoderStream("nope"), "RangeError", '"nope" is not a valid encoding.');

  // Identity and fixed-length streams.
  const id = new IdentityTransformStream();
  const iw = id.writable.getWriter();
  iw.write("ab");
  iw.write(new Uint16Array([1]));
  iw.close();
  assertEq(Array.from(await bytesOf(id.readable)).join(), "97,98,1,0", "identity bytes");
  const objectIn = new IdentityTransformStream();
  objectIn.readable.getReader().read().catch(() => {});
  await assertRejects(objectIn.writable.getWriter().write({}), "TypeError", notBytes);
  assertThrows(() => new FixedLengthStream(), "TypeError",
    "Failed to construct 'FixedLengthStream': constructor parameter 1 is not of type 'bigint'.");
  assertThrows(() => new FixedLengthStream(-1), "TypeError",
    "The value cannot be converted because it is negative and this API expects a positive bigint.");
  assertThrows(() => new FixedLengthStream(2 ** 60), "TypeError",
    "FixedLengthStream requires an integer expected length less than 2^53.");
  assertThrows(() => new FixedLengthStream(2n ** 64n), "TypeError", "The value cannot be converted because it is " +
    "either negative and this API expects a positive bigint, or the value would be truncated.");
  assertThrows(() => new FixedLengthStream(NaN), "TypeError", "The value cannot be converted because it is not an integer.");
  new FixedLengthStream(5n);
  new FixedLengthStream("5");
  const over = new FixedLengthStream(3);
  const ow = over.writable.getWriter();
  const or = over.readable.getReader();
  ow.write(new Uint8Array([1, 2]));
  assertEq((await or.read()).value.length, 2, "fixed first chunk");
  ow.write(new Uint8Array([1, 2]));
  await assertRejects(or.read(), "TypeError", "Attempt to write too many bytes through a FixedLengthStream.");
  const under = new FixedLengthStream(3);
  const uw = under.writable.getWriter();
  const ur = under.readable.getReader();
  uw.write(new Uint8Array([1, 2]));
  await ur.read();
  uw.close().catch(() => {});
  await assertRejects(ur.read(), "TypeError", "FixedLengthStream did not see all expected bytes before close().");
})();
