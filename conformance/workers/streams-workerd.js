// workerd's IdentityTransformStream and FixedLengthStream as a client sees
// them: a FixedLengthStream body goes out with its Content-Length, an
// IdentityTransformStream body chunked; and their errors as "label:
// result" lines.
const probe = async (out, label, f) => {
  try {
    out.push(`${label}: ${String(await f())}`);
  } catch (e) {
    out.push(`${label}: threw ${e.name}: ${e.message}`);
  }
};

function writeLater(writable, parts) {
  const w = writable.getWriter();
  (async () => {
    for (const p of parts) {
      await new Promise((r) => setTimeout(r, 2));
      await w.write(p);
    }
    await w.close();
  })();
}

export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/fixed") {
      const { readable, writable } = new FixedLengthStream(11);
      writeLater(writable, [new TextEncoder().encode("hello "), "world"]);
      return new Response(readable);
    }
    if (path === "/identity") {
      const { readable, writable } = new IdentityTransformStream();
      writeLater(writable, ["one ", new TextEncoder().encode("two")]);
      return new Response(readable);
    }
    const out = [];
    await probe(out, "no length", () => new FixedLengthStream());
    await probe(out, "negative length", () => new FixedLengthStream(-1));
    await probe(out, "length not a number", () => new FixedLengthStream("abc"));
    await probe(out, "too short", async () => {
      const ts = new FixedLengthStream(5);
      const w = ts.writable.getWriter();
      const r = ts.readable.getReader();
      w.write(new Uint8Array(2));
      w.close().catch(() => {});
      const first = (await r.read()).value.length;
      return `${first} then ${await r.read().catch((e) => `${e.name}: ${e.message}`)}`;
    });
    await probe(out, "too long", async () => {
      const ts = new FixedLengthStream(1);
      ts.writable.getWriter().write(new Uint8Array(2)).catch(() => {});
      return ts.readable.getReader().read();
    });
    await probe(out, "identity is a TransformStream", () => new IdentityTransformStream() instanceof TransformStream);
    return new Response(out.join("\n") + "\n");
  },
};
