// CompressionStream, DecompressionStream, the text streams and
// FixedLengthStream as a user sees them: a response body compressed for
// the client, a client's compressed upload decompressed, round trips,
// split multi-byte characters, and the errors as "label: result" lines.
const text = "Compressed by the worker: héllo wörld € 😀\n".repeat(3000);

const probe = async (out, label, f) => {
  try {
    out.push(`${label}: ${String(await f())}`);
  } catch (e) {
    out.push(`${label}: threw ${e.name}: ${e.message}`);
  }
};

const bytesOf = async (rs) => new Uint8Array(await new Response(rs).arrayBuffer());
const through = (data, ...ts) => {
  let rs = new Response(data).body;
  for (const t of ts) rs = rs.pipeThrough(t);
  return bytesOf(rs);
};

// feed writes chunks to a DecompressionStream while reading it, and
// reports how it ended.
async function feed(format, ...chunks) {
  const d = new DecompressionStream(format);
  const w = d.writable.getWriter();
  const r = d.readable.getReader();
  let got = 0;
  const reading = (async () => { for (;;) { const x = await r.read(); if (x.done) return; got += x.value.length; } })();
  reading.catch(() => {});
  try {
    for (const c of chunks) await w.write(c);
    await w.close();
    await reading;
    return `ok ${got} bytes`;
  } catch (e) {
    return `threw ${e.name}: ${e.message}`;
  }
}

async function probes() {
  const out = [];
  for (const f of ["gzip", "deflate", "deflate-raw"]) {
    await probe(out, `${f} round trip`, async () => {
      const z = await through(text, new CompressionStream(f));
      const back = new TextDecoder().decode(await through(z, new DecompressionStream(f)));
      return `${back === text} ${z.length < text.length / 10}`;
    });
  }
  await probe(out, "formats", () => ["gzip", "deflate", "deflate-raw", "br", "GZIP"].map((f) => {
    try { new CompressionStream(f); return `${f} ok`; } catch (e) { return `${f} ${e.name}: ${e.message}`; }
  }).join("; "));
  await probe(out, "no format", () => new DecompressionStream());
  await probe(out, "shapes", () => [CompressionStream, DecompressionStream, IdentityTransformStream, FixedLengthStream]
    .map((c) => Object.getPrototypeOf(c.prototype).constructor.name).join());
  const gz = await through("hello", new CompressionStream("gzip"));
  await probe(out, "gzip header", () => Array.from(gz.slice(0, 10)).join());
  await probe(out, "string chunk", async () => {
    const c = new CompressionStream("deflate");
    const w = c.writable.getWriter();
    w.write("strings are UTF-8 é");
    w.close();
    return new TextDecoder().decode(await through(await bytesOf(c.readable), new DecompressionStream("deflate")));
  });
  await probe(out, "awaited writes before reading", async () => {
    const c = new CompressionStream("gzip");
    const w = c.writable.getWriter();
    for (let i = 0; i < 20; i++) await w.write(new TextEncoder().encode(`chunk ${i} `.repeat(500 + i)));
    await w.close();
    const back = new TextDecoder().decode(await through(await bytesOf(c.readable), new DecompressionStream("gzip")));
    return back.length;
  });
  await probe(out, "number chunk", () => {
    const c = new CompressionStream("gzip");
    c.readable.getReader().read().catch(() => {});
    return c.writable.getWriter().write(5);
  });
  await probe(out, "bad gzip", () => feed("gzip", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])));
  await probe(out, "bad deflate", () => feed("deflate", new Uint8Array([1, 2, 3, 4])));
  await probe(out, "truncated gzip", () => feed("gzip", gz.slice(0, gz.length - 4)));
  await probe(out, "trailing chunk", () => feed("gzip", gz, new Uint8Array([1])));
  const parts = [];
  for (let i = 0; i < gz.length; i++) parts.push(gz.slice(i, i + 1));
  await probe(out, "one byte at a time", () => feed("gzip", ...parts));

  await probe(out, "TextDecoderStream split", async () => {
    const euro = new TextEncoder().encode("€😀é");
    const d = new TextDecoderStream();
    const w = d.writable.getWriter();
    for (let i = 0; i < euro.length; i++) w.write(euro.slice(i, i + 1));
    w.close();
    return JSON.stringify(await new Response(d.readable.pipeThrough(new TextEncoderStream())).text()) +
      ` ${d.encoding} ${d.fatal} ${d.ignoreBOM}`;
  });
  await probe(out, "TextDecoderStream fatal", async () => {
    const d = new TextDecoderStream("utf-8", { fatal: true });
    const w = d.writable.getWriter();
    d.readable.getReader().read().catch(() => {});
    w.write(new Uint8Array([0xe2, 0x82]));
    return w.close();
  });
  await probe(out, "TextDecoderStream string", () => {
    const d = new TextDecoderStream();
    d.readable.getReader().read().catch(() => {});
    return d.writable.getWriter().write("abc");
  });
  await probe(out, "TextDecoderStream label", () => new TextDecoderStream("nope"));
  await probe(out, "TextEncoderStream surrogates", async () => {
    const e = new TextEncoderStream();
    const w = e.writable.getWriter();
    for (const c of ["\uD83D", "\uDE00a", 5, "\uD83D"]) w.write(c);
    w.close();
    return Array.from(await bytesOf(e.readable)).join(".");
  });
  await probe(out, "FixedLengthStream too many", async () => {
    const f = new FixedLengthStream(3);
    const w = f.writable.getWriter();
    const r = f.readable.getReader();
    w.write(new Uint8Array([1, 2]));
    await r.read();
    w.write(new Uint8Array([1, 2]));
    return r.read();
  });
  await probe(out, "FixedLengthStream too few", async () => {
    const f = new FixedLengthStream(3);
    const w = f.writable.getWriter();
    const r = f.readable.getReader();
    w.write(new Uint8Array([1, 2]));
    await r.read();
    w.close().catch(() => {});
    return r.read();
  });
  await probe(out, "IdentityTransformStream", async () => {
    const t = new IdentityTransformStream();
    const w = t.writable.getWriter();
    w.write("ab");
    w.write(new Uint16Array([1]));
    w.close();
    return Array.from(await bytesOf(t.readable)).join();
  });
  // A chunk that is not bytes rejects its own write; the stream goes on.
  for (const make of [() => new IdentityTransformStream(), () => new FixedLengthStream(3), () => new CompressionStream("deflate"), () => new DecompressionStream("deflate")]) {
    await probe(out, "non-bytes write", async () => {
      const t = make();
      const w = t.writable.getWriter();
      // (deflate's bytes are Go's, not zlib's: only their presence counts)
      const read = bytesOf(t.readable).then((b) => "read " + (t instanceof CompressionStream ? b.length > 0 : b.length), (e) => "read " + e.message);
      const settle = (p) => p.then(() => "ok", (e) => e.name + ": " + e.message);
      const bad = [5, {}, null, [1]];
      const refused = [];
      for (const v of bad) refused.push(await settle(w.write(v)));
      const good = [await settle(w.write(new ArrayBuffer(1))), await settle(w.write(new DataView(new Uint8Array([156, 3]).buffer)))];
      return [String(t), new Set(refused).size, refused[0], good.join(), await settle(w.close()), await read].join(" | ");
    });
  }
  return new Response(out.join("\n") + "\n");
}

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const format = url.searchParams.get("format");
    switch (url.pathname) {
      case "/compress":
        return new Response(new Response(text).body.pipeThrough(new CompressionStream(format)));
      case "/decompress":
        return new Response(request.body.pipeThrough(new DecompressionStream(format)));
      case "/fixed": {
        const f = new FixedLengthStream(11);
        const w = f.writable.getWriter();
        w.write(new TextEncoder().encode("fixed "));
        w.write(new TextEncoder().encode("body"));
        w.write(new TextEncoder().encode("!"));
        w.close();
        return new Response(f.readable);
      }
      default:
        return probes();
    }
  },
};
