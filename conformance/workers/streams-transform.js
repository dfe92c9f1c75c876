// TransformStream and the pipes as a user sees them: a request body piped
// through a transform to the client, a response written bit by bit
// through a TransformStream's writer, and the pipes' errors and options
// as "label: result" lines.
const upper = () => new TransformStream({
  transform(chunk, c) { c.enqueue(new TextEncoder().encode(new TextDecoder().decode(chunk).toUpperCase())); },
  flush(c) { c.enqueue(new TextEncoder().encode("|END")); },
});

const probe = async (out, label, f) => {
  try {
    out.push(`${label}: ${String(await f())}`);
  } catch (e) {
    out.push(`${label}: threw ${e.name}: ${e.message}`);
  }
};

async function probes() {
  const out = [];
  await probe(out, "identity desiredSize", () => {
    const w = new TransformStream().writable.getWriter();
    const sizes = [w.desiredSize];
    w.write("a"); sizes.push(w.desiredSize);
    w.write("b"); sizes.push(w.desiredSize);
    return sizes.join();
  });
  await probe(out, "terminate", () => new TransformStream({ start(c) { c.terminate(); } }).writable.getWriter().write(1));
  await probe(out, "controller", () => new TransformStreamDefaultController());
  await probe(out, "pipeTo locked writable", () => { const w = new WritableStream(); w.getWriter(); return new Response("x").body.pipeTo(w); });
  await probe(out, "pipeTo locked readable", () => { const r = new Response("x").body; r.getReader(); return r.pipeTo(new WritableStream()); });
  await probe(out, "pipeTo not a stream", () => new Response("x").body.pipeTo({}));
  await probe(out, "pipeThrough not a pair", () => new Response("x").body.pipeThrough({}));
  await probe(out, "aborted signal", async () => {
    const ac = new AbortController();
    const p = new ReadableStream({ pull(c) { c.enqueue(1); } })
      .pipeTo(new WritableStream({ write() { return new Promise((r) => setTimeout(r, 5)); } }), { signal: ac.signal });
    setTimeout(() => ac.abort(new RangeError("stop")), 10);
    return p;
  });
  await probe(out, "source error", () => new ReadableStream({ start(c) { c.error(new RangeError("src")); } }).pipeTo(new WritableStream()));
  await probe(out, "destination error", async () => {
    let cancelled;
    const p = await new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { cancelled = r; } })
      .pipeTo(new WritableStream({ write() { throw new Error("dst"); } })).catch((e) => e.message);
    return `${p} ${cancelled.message}`;
  });
  await probe(out, "preventClose", async () => {
    let closed = false;
    const w = new WritableStream({ close() { closed = true; } });
    await new Response("ab").body.pipeTo(w, { preventClose: true });
    return `${closed} ${w.locked}`;
  });
  return out.join("\n") + "\n";
}

export default {
  async fetch(request) {
    const path = new URL(request.url).pathname;
    if (path === "/upper") return new Response(request.body.pipeThrough(upper()));
    if (path === "/writer") {
      const { readable, writable } = new TransformStream();
      const w = writable.getWriter();
      (async () => {
        for (let i = 0; i < 5; i++) {
          await w.ready;
          await w.write(new TextEncoder().encode(`part ${i}\n`));
          await new Promise((r) => setTimeout(r, 2));
        }
        await w.close();
      })();
      return new Response(readable);
    }
    return new Response(await probes());
  },
};
