// TextDecoderStream and TextEncoderStream on a request body: decoded,
// upper-cased and encoded again to the client; then their chunking and
// errors as "label: result" lines.
const probe = async (out, label, f) => {
  try {
    out.push(`${label}: ${String(await f())}`);
  } catch (e) {
    out.push(`${label}: threw ${e.name}: ${e.message}`);
  }
};
const all = async (rs) => {
  const got = [];
  for await (const x of rs) got.push(typeof x === "string" ? x : `[${Array.from(x).join(",")}]`);
  return got.join("|");
};

export default {
  async fetch(request) {
    if (new URL(request.url).pathname === "/upper") {
      return new Response(request.body
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(new TransformStream({ transform(s, c) { c.enqueue(s.toUpperCase()); } }))
        .pipeThrough(new TextEncoderStream()));
    }
    const out = [];
    await probe(out, "encode", () => all(ReadableStream.from(["a", "é", "\ud83d", "\ude00", ""]).pipeThrough(new TextEncoderStream())));
    await probe(out, "lone surrogate", () => all(ReadableStream.from(["a\ud83d"]).pipeThrough(new TextEncoderStream())));
    await probe(out, "split character", () => all(ReadableStream.from([new Uint8Array([0xc3]), new Uint8Array([0xa9, 0x41])]).pipeThrough(new TextDecoderStream())));
    await probe(out, "fatal", () => all(ReadableStream.from([new Uint8Array([0xff])]).pipeThrough(new TextDecoderStream("utf-8", { fatal: true }))));
    await probe(out, "bad label", () => new TextDecoderStream("nope"));
    await probe(out, "string into a decoder", () => all(ReadableStream.from(["x"]).pipeThrough(new TextDecoderStream())));
    return new Response(out.join("\n") + "\n");
  },
};
