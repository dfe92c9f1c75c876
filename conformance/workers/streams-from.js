// ReadableStream.from over arrays, generators, async generators and
// strings, its refusals, and async iteration with and without
// preventCancel, as "label: result" lines.
const probe = async (out, label, f) => {
  try {
    out.push(`${label}: ${String(await f())}`);
  } catch (e) {
    out.push(`${label}: threw ${e.name}: ${e.message}`);
  }
};
const all = async (rs) => { const got = []; for await (const x of rs) got.push(x); return got.join(); };

export default {
  async fetch() {
    const out = [];
    await probe(out, "array", () => all(ReadableStream.from([1, 2, 3])));
    await probe(out, "generator", () => all(ReadableStream.from((function* () { yield "a"; yield "b"; })())));
    await probe(out, "async generator", () => all(ReadableStream.from((async function* () { yield "x"; yield "y"; })())));
    await probe(out, "string", () => all(ReadableStream.from("ab")));
    await probe(out, "number", () => ReadableStream.from(1));
    await probe(out, "plain object", () => ReadableStream.from({}));
    await probe(out, "generator throws", () => all(ReadableStream.from((function* () { yield 1; throw new RangeError("gen"); })())));
    await probe(out, "cancel calls return", async () => {
      let ret = false;
      const it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { ret = true; return {}; } }; } };
      await ReadableStream.from(it).cancel("r");
      return ret;
    });
    await probe(out, "preventCancel", async () => {
      let cancelled = false;
      const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { cancelled = true; } });
      for await (const x of rs.values({ preventCancel: true })) break;
      return `${cancelled} ${rs.locked}`;
    });
    await probe(out, "break cancels", async () => {
      let cancelled = false;
      const rs = new ReadableStream({ pull(c) { c.enqueue(1); }, cancel() { cancelled = true; } });
      for await (const x of rs) break;
      return `${cancelled} ${rs.locked}`;
    });
    await probe(out, "a body piped from an iterable", async () => new Response(ReadableStream.from(["ab", "cd"]).pipeThrough(new TransformStream({
      transform(chunk, c) { c.enqueue(new TextEncoder().encode(chunk)); },
    }))).text());
    return new Response(out.join("\n") + "\n");
  },
};
